/**
 * Upgrading a populated library written by the first schema (migrations 10 to 50), and a
 * failing upgrade. Written against rows and searches, not schema text, so it holds for any
 * migration added later.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../../electron/library/db/connection.js';
import { LATEST_VERSION, migrate } from '../../../../electron/library/db/migrate.js';
import { migrations } from '../../../../electron/library/db/migrations/index.js';
import { createLibraryService } from '../../../../electron/library/service.js';
import { tempDir } from '../../../helpers/tmp.js';

const FIRST_SCHEMA = 50;

/** Four articles with bodies, full text, tags, a collection and saved searches, as version 50 stored them. */
function writeOldLibrary(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  expect(migrate(db, FIRST_SCHEMA)).toBe(FIRST_SCHEMA);
  const now = '2025-01-01T00:00:00.000Z';
  db.exec(`INSERT INTO folders (id, path, added_at, last_import_at) VALUES (1, '/old/articles', '${now}', '${now}')`);
  const article = db.prepare(
    `INSERT INTO articles (id, folder_id, rel_path, file_size, file_mtime_ms, content_hash, format, body_format, title, date,
       date_source, source, url, extra, warnings, imported_at, updated_at, starred, read_at, note)
     VALUES (?, 1, ?, 100, 1, ?, 'toml', 'markdown', ?, ?, 'front-matter', ?, ?, ?, '[]', '${now}', '${now}', ?, ?, ?)`,
  );
  const body = db.prepare('INSERT INTO article_bodies (article_id, front_matter, body) VALUES (?, ?, ?)');
  const fts = db.prepare(
    'INSERT INTO articles_fts (rowid, title, summary, body, source) VALUES ((SELECT fts_key FROM articles WHERE id = ?), ?, ?, ?, ?)',
  );
  const rows = [
    [1, 'whales.md', 'Blue whales sing', '2024-03-01T00:00:00.000Z', 'Ocean Weekly', 'The blue whale sings at low frequency.', 1, null],
    [2, 'krill.md', 'Krill swarms', '2024-02-01T00:00:00.000Z', 'Ocean Weekly', 'Krill feed the whales of the south.', 0, now],
    [3, 'bees.md', 'Bees and clover', '2023-05-01T00:00:00.000Z', 'Garden Notes', 'Clover feeds the bees all summer.', 0, null],
    [4, 'undated.md', 'An undated note', null, null, 'Nothing about animals here, only müsli.', 0, null],
  ] as const;
  for (const [id, path, title, date, source, text, starred, readAt] of rows) {
    article.run(
      id,
      path,
      `hash${id}`,
      title,
      date,
      source,
      `https://example.com/${id}`,
      JSON.stringify({ legacy: id }),
      starred,
      readAt,
      id === 3 ? 'a note' : null,
    );
    body.run(id, `title = "${title}"`, text);
    fts.run(id, title, '', text, source ?? '');
  }
  db.exec(`
    INSERT INTO tags (id, name, color, created_at) VALUES (1, 'ocean', '#0055aa', '${now}'), (2, 'Garden', NULL, '${now}');
    INSERT INTO article_tags (article_id, tag_id, origin) VALUES (1, 1, 'file'), (2, 1, 'user'), (3, 2, 'user');
    INSERT INTO collections (id, name, position, created_at) VALUES (1, 'Reading pack', 0, '${now}');
    INSERT INTO collection_items (collection_id, article_id, position, added_at) VALUES (1, 3, 0, '${now}'), (1, 1, 1, '${now}');
    INSERT INTO saved_searches (id, name, query, sort, position, created_at)
      VALUES (1, 'Sea life', 'tag:ocean whale*', 'date-desc', 0, '${now}'), (2, 'Unread', 'is:unread', 'title', 1, '${now}');
  `);
  db.close();
}

