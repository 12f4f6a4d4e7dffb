import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/library/db/connection.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { CSV_COLUMNS, LIST_SEPARATOR } from '../../../../electron/library/export/formats/csv.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';
import { allIds, curate, curateSome, libraryFrom, suiteDir, syntheticCorpus } from './helpers.js';

let db: Db;
let ids: number[];

beforeAll(async () => {
  const dir = suiteDir('gleaner-data-');
  syntheticCorpus(join(dir, 'synthetic'), 60);
  writeTree(join(dir, 'formulas'), {
    'f1.txt': seedLike({ title: '=HYPERLINK("http://evil.invalid","click")', source: '@SUM(A1:A9)', tags: ['-minus', '+plus'] }),
    'f2.txt': seedLike({ title: '+1+1', source: '\tTabbed' }),
    'f3.txt': seedLike({ title: 'Line\nbreak, comma "quote" ; semicolon', source: '-2' }),
    'f4.de.md': '---\ntitle: Byline\nauthor: "=1+1 and Bob Roe"\n---\nText.\n',
  });
  db = await libraryFrom([dir]);
  curateSome(db);
  const f1 = db.prepare("SELECT id FROM articles WHERE rel_path = 'formulas/f1.txt'").pluck().get() as number;
  curate(db, f1, { note: '=cmd|/C calc', tags: ['@mention'] });
  // A collection's order, not the library's: reversed, with every fifth article left out.
  const formulas = new Set(db.prepare("SELECT id FROM articles WHERE rel_path LIKE 'formulas/%'").pluck().all() as number[]);
  ids = allIds(db)
    .reverse()
    .filter((id, i) => i % 5 !== 0 || formulas.has(id));
});

/** What the library holds about one article, read straight from SQLite. */
function expected(id: number) {
  const a = db
    .prepare('SELECT a.*, b.front_matter, b.body FROM articles a JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?')
    .get(id) as Record<string, unknown>;
  const tags = db
    .prepare('SELECT t.name, at.origin FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.name COLLATE NOCASE')
    .all(id) as { name: string; origin: string }[];
  const collections = db
    .prepare(
      'SELECT c.name FROM collection_items i JOIN collections c ON c.id = i.collection_id WHERE i.article_id = ? ORDER BY c.position, c.name COLLATE NOCASE',
    )
    .pluck()
    .all(id) as string[];
  return {
    id,
    path: a.rel_path,
    title: a.title,
    date: a.date,
    body: a.body,
    frontMatter: a.front_matter,
    extra: JSON.parse(a.extra as string),
    articleId: a.article_id,
    authors: db
      .prepare('SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = ? ORDER BY aa.position')
      .pluck()
      .all(id),
    lang: a.lang,
    tags,
    curation: {
      tags: tags.filter((t) => t.origin === 'user').map((t) => t.name),
      starred: a.starred === 1,
      readAt: a.read_at,
      note: a.note,
      collections,
    },
  };
}

const pick = (r: Record<string, unknown>) => ({
  id: r.id,
  path: r.path,
  title: r.title,
  date: r.date,
  body: r.body,
  frontMatter: r.frontMatter,
  extra: r.extra,
  articleId: r.articleId,
  authors: r.authors,
  lang: r.lang,
  tags: r.tags,
  curation: r.curation,
});

