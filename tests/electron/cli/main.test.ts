import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleDetail, ImportReport, LibraryStats, SearchPage } from '../../../shared/types.js';
import { seedLike, writeTree } from '../../helpers/articles.js';
import { cli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';

const SEED_FOLDER = resolve(__dirname, '../../fixtures/parse/seed');

function library(): { folder: string; db: string } {
  const folder = tempDir();
  writeTree(folder, {
    '2025/07/one.txt': seedLike({ title: 'Public sector AI deal', date: '2025-07-29T14:15:29Z', source: 'IBN', body: '<p>public sector</p>' }),
    '2025/06/two.txt': seedLike({ title: 'Hospital software', date: '2025-06-01T00:00:00Z', source: 'Health Wire' }),
    'bad.md': '+++\ntitle = "x"\ntitle = "y"\n+++\nbody',
  });
  return { folder, db: join(tempDir(), 'lib.db') };
}

describe('gleaner CLI', () => {
  it('imports and prints one JSON report with --json, exit 0 even with a failed file', async () => {
    const { folder, db } = library();
    const { code, stdout } = await cli('import', folder, '--db', db, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ImportReport;
    expect(report).toMatchObject({ added: 2, failed: 1 });
    expect(report.files.find((f) => f.status === 'failed')).toMatchObject({ path: 'bad.md', reason: expect.stringMatching(/duplicate/i) });
  });

  it('prints a readable report without --json', async () => {
    const { folder, db } = library();
    const { stdout } = await cli('import', folder, '--db', db);
    expect(stdout).toMatch(/added 2, updated 0, unchanged 0/);
    expect(stdout).toMatch(/Failed:\n {2}bad\.md: .*duplicate/i);
  });

  it('searches, lists, shows and counts', async () => {
    const { folder, db } = library();
    await cli('import', folder, '--db', db);
    const found = JSON.parse((await cli('search', '"public sector"', '--db', db, '--json')).stdout) as SearchPage;
    expect(found.total).toBe(1);
    expect(found.items[0]!.title).toBe('Public sector AI deal');
    expect(found.facets!.sources).toEqual([{ value: 'IBN', count: 1 }]);

    const listed = await cli('list', 'after:2025-07', '--db', db);
    expect(listed.stdout).toMatch(/^1 article match/);
    expect(listed.stdout).toMatch(/2025-07-29 {2}IBN +Public sector AI deal/);

    const shown = JSON.parse((await cli('show', String(found.items[0]!.id), '--db', db, '--json')).stdout) as ArticleDetail;
    expect(shown).toMatchObject({ title: 'Public sector AI deal', source: 'IBN', relPath: '2025/07/one.txt' });

    const stats = JSON.parse((await cli('stats', '--db', db, '--json')).stdout) as LibraryStats;
    expect(stats).toMatchObject({ articles: 2, sources: 2, folders: 1, oldest: '2025-06-01T00:00:00.000Z' });
  });

  it('exits 2 with one line on stderr for bad usage or a missing folder', async () => {
    const db = join(tempDir(), 'lib.db');
    for (const argv of [
      ['import', join(tempDir(), 'absent'), '--db', db],
      ['import', '--db', db],
      ['frobnicate'],
      ['search', '--db', db],
      ['list', '--limit', 'many', '--db', db],
      ['list', '--sort', 'sideways', '--db', db],
      ['list', '"open', '--db', db],
      ['show', 'abc', '--db', db],
      ['import', '--no-such-flag'],
    ]) {
      const { code, stderr, stdout } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^gleaner: /);
      expect(stdout).toBe('');
    }
  });

  it('exits 1 for an id that does not exist', async () => {
    const { code, stderr } = await cli('show', '999', '--db', join(tempDir(), 'lib.db'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/no article with id 999/);
  });

  it('imports the seed sample with every field right', async () => {
    const db = join(tempDir(), 'lib.db');
    await cli('import', SEED_FOLDER, '--db', db);
    const article = JSON.parse((await cli('show', '1', '--db', db, '--json')).stdout) as ArticleDetail;
    expect(article).toMatchObject({
      title: 'UK Government and OpenAI Partner to Revolutionize Public Sector Services with AI',
      date: '2025-07-29T14:15:29.000Z',
      draft: false,
      source: 'InvestorBrandNetwork (IBN)',
      sourceLink: 'https://rss.investorbrandnetwork.com/ainw/uk-openai-ink-deal-for-ai-use-in-public-services/',
      enclosure: 'https://cdn.newsramp.app/genai/images/257/29/4566bfe447669ad6ac509dd3f41d50fa.png',
      articleId: '124330',
      feedItemId: '17705',
      url: '/202507/124330-uk-government-and-openai-partner-to-revolutionize-public-sector-services-with-ai',
      extra: { qrcode: 'https://cdn.newsramp.app/ibn/qrcode/257/29/irisg6At.webp' },
      format: 'toml',
      bodyFormat: 'html',
    });
    expect(article.summary).toMatch(/^The collaboration between the UK government and OpenAI/);
    expect(article.description).toMatch(/^OpenAI collaborates with the UK government/);
  });
});

describe('gleaner curation commands', () => {
  it('tags by query, renames, lists; collections and saved searches; marks', async () => {
    const { folder, db } = library();
    await cli('import', folder, '--db', db);
    expect((await cli('tag', 'add', 'policy/uk', 'source:IBN', '--db', db)).stdout).toBe('Add tag "policy/uk" to 1 article.\n');
    expect((await cli('tag', 'rename', 'policy', 'gov', '--db', db)).code).toBe(0);
    expect((await cli('tag', 'list', '--db', db)).stdout).toBe('      1  gov/uk\n');
    expect(JSON.parse((await cli('list', 'tag:gov', '--db', db, '--json')).stdout).total).toBe(1);

    await cli('collection', 'create', 'Pack', '--db', db);
    await cli('collection', 'add', 'Pack', '', '--db', db);
    expect((await cli('collection', 'list', '--db', db)).stdout).toBe('      2  Pack\n');
    await cli('saved', 'create', 'Health', 'source:"Health Wire"', '--db', db);
    expect((await cli('saved', 'list', '--db', db)).stdout).toBe('      1  Health: source:"Health Wire"\n');
    expect((await cli('mark', 'starred', 'hospital', '--db', db)).stdout).toBe('Star 1 article.\n');
    expect(JSON.parse((await cli('list', 'is:starred', '--db', db, '--json')).stdout).total).toBe(1);
  });

  it('refuses bad names and unknown things with exit 2 and one line', async () => {
    const { folder, db } = library();
    await cli('import', folder, '--db', db);
    for (const argv of [
      ['tag', 'add', ' ', '', '--db', db],
      ['tag', 'merge', 'x', 'x', '--db', db],
      ['tag', 'add', 'ok', '--ids', 'a,b', '--db', db],
      ['collection', 'add', 'Nope', '', '--db', db],
      ['saved', 'create', 'Bad', 'after:2025-13', '--db', db],
      ['tag', 'frob', '--db', db],
    ]) {
      const { code, stderr } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
