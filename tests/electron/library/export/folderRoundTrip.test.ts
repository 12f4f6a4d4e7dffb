import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/library/db/connection.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { readGleanerKey } from '../../../../electron/library/article/gleanerKey.js';
import { parseFrontMatter } from '../../../../electron/library/article/frontmatter.js';
import { CORPORA, corporaDir, describeNeeding } from '../../../helpers/requirements.js';
import { tempDir } from '../../../helpers/tmp.js';
import { writeTree } from '../../../helpers/articles.js';
import { allIds, curateSome, libraryFrom, syntheticCorpus } from './helpers.js';

interface Stored {
  id: number;
  rel_path: string;
  format: string;
  body_format: string;
  title: string;
  date: string | null;
  date_source: string | null;
  draft: number;
  summary: string | null;
  description: string | null;
  source: string | null;
  source_origin: string | null;
  lang: string | null;
  source_link: string | null;
  url: string | null;
  enclosure: string | null;
  article_id: string | null;
  feed_item_id: string | null;
  extra: string;
  warnings: string;
  front_matter: string | null;
  body: string;
  file_tags: string | null;
  authors: string | null;
}

function stored(db: Db): Map<string, Stored> {
  const rows = db
    .prepare(
      `SELECT a.*, b.front_matter, b.body,
              (SELECT group_concat(t.name, '|') FROM (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                WHERE at.article_id = a.id AND at.origin = 'file' ORDER BY t.name) t) AS file_tags,
              (SELECT group_concat(au.name, '|') FROM (SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                WHERE aa.article_id = a.id ORDER BY aa.position) au) AS authors
         FROM articles a JOIN article_bodies b ON b.article_id = a.id`,
    )
    .all() as Stored[];
  return new Map(rows.map((r) => [r.rel_path, r]));
}

/** The front matter as the importer sees it, from the stored raw text. */
function frontMatterData(row: Stored): Record<string, unknown> {
  const doc =
    row.format === 'toml' ? `+++\n${row.front_matter}+++\n` : row.format === 'yaml' ? `---\n${row.front_matter}---\n` : `${row.front_matter}\n`;
  const parsed = parseFrontMatter(doc);
  if (!parsed.ok) throw new Error(`${row.rel_path}: ${parsed.reason}`);
  return parsed.value.data;
}

/** Exports every article of a library as a folder and imports that folder into a fresh library. */
async function roundTrip(folders: string[]): Promise<{ before: Map<string, Stored>; after: Map<string, Stored>; source: Db; copy: Db; out: string }> {
  const source = await libraryFrom(folders);
  curateSome(source);
  const out = join(tempDir('gleaner-export-out-'), 'export');
  const report = await exportArticles(source, { ids: allIds(source), format: 'folder', out });
  expect(report.warnings).toEqual([]);
  const copy = await libraryFrom([out]);
  return { before: stored(source), after: stored(copy), source, copy, out };
}

function expectSameArticles(before: Map<string, Stored>, after: Map<string, Stored>): void {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [path, a] of before) {
    const b = after.get(path)!;
    // A source the folder gave (its name, its site's title) belongs to the folder, not the file: the copy's folder gives its own.
    const fileSource = (r: Stored) => (['site-config', 'folder', 'label'].includes(r.source_origin ?? '') ? null : [r.source, r.source_origin]);
    const fields = (r: Stored) => [
      r.format === 'none' ? 'toml' : r.format,
      r.body_format,
      r.title,
      r.date,
      r.draft,
      r.summary,
      r.description,
      fileSource(r),
      r.source_link,
      r.url,
      r.enclosure,
      r.article_id,
      r.feed_item_id,
      r.file_tags,
      r.authors,
      r.lang,
    ];
    expect({ path, fields: fields(b) }).toEqual({ path, fields: fields(a) });
    // The importer takes the `gleaner` key out as curation: it never lands in extra.
    expect({ path, extra: JSON.parse(b.extra) }).toEqual({ path, extra: JSON.parse(a.extra) });
    expect(b.body === a.body, `${path}: body changed`).toBe(true);
    if (a.format === 'none') continue; // given title/date front matter: its warnings and date source differ by design
    expect({ path, warnings: b.warnings, dateSource: b.date_source }).toEqual({ path, warnings: a.warnings, dateSource: a.date_source });
    // Verbatim: the original front matter text is all there, unchanged, before the added key.
    const kept = a.format === 'json' ? a.front_matter!.slice(0, a.front_matter!.lastIndexOf('}')).trimEnd() : a.front_matter!;
    expect(b.front_matter!.startsWith(kept), `${path}: front matter not kept verbatim`).toBe(true);
  }
}

