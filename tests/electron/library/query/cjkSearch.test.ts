import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Db } from '../../../../electron/library/db/connection.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { search } from '../../../../electron/library/query/search.js';
import { UNIT_SEPARATOR } from '../../../../shared/query/cjk.js';
import { MARK_END, MARK_START } from '../../../../shared/types.js';
import { cli } from '../../../helpers/cli.js';
import { CORPORA, corporaDir, describeNeeding } from '../../../helpers/requirements.js';
import { tempDir } from '../../../helpers/tmp.js';

/** The Redox website in 21 languages: Chinese (`*.zh.md`), Japanese (`*.jp.md`), Korean (`*.ko.md`). */
const articles = () => join(corporaDir(), 'redox-website', 'articles');
describeNeeding([CORPORA], 'CJK search on the shared Redox corpus', () => {
  let db: Db;

  beforeAll(async () => {
    db = openLibrary(join(tempDir(), 'lib.db'));
    const report = await importFolders(db, [articles()]);
    expect(report.added).toBeGreaterThan(100);
  });

  /** Titles of the pages found, and the marked part of the snippet of the given page. */
  function find(query: string, title: string) {
    const page = search(db, { query, limit: 500 });
    const hit = page.items.find((i) => i.title === title);
    const marked = hit?.snippet?.match(new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g')) ?? [];
    return { total: page.total, hit, marked: marked.map((m) => m.slice(1, -1)).join('') };
  }

  describe('CJK search on the Redox website', () => {
    // Words copied from the pages, each inside a longer run with no space before or after it.
    it.each([
      { language: 'Chinese', file: 'home.zh.md', title: '主页', word: '微内核', context: '微内核设计' }, // "microkernel design"
      { language: 'Japanese', file: 'home.jp.md', title: 'ホーム', word: 'マイクロカーネル', context: 'マイクロカーネル設計' },
      // Korean has spaces, but particles stick to words: 운영체제입니다 ("is an operating system").
      { language: 'Korean', file: 'home.ko.md', title: '홈', word: '운영체제', context: '운영체제입니다' },
    ])('finds a $language word copied from a page, marked in its snippet', ({ file, title, word, context }) => {
      const text = readFileSync(join(articles(), file), 'utf8');
      expect(text).toContain(context);
      expect(text).not.toMatch(new RegExp(`[\\s>]${word}[\\s<.,]`)); // never a word of its own there
      const { hit, marked } = find(word, title);
      expect(hit).toBeDefined();
      expect(marked).toContain(word);
      expect(hit!.snippet).not.toContain(UNIT_SEPARATOR);
    });

    it('matches the letters in order only: a phrase of units, not any of them', () => {
      const inOrder = find('微内核', '主页').total;
      const reversed = search(db, { query: '核内微', limit: 1 }).total;
      expect(inOrder).toBeGreaterThan(0);
      expect(reversed).toBe(0);
    });

    it('still finds Latin words glued to CJK text', () => {
      // "<b>Redox</b>是一个用…Rust</b></a>语言": Rust touches 语 in the text.
      expect(find('rust', '主页').hit).toBeDefined();
    });
  });

  describe('CJK search in the CLI', () => {
    it('lists the page with the match bracketed in its snippet and no stray separators', async () => {
      const dbPath = join(tempDir(), 'cli.db');
      expect((await cli('import', articles(), '--db', dbPath)).code).toBe(0);
      const { code, stdout } = await cli('search', '微内核', '--db', dbPath);
      expect(code).toBe(0);
      expect(stdout).toMatch(/主页/);
      expect(stdout).toContain('[微内核]');
      expect(stdout).not.toContain(UNIT_SEPARATOR);
    });
  });
});
