import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll } from 'vitest';
import { openLibrary, type Db } from '../../../../electron/library/db/connection.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import type { Curation } from '../../../../electron/library/article/curation.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { EPUBCHECK, epubcheckCommand } from '../../../helpers/requirements.js';

export const FIXTURES = join(__dirname, '../../../fixtures/export');

const suiteDirs: string[] = [];
afterAll(() => {
  while (suiteDirs.length) rmSync(suiteDirs.pop()!, { recursive: true, force: true });
});

/** A temporary folder that lives until the test file ends (tempDir's go after each test). */
export function suiteDir(prefix = 'gleaner-export-suite-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  suiteDirs.push(dir);
  return dir;
}

/** A fresh library with these folders imported; it lives until the test file ends. */
export async function libraryFrom(folders: string[]): Promise<Db> {
  const db = openLibrary(join(suiteDir('gleaner-export-db-'), 'library.db'));
  const report = await importFolders(db, folders);
  if (report.failed > 0) throw new Error(`fixture import failed: ${JSON.stringify(report.files.filter((f) => f.status === 'failed'))}`);
  return db;
}

/** Every article id, in relative-path order. */
export function allIds(db: Db): number[] {
  return db.prepare('SELECT id FROM articles ORDER BY rel_path').pluck().all() as number[];
}

/** Gives an article the person's curation, the way the app's curation code stores it. */
export function curate(db: Db, id: number, c: Partial<Curation>): void {
  const now = '2025-08-01T10:00:00.000Z';
  for (const name of c.tags ?? []) {
    db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING').run(name, now);
    const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number;
    db.prepare("INSERT INTO article_tags (article_id, tag_id, origin) VALUES (?, ?, 'user') ON CONFLICT DO UPDATE SET origin = 'user'").run(
      id,
      tagId,
    );
  }
  if (c.starred !== undefined) db.prepare('UPDATE articles SET starred = ? WHERE id = ?').run(c.starred ? 1 : 0, id);
  if (c.readAt !== undefined) db.prepare('UPDATE articles SET read_at = ? WHERE id = ?').run(c.readAt, id);
  if (c.note !== undefined) db.prepare('UPDATE articles SET note = ? WHERE id = ?').run(c.note, id);
  for (const name of c.collections ?? []) {
    db.prepare('INSERT INTO collections (name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING').run(name, now);
    const collectionId = db.prepare('SELECT id FROM collections WHERE name = ?').pluck().get(name) as number;
    db.prepare('INSERT OR IGNORE INTO collection_items (collection_id, article_id, position, added_at) VALUES (?, ?, ?, ?)').run(
      collectionId,
      id,
      id,
      now,
    );
  }
}

/** Some curation for every third article, varied enough to catch a dropped field. */
export function curateSome(db: Db): void {
  allIds(db).forEach((id, i) => {
    if (i % 3 !== 0) return;
    curate(db, id, {
      tags: i % 2 === 0 ? ['to read', `batch ${i % 5}`] : ['ünïcode ✓'],
      starred: i % 2 === 0,
      readAt: i % 4 === 0 ? '2025-07-30T08:00:00.000Z' : null,
      note: i % 6 === 0 ? `Note ${i}: "quoted", multi\nline\ttabbed \\ back\u007f` : null,
      collections: i % 9 === 0 ? ['Reading pack', 'Backup'] : [],
    });
  });
}

/** ~`count` seed-like files mixing every front-matter format and the awkward values real files have. */
export function syntheticCorpus(root: string, count: number): void {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const dir = `2025${month}`;
    const kind = i % 6;
    const title = [
      `Article ${i}`,
      `Ünïcödé “quotes” ${i}`,
      `Title with 'single' and "double" ${i}`,
      `עברית ${i}`,
      `Emoji 🚀🇺🇳 ${i}`,
      `Back\\slash ${i}`,
    ][i % 6]!;
    if (kind === 0 || kind === 1) {
      files[`${dir}/${i}-seed.txt`] = seedLike({
        title,
        date: `2025-${month}-0${(i % 9) + 1}T10:00:00Z`,
        source: i % 2 ? 'InvestorBrandNetwork (IBN)' : 'Health Wire',
        articleId: kind === 1 ? '99999999999999999999' : 124000 + i,
        url: `/2025${month}/${i}-slug`,
        tags: i % 4 ? ['ai', 'policy/uk'] : [],
        body: `<p>Body ${i} with <a href="https://example.com/${i}">a link</a> and <img src="https://cdn.invalid/${i}.png" alt="pic ${i}">.</p>`,
      });
    } else if (kind === 2) {
      // TOML with comments, a multi-line string, nested and array tables, and a local date.
      const eol = i % 4 === 2 ? '\r\n' : '\n';
      files[`${dir}/${i}-toml.md`] = [
        // @iarna/toml refuses a comment ending in CR, so CRLF files here have none (an importer limitation).
        '+++',
        ...(eol === '\n' ? ['# a comment kept verbatim'] : []),
        `title = ${JSON.stringify(title)}`,
        'date = 2025-03-04',
        "summary = '''",
        'Two',
        'lines',
        "'''",
        'tags = ["toml", "x"]',
        '[extra]',
        'depth = { a = 1, b = [1, 2] }',
        '[[authors]]',
        'name = "A"',
        '[[authors]]',
        'name = "B"',
        '+++',
        '',
        `# Heading ${i}`,
        '',
        '```js',
        'const x = "{{< not a shortcode >}}";',
        '```',
        '',
      ].join(eol);
    } else if (kind === 3) {
      files[`${dir}/${i}-yaml.md`] = [
        '---',
        `title: ${JSON.stringify(title)}`,
        `date: 2025-${month}-02T03:04:05.123Z`,
        'tags:',
        '- yaml',
        '- "quoted tag"',
        'categories: [news]',
        'description: >',
        '  folded',
        '  text',
        'big: 12345678901234567890',
        'nested:',
        '  list:',
        '    - {a: 1}',
        '---',
        `Body *${i}* in Markdown.`,
        '',
      ].join('\n');
    } else if (kind === 4) {
      files[`${dir}/${i}-json.md`] =
        `{\n  "title": ${JSON.stringify(title)},\n  "date": "2025-${month}-05",\n  "tags": ["json"],\n  "id": 99999999999999999999,\n  "obj": {"k": [1, "two", null]}\n}\nJSON body ${i}.\n`;
    } else {
      files[`${dir}/${i}-plain.txt`] = `Plain text article ${i}\n\nSecond paragraph with <angle> & ampersand.\n`;
    }
  }
  writeTree(root, files);
}

/** Runs epubcheck (found by tests/helpers/requirements.ts; Debian's is a bare jar run through java). */
export function epubcheck(file: string): { status: number | null; output: string } {
  const command = epubcheckCommand();
  if (command === null) throw new Error(EPUBCHECK.missing());
  const [program, ...args] = command;
  const result = spawnSync(program!, [...args, file], { encoding: 'utf8', timeout: 300_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Reads a zip's entries from its central directory (names, method, data), enough to inspect a book. */
export function zipEntries(zip: Buffer): { name: string; method: number; offset: number; data: () => Buffer }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const skip = nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const offset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    entries.push({
      name,
      method,
      offset,
      data: () => (method === 0 ? zip.subarray(start, start + size) : inflateRawSync(zip.subarray(start, start + size))),
    });
    p += 46 + skip;
  }
  return entries;
}