/** The curation in every exported file, read back with readGleanerKey, equals the library's. */
/** The person's curation per article (by relative path), as a library holds it. */
function curationByPath(db: Db): Map<string, unknown> {
  const rows = db
    .prepare(
      `SELECT a.rel_path, a.starred, a.read_at, a.note,
              (SELECT json_group_array(name) FROM (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                WHERE at.article_id = a.id AND at.origin = 'user' ORDER BY t.name COLLATE NOCASE)) AS tags,
              (SELECT json_group_array(name) FROM (SELECT c.name FROM collection_items i JOIN collections c ON c.id = i.collection_id
                WHERE i.article_id = a.id ORDER BY c.name COLLATE NOCASE)) AS collections
         FROM articles a`,
    )
    .all() as { rel_path: string; starred: number; read_at: string | null; note: string | null; tags: string; collections: string }[];
  return new Map(
    rows.map((r) => [
      r.rel_path,
      { starred: r.starred === 1, readAt: r.read_at, note: r.note, tags: JSON.parse(r.tags), collections: JSON.parse(r.collections) },
    ]),
  );
}

/** Importing the exported folder gives the same curation back, in the copy's own tables. */
function expectSameCuration(source: Db, copy: Db): void {
  const before = curationByPath(source);
  const after = curationByPath(copy);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [path, curation] of before) expect(after.get(path), path).toEqual(curation);
  expect(
    [...before.values()].filter((c) => JSON.stringify(c) !== JSON.stringify({ starred: false, readAt: null, note: null, tags: [], collections: [] }))
      .length,
  ).toBeGreaterThan(0);
}

