import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/library/db/migrate.js';
import { search } from '../../../../electron/library/query/search.js';

/** An article as the code before migration 70 wrote it: raw text, CJK letters unseparated. */
function insertArticle(db: Database.Database, id: number, title: string, body: string, indexed: boolean): void {
  db.prepare(
    `INSERT INTO articles (id, folder_id, rel_path, file_size, file_mtime_ms, content_hash, format, body_format, title, date,
      imported_at, updated_at) VALUES (?, 1, ?, 1, 1, 'h', 'toml', 'html', ?, '2024-05-0${id}T00:00:00Z', 'now', 'now')`,
  ).run(id, `${id}.md`, title);
  db.prepare('INSERT INTO article_bodies (article_id, body) VALUES (?, ?)').run(id, body);
  const into = indexed ? 'articles_fts (rowid, title, summary, body, source)' : 'fts_pending (fts_key, title, summary, body, source)';
  db.prepare(`INSERT INTO ${into} SELECT fts_key, ?, '', ?, '' FROM articles WHERE id = ?`).run(title, body, id);
}

describe('migration 70: the full-text index rebuilt with prefixes and CJK units', () => {
  it("carries an existing library's index over, and CJK words in it become findable", () => {
    const db = new Database(':memory:');
    migrate(db, 60);
    expect(db.pragma('user_version', { simple: true })).toBeLessThan(70);
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/f', 'now')").run();
    insertArticle(db, 1, 'Collector notes', 'The collector gathers 微内核设计 and マイクロカーネル設計 notes.', true);
    insertArticle(db, 2, 'Governance', 'Governments and policy.', true);
    insertArticle(db, 3, 'Waiting', 'Staged text 操作系统 not yet indexed.', false);
    // Before: the Chinese run is one unicode61 word, so a word inside it is not found.
    expect(db.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH \'"微内核"\'').pluck().get()).toBe(0);

    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(70);
    const titles = (query: string) => search(db, { query }).items.map((i) => i.title);
    expect(titles('collector')).toEqual(['Collector notes']);
    expect(titles('gov*')).toEqual(['Governance']);
    expect(titles('微内核')).toEqual(['Collector notes']);
    expect(titles('マイクロカーネル')).toEqual(['Collector notes']);
    // Staged text is separated too, ready for the next import to index.
    expect(db.prepare('SELECT body FROM fts_pending').pluck().get()).toBe('Staged text 操\u200B作\u200B系\u200B统 not yet indexed.');
    const prefixOption = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").pluck().get() as string;
    expect(prefixOption).toMatch(/prefix = '2 3'/);
    expect(() => db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run()).not.toThrow();
    db.close();
  });
});