describe('JSON export', () => {
  it('writes one document with a header and every article, in the requested order', async () => {
    const file = join(tempDir(), 'set.json');
    const report = await exportArticles(db, { ids, format: 'json', out: file, title: 'My pack' });
    expect(report).toMatchObject({ format: 'json', out: file, articles: ids.length, files: 1, warnings: [] });
    const text = readFileSync(file, 'utf8');
    expect(report.bytes).toBe(Buffer.byteLength(text));
    const doc = JSON.parse(text) as { gleaner: Record<string, unknown>; articles: Record<string, unknown>[] };
    expect(doc.gleaner).toEqual({
      version: 1,
      format: 'json',
      title: 'My pack',
      exportedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      count: ids.length,
    });
    expect(doc.articles.map(pick)).toEqual(ids.map(expected));
    // The test can fail: some exported articles do name authors (synthetic [[authors]] tables, f4's byline) and a language.
    expect(doc.articles.filter((a) => (a.authors as string[]).length > 0).length).toBeGreaterThan(5);
    expect(doc.articles.find((a) => a.path === 'formulas/f4.de.md')).toMatchObject({ authors: ['=1+1', 'Bob Roe'], lang: 'de' });
    expect(Object.keys(doc.articles[0]!)).toEqual([
      'id',
      'folder',
      'path',
      'format',
      'bodyFormat',
      'title',
      'date',
      'dateSource',
      'draft',
      'summary',
      'description',
      'source',
      'sourceOrigin',
      'authors',
      'lang',
      'sourceLink',
      'url',
      'enclosure',
      'articleId',
      'feedItemId',
      'extra',
      'tags',
      'curation',
      'highlights',
      'frontMatter',
      'body',
      'warnings',
      'missing',
      'importedAt',
      'updatedAt',
      'storyId',
    ]);
  });
});

describe('NDJSON export', () => {
  it('writes a header line, then one article per line', async () => {
    const file = join(tempDir(), 'set.ndjson');
    await exportArticles(db, { ids, format: 'ndjson', out: file });
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(ids.length + 1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ gleaner: { version: 1, format: 'ndjson', count: ids.length } });
    expect(lines.slice(1).map((l) => pick(JSON.parse(l)))).toEqual(ids.map(expected));
  });
});

describe('CSV export', () => {
  it('parses back with a CSV parser to the same metadata, formulas defused', async () => {
    const file = join(tempDir(), 'set.csv');
    await exportArticles(db, { ids, format: 'csv', out: file });
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toMatch(/\r\n$/);
    const rows = parseCsv(bytes, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(ids.length);

    // A spreadsheet must never see a formula: no cell starts with = + - @ tab or CR.
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    const list = (cell: string) => (cell === '' ? [] : unguard(cell).split(LIST_SEPARATOR));
    rows.forEach((row, i) => {
      const e = expected(ids[i]!);
      expect({
        id: Number(row.id),
        path: row.path,
        title: unguard(row.title!),
        date: row.date || null,
        extra: JSON.parse(row.extra!),
        articleId: row.article_id || null,
        tags: list(row.tags!),
        userTags: list(row.user_tags!),
        starred: row.starred === 'true',
        readAt: row.read_at || null,
        note: row.note ? unguard(row.note) : null,
        collections: list(row.collections!),
        authors: list(row.authors!),
        lang: row.lang || null,
      }).toEqual({
        id: e.id,
        path: e.path,
        title: e.title,
        date: e.date,
        extra: e.extra,
        articleId: e.articleId,
        tags: e.tags.map((t) => t.name),
        userTags: e.curation.tags,
        starred: e.curation.starred,
        readAt: e.curation.readAt,
        note: e.curation.note,
        collections: e.curation.collections,
        authors: e.authors,
        lang: e.lang,
      });
    });
    const f1 = rows.find((r) => r.path === 'formulas/f1.txt')!;
    expect(f1.title).toBe(`'=HYPERLINK("http://evil.invalid","click")`);
    expect(f1.source).toBe("'@SUM(A1:A9)");
    expect(f1.note).toBe("'=cmd|/C calc");
    expect(f1.tags).toMatch(/^'\+plus; -minus; @mention(; |$)/);
    expect(rows.find((r) => r.path === 'formulas/f4.de.md')).toMatchObject({ authors: "'=1+1; Bob Roe", lang: 'de' });
    expect(rows.find((r) => r.path === 'formulas/f3.txt')!.title).toBe('Line\nbreak, comma "quote" ; semicolon');
  });
});