describe('folder export: round trip through the importer', () => {
  it('gives back the seed article, its fields, body, front matter and curation', async () => {
    const dir = tempDir('gleaner-seed-');
    mkdirSync(join(dir, '202507'));
    copyFileSync(join(__dirname, '../../../fixtures/parse/seed/seed-article.txt'), join(dir, '202507/124330-uk-openai.txt'));
    const { before, after, source, copy, out } = await roundTrip([dir]);
    expectSameArticles(before, after);
    expectSameCuration(source, copy);
    const text = readFileSync(join(out, '202507/124330-uk-openai.txt'), 'utf8');
    expect(text).toMatch(
      /^\+\+\+\ntitle = "UK Government and OpenAI[^\n]*\n[\s\S]*source = "InvestorBrandNetwork \(IBN\)"\n\n\[gleaner\]\nversion = 1\npath = "202507\/124330-uk-openai.txt"\ntags = \["batch 0", "to read"\]\nstarred = true\nread_at = "2025-07-30T08:00:00.000Z"\nnote = "Note 0: \\"quoted\\", multi\\nline\\ttabbed \\\\ back\\u007f"\ncollections = \["Backup", "Reading pack"\]\n\+\+\+\n\n<p>The UK government/,
    );
  });

  it('gives back a synthetic corpus of every front-matter format and awkward value', async () => {
    const dir = tempDir('gleaner-synthetic-');
    syntheticCorpus(dir, 210);
    const { before, after, source, copy } = await roundTrip([dir]);
    expect(before.size).toBe(210);
    expect(new Set([...before.values()].map((r) => r.format))).toEqual(new Set(['toml', 'yaml', 'json', 'none']));
    expectSameArticles(before, after);
    expectSameCuration(source, copy);
  });

  it('gives names unsafe elsewhere (reserved, forbidden characters, case clashes) safe ones, and keeps the original in gleaner.path', async () => {
    const dir = tempDir('gleaner-unsafe-');
    const names = ['CON.md', 'a:b?.md', 'Post.md', 'post.md', 'back\\slash.md', 'ends with dot..md', 'aux/inner.md', 'q"uote|s*.txt'];
    writeTree(dir, Object.fromEntries(names.map((n, i) => [n, `---\ntitle: "Unsafe ${i}"\n---\nBody ${i}\n`])));
    const source = await libraryFrom([dir]);
    const out = join(tempDir('gleaner-export-out-'), 'export');
    const report = await exportArticles(source, { ids: allIds(source), format: 'folder', out });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/^6 file name\(s\) were changed to be safe on every system \(/);
    const copy = stored(await libraryFrom([out]));
    const byTitle = new Map([...copy.values()].map((r) => [r.title, r]));
    expect([...copy.keys()].sort()).toEqual(
      ['Post.md', '_CON.md', '_aux/inner.md', 'a_b_.md', 'back_slash.md', 'ends with dot..md', 'post (2).md', 'q_uote_s_.txt'].sort(),
    );
    names.forEach((name, i) => {
      const row = byTitle.get(`Unsafe ${i}`)!;
      expect(row.body).toBe(`Body ${i}\n`);
      expect(readGleanerKey(frontMatterData(row))!.path).toBe(name);
    });
  });

  it('puts articles from several imported folders under their folder names, so same paths do not clash', async () => {
    const root = tempDir('gleaner-two-');
    writeTree(root, {
      'blog-a/2025/index.md': '+++\ntitle = "A"\n+++\nBody A\n',
      'blog-b/2025/index.md': '+++\ntitle = "B"\n+++\nBody B\n',
    });
    const source = await libraryFrom([join(root, 'blog-a'), join(root, 'blog-b')]);
    const out = join(tempDir('gleaner-export-out-'), 'export');
    const report = await exportArticles(source, { ids: allIds(source), format: 'folder', out });
    expect(report.warnings).toEqual([]);
    const copy = stored(await libraryFrom([out]));
    expect([...copy.values()].map((r) => [r.rel_path, r.title, readGleanerKey(frontMatterData(r))!.path]).sort()).toEqual([
      ['blog-a/2025/index.md', 'A', '2025/index.md'],
      ['blog-b/2025/index.md', 'B', '2025/index.md'],
    ]);
  });

  it('replaces the gleaner key on a second export instead of adding another', async () => {
    const dir = tempDir('gleaner-synthetic-');
    syntheticCorpus(dir, 30);
    const first = await roundTrip([dir]);
    // The copy's stored front matter holds the first export's key; export the copy again with new curation.
    const copyDb = await libraryFrom([first.out]);
    copyDb.prepare('UPDATE articles SET starred = 1, note = ?').run('second export');
    const out = join(tempDir('gleaner-export-out-'), 'again');
    const report = await exportArticles(copyDb, { ids: allIds(copyDb), format: 'folder', out });
    expect(report.warnings).toEqual([]);
    const copy = stored(copyDb);
    const again = stored(await libraryFrom([out]));
    expect(again.size).toBe(30);
    for (const [path, a] of copy) {
      const b = again.get(path)!;
      expect(b.body === a.body, path).toBe(true);
      const strip = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'gleaner'));
      expect(strip(frontMatterData(b))).toEqual(strip(frontMatterData(a)));
      expect(b.front_matter!.match(/^\[gleaner\]|^gleaner:|"gleaner":/gm), path).toHaveLength(1);
      const key = readGleanerKey(frontMatterData(b))!;
      expect(key.curation.note).toBe('second export');
      expect(key.curation.starred).toBe(true);
      // Everything before the old key is still verbatim.
      const head = a.front_matter!.split(/^\[gleaner\]|^gleaner:|,?\s*"gleaner":/m)[0]!;
      expect(b.front_matter!.startsWith(head), path).toBe(true);
    }
  });
});

describeNeeding([CORPORA], 'folder export: round trip of the shared corpora', () => {
  for (const corpus of ['rust-blog', 'nodejs-blog', 'redox-website', 'opentelemetry-blog']) {
    it(`gives back every article of the ${corpus} corpus`, async () => {
      const { before, after, source, copy } = await roundTrip([join(corporaDir(), corpus)]);
      expect(before.size).toBeGreaterThan(200);
      expectSameArticles(before, after);
      expectSameCuration(source, copy);
    });
  }
});
