import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/library/db/connection.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { tempDir } from '../../../helpers/tmp.js';
import { libraryFrom } from './helpers.js';
import { toolLibrary } from './toolCorpus.js';

let db: Db;
let ids: number[];
let id: (file: string) => number;

beforeAll(async () => {
  ({ db, ids, id } = await toolLibrary());
});

interface Link {
  folder: string | null;
  href: string;
  title: string;
  tags: string | undefined;
  added: number;
}

/**
 * Reads a Netscape bookmark file as browsers do: each `<A>` belongs to the folder whose `<H3>`
 * heads the `<DL>` it sits in (the tags are unclosed, so htmlparser2 nests them loosely: the
 * folder is the nearest preceding H3 whose following DL contains the link).
 */
function readBookmarks(html: string): Link[] {
  const doc = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true });
  const folders = DomUtils.getElementsByTagName('h3', doc).map((h3) => {
    let dl = h3.next;
    while (dl && !(dl.type === 'tag' && (dl as Element).name === 'dl')) dl = dl.next ?? (dl.parent?.next as typeof dl);
    return { name: DomUtils.textContent(h3), dl: dl as Element | null };
  });
  return DomUtils.getElementsByTagName('a', doc).map((a) => ({
    folder: folders.find((f) => f.dl && DomUtils.getElementsByTagName('a', f.dl).includes(a))?.name ?? null,
    href: a.attribs.href!,
    title: DomUtils.textContent(a),
    tags: a.attribs.tags,
    added: Number(a.attribs.add_date),
  }));
}

describe('Netscape bookmarks export', () => {
  it('parses back to the same links, titles, tags and folders; unlinked articles are counted in the report', async () => {
    const out = join(tempDir(), 'bookmarks.html');
    const report = await exportArticles(db, { ids, format: 'bookmarks', out, title: 'My <reading> & co' });
    expect(report.articles).toBe(ids.length);
    expect(report.warnings).toEqual([
      `2 article(s) without a web address (http or https URL) were left out of the bookmarks: ids ${id('nourl.md')}, ${id('evil.md')}`,
    ]);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n')).toBe(true);
    expect(html).toContain('<TITLE>My &lt;reading&gt; &amp; co</TITLE>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('javascript:');

    const links = readBookmarks(html);
    const news = 'Deal "reached" <script>alert(1)</script> & more: yes';
    const imported = Math.floor(Date.parse(db.prepare('SELECT imported_at FROM articles WHERE id = ?').pluck().get(id('news.md')) as string) / 1000);
    expect(links).toEqual([
      { folder: 'Reading pack', href: 'https://ibn.example/a?x=1&y=2', title: news, tags: 'climate,to read,week 27', added: imported },
      { folder: 'Reading pack', href: 'https://e.example/1', title: 'Same title', tags: undefined, added: expect.any(Number) as number },
      {
        folder: 'Backup, "quoted" <b>',
        href: 'https://example.org/page',
        title: 'Plain page a/b\\c #1 [x] | y',
        tags: undefined,
        added: expect.any(Number) as number,
      },
      { folder: 'Backup, "quoted" <b>', href: 'https://e.example/1', title: 'Same title', tags: undefined, added: expect.any(Number) as number },
      { folder: null, href: 'https://e.example/2', title: 'Same title', tags: undefined, added: expect.any(Number) as number },
    ]);
  });

  it('a comma in a tag name does not split it into two tags', async () => {
    db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)').run('red, green', '2025-08-01T10:00:00.000Z');
    const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get('red, green') as number;
    db.prepare("INSERT INTO article_tags (article_id, tag_id, origin) VALUES (?, ?, 'user')").run(id('same2.md'), tagId);
    const out = join(tempDir(), 'b.html');
    await exportArticles(db, { ids: [id('same2.md')], format: 'bookmarks', out });
    expect(readBookmarks(readFileSync(out, 'utf8'))).toMatchObject([{ href: 'https://e.example/2', tags: 'red green' }]);
    db.prepare('DELETE FROM article_tags WHERE tag_id = ?').run(tagId);
  });
});

describe('bookmarks of seed-shaped articles', () => {
  it('link each article to its source_link when its url is a path on the exporting site', async () => {
    // The bundled samples: `url = "/202501/…"` (relative), `source_link = "https://…"`.
    const samples = await libraryFrom([join(__dirname, '../../../../samples')]);
    const all = samples.prepare('SELECT id FROM articles').pluck().all() as number[];
    // The TOML (seed-shaped) ones; the samples' few Markdown notes have no web address at all.
    const links = samples.prepare("SELECT source_link FROM articles WHERE source_link LIKE 'https://%'").pluck().all() as string[];
    expect(links.length).toBeGreaterThan(30);
    const out = join(tempDir(), 'seed.html');
    await exportArticles(samples, { ids: all, format: 'bookmarks', out });
    expect(
      readBookmarks(readFileSync(out, 'utf8'))
        .map((b) => b.href)
        .sort(),
    ).toEqual([...links].sort());
  });
});