/** What a person relies on: every row of the first schema's tables, by the first schema's columns. */
function snapshot(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  const columns = {
    folders: 'id, path, added_at, last_import_at',
    articles: 'id, folder_id, rel_path, title, date, source, url, extra, starred, read_at, note, content_hash',
    article_bodies: 'article_id, front_matter, body',
    tags: 'id, name, color',
    article_tags: 'article_id, tag_id, origin',
    collections: 'id, name, position',
    collection_items: 'collection_id, article_id, position',
    saved_searches: 'id, name, query, sort, position',
  };
  const rows = Object.fromEntries(
    Object.entries(columns).map(([table, cols]) => [table, db.prepare(`SELECT ${cols} FROM ${table} ORDER BY 1, 2`).all()]),
  );
  db.close();
  return rows;
}

describe('a library written by the first schema', () => {
  it('upgrades to the latest with every row, tag, collection, saved search and search intact', async () => {
    const file = join(tempDir(), 'old.db');
    writeOldLibrary(file);
    const before = snapshot(file);

    const service = createLibraryService({ dbPath: file });
    try {
      expect(service.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const titles = async (query: string, sort: 'date-desc' | 'title' = 'date-desc') =>
        (await service.api.articles.search({ query, sort, limit: 50 })).items.map((i) => i.title);
      expect(await titles('')).toEqual(['Blue whales sing', 'Krill swarms', 'Bees and clover', 'An undated note']);
      expect(await titles('whale*')).toEqual(['Blue whales sing', 'Krill swarms']);
      expect(await titles('"blue whale"')).toEqual(['Blue whales sing']);
      expect(await titles('musli')).toEqual(['An undated note']); // diacritics folded, as indexed
      expect(await titles('source:"Garden Notes"')).toEqual(['Bees and clover']);
      expect(await titles('tag:ocean')).toEqual(['Blue whales sing', 'Krill swarms']);
      expect(await titles('collection:"Reading pack"')).toEqual(['Blue whales sing', 'Bees and clover']);
      expect(await titles('is:starred')).toEqual(['Blue whales sing']);
      const saved = await service.api.saved.list({});
      expect(saved.map((s) => [s.name, s.query, s.count])).toEqual([
        ['Sea life', 'tag:ocean whale*', 2],
        ['Unread', 'is:unread', 3],
      ]);
      expect((await service.api.tags.list({})).map((t) => [t.name, t.count, t.color])).toEqual(
        expect.arrayContaining([
          ['ocean', 2, '#0055aa'],
          ['Garden', 1, null],
        ]),
      );
      expect((await service.api.collections.list({})).map((c) => [c.name, c.count])).toEqual([['Reading pack', 2]]);
      const detail = await service.api.articles.get({ id: 3 });
      expect({ note: detail.note, extra: detail.extra }).toEqual({ note: 'a note', extra: { legacy: 3 } });
    } finally {
      service.close();
    }
    expect(snapshot(file)).toEqual(before);
  });

  it('is left exactly as it was when an upgrade step fails', () => {
    const file = join(tempDir(), 'old.db');
    writeOldLibrary(file);
    // Fold the WAL into the file so its bytes are the whole library.
    const settle = new Database(file);
    settle.pragma('journal_mode = DELETE');
    settle.close();
    const bytes = readFileSync(file);

    const failing = [
      ...migrations,
      { version: 9990, name: 'adds-a-table', up: (db: Database.Database) => db.exec('CREATE TABLE half_done (x INTEGER)') },
      {
        version: 9991,
        name: 'breaks',
        up: (db: Database.Database) => {
          db.exec("UPDATE articles SET title = 'changed'");
          throw new Error('disk said no');
        },
      },
    ];
    const db = new Database(file);
    expect(() => migrate(db, 9991, failing)).toThrow('disk said no');
    expect(db.pragma('user_version', { simple: true })).toBe(FIRST_SCHEMA);
    db.close();
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dirname(file))).toEqual(['old.db']);
    // And the library still opens and upgrades normally afterwards.
    const reopened = openLibrary(file);
    expect(reopened.prepare('SELECT title FROM articles WHERE id = 1').pluck().get()).toBe('Blue whales sing');
    reopened.close();
  });
});
