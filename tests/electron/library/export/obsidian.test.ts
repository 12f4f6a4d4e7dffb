import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/library/db/connection.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { insertHighlights } from '../../../../electron/library/db/queries/highlights.js';
import { obsidianTag } from '../../../../electron/library/export/formats/obsidian.js';
import { FOLDER_MARKER } from '../../../../electron/library/export/target.js';
import { bundleSite } from '../../../helpers/bundle.js';
import { tempDir } from '../../../helpers/tmp.js';
import { libraryFrom, suiteDir } from './helpers.js';
import { toolLibrary } from './toolCorpus.js';

let db: Db;
let ids: number[];
let id: (file: string) => number;

beforeAll(async () => {
  ({ db, ids, id } = await toolLibrary());
});

/** A note split into its parsed YAML properties and its Markdown body; fails on anything but `---` fences. */
function readNote(text: string): { properties: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`not a note with front matter: ${text.slice(0, 80)}`);
  return { properties: parse(m[1]!, { strict: true }) as Record<string, unknown>, body: m[2]! };
}

describe('Obsidian vault export', () => {
  it('writes one note per article with valid YAML properties, safe unique names and the body as Markdown', async () => {
    const out = join(tempDir(), 'vault');
    const report = await exportArticles(db, { ids, format: 'obsidian', out });
    expect(report).toMatchObject({ articles: ids.length, files: ids.length + 1, warnings: [] });
    const names = readdirSync(out).sort();
    expect(names).toEqual(
      [
        FOLDER_MARKER,
        'Deal _reached_ _script_alert(1)__script_ & more_ yes.md',
        'No link here.md',
        'Plain page a_b_c  1  x    y.md',
        'Same title (2).md',
        'Same title.md',
        '___.._etc_passwd.md',
      ].sort(),
    );
    const notes = Object.fromEntries(names.filter((n) => n.endsWith('.md')).map((n) => [n, readNote(readFileSync(join(out, n), 'utf8'))]));
    for (const note of Object.values(notes)) expect(note.body.trim()).not.toBe('');

    const news = notes['Deal _reached_ _script_alert(1)__script_ & more_ yes.md']!;
    expect(news.properties).toEqual({
      title: 'Deal "reached" <script>alert(1)</script> & more: yes',
      authors: ['Mara Bos', 'UN News'],
      source: 'IBN',
      url: 'https://ibn.example/a?x=1&y=2',
      date: '2025-07-03',
      tags: ['climate', 'to-read', 'week-27'],
      collections: ['Reading pack'],
    });
    expect(news.body).toContain('> [!note] My note\n> Check the \\*numbers\\*\\.\n> Second line\\.\n');
    expect(news.body).toContain('The **deal** was signed.');
    expect(news.body).not.toMatch(/<script/);
    expect(notes['Plain page a_b_c  1  x    y.md']!.properties).toMatchObject({
      title: 'Plain page a/b\\c #1 [x] | y',
      date: '2025-07-15T14:30:00.000Z',
    });
    expect(notes['No link here.md']!.properties.tags).toEqual(['_2025']);
    expect(notes['Same title.md']!.properties.collections).toEqual(['Backup, "quoted" <b>', 'Reading pack']);
    expect(notes['Same title (2).md']!.properties).not.toHaveProperty('collections');
  });

  it('puts highlights in blockquotes with their notes, detached ones marked', async () => {
    const article = id('same2.md');
    const anchor = (exact: string) => ({ exact, prefix: '', suffix: '', start: 0, end: exact.length });
    insertHighlights(db, article, [
      { ...anchor('The *first* passage\nover two lines'), color: 'yellow', note: 'Why it *matters*' },
      { ...anchor('A passage since deleted'), color: 'blue', detached: true },
    ]);
    try {
      const out = join(tempDir(), 'vault');
      await exportArticles(db, { ids: [article], format: 'obsidian', out });
      const { properties, body } = readNote(readFileSync(join(out, 'Same title.md'), 'utf8'));
      expect(properties.title).toBe('Same title');
      expect(body).toBe(
        '## Highlights\n\n' +
          '> The \\*first\\* passage\n> over two lines\n\n**Note:** Why it \\*matters\\*\n\n' +
          '> A passage since deleted\n>\n> *(no longer found in the article’s current text)*\n\n' +
          '---\n\nTwo.\n',
      );
    } finally {
      db.prepare('DELETE FROM highlights WHERE article_id = ?').run(article);
    }
  });

  it('makes tags Obsidian accepts', () => {
    expect(['to read', '2025', 'a/b', 'ünïcode ✓', '#hash', '/lead'].map(obsidianTag)).toEqual([
      'to-read',
      '_2025',
      'a/b',
      'ünïcode-',
      'hash',
      'lead',
    ]);
  });

  it('saves embedded images beside the notes and links them by relative path', async () => {
    const site = bundleSite(suiteDir('gleaner-vault-images-'));
    const bundleDb = await libraryFrom([join(site, 'content')]);
    const bundle = bundleDb.prepare('SELECT id FROM articles WHERE rel_path = ?').pluck().get('posts/my-post/index.md') as number;
    const out = join(tempDir(), 'vault');
    const report = await exportArticles(bundleDb, { ids: [bundle], format: 'obsidian', out, embedLocalImages: true });
    const images = readdirSync(join(out, 'images')).sort();
    expect(images).toEqual(['image-00001.png', 'image-00002.jpg', 'image-00003.png', 'image-00004.png']);
    expect(report.files).toBe(1 + images.length + 1);
    expect(readFileSync(join(out, 'images', 'image-00001.png'))).toEqual(readFileSync(join(site, 'content/posts/my-post/chart.png')));
    expect(readFileSync(join(out, 'images', 'image-00002.jpg'))).toEqual(readFileSync(join(site, 'content/posts/my-post/img/photo.jpg')));
    const note = readdirSync(out).find((n) => n.endsWith('.md'))!;
    const links = [...readFileSync(join(out, note), 'utf8').matchAll(/!\[[^\]]*\]\(([^) ]+)( "[^"]*")?\)/g)].map((m) => m[1]);
    expect(links).toEqual(images.map((i) => `images/${i}`));
    expect(readFileSync(join(out, note), 'utf8')).toContain('](images/image-00002.jpg "Photo title")');
  });
});

describe('Obsidian notes of seed-shaped articles', () => {
  it('carry the web address (source_link) as url, never a path on the exporting site', async () => {
    // The bundled samples: `url = "/202501/…"` (relative), `source_link = "https://…"`.
    const samples = await libraryFrom([join(__dirname, '../../../../samples')]);
    const all = samples.prepare('SELECT id FROM articles').pluck().all() as number[];
    const vault = join(tempDir(), 'vault');
    await exportArticles(samples, { ids: all, format: 'obsidian', out: vault });
    const urls = readdirSync(vault)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readNote(readFileSync(join(vault, f), 'utf8')).properties.url)
      .filter((u) => u !== undefined);
    expect(urls.length).toBeGreaterThan(30);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });
});
