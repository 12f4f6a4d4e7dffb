import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../../electron/library/db/connection.js';
import { LATEST_VERSION, migrate, NewerDatabaseError } from '../../../../electron/library/db/migrate.js';
import { tempDir } from '../../../helpers/tmp.js';

describe('migrations', () => {
  it('brings a fresh database to the latest version with STRICT tables', () => {
    const db = openLibrary(join(tempDir(), 'lib.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main'").pluck().all();
    expect(strict).toEqual(expect.arrayContaining(['folders', 'articles', 'article_bodies', 'tags', 'article_tags']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('keeps rows written at version 10 when migrating to 20 (tags, read state)', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 10)).toBe(10);
    db.prepare("INSERT INTO folders (id, path, added_at) VALUES (1, '/f', 'now')").run();
    db.prepare(
      `INSERT INTO articles (id, folder_id, rel_path, file_size, file_mtime_ms, content_hash, format, body_format, title,
        imported_at, updated_at) VALUES (7, 1, 'a.md', 1, 1, 'h', 'toml', 'html', 'Kept', 'now', 'now')`,
    ).run();
    expect(migrate(db)).toBe(LATEST_VERSION);
    const row = db.prepare('SELECT title, starred, read_at, note FROM articles WHERE id = 7').get();
    expect(row).toEqual({ title: 'Kept', starred: 0, read_at: null, note: null });
    db.close();
  });

  it('refuses a database written by a newer Gleaner and leaves it untouched', () => {
    const file = join(tempDir(), 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    expect(() => openLibrary(file)).toThrow(NewerDatabaseError);
    expect(() => openLibrary(file)).toThrow(/newer Gleaner/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 10);
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    check.close();
  });

  it('leaves a newer database byte-for-byte as it was: still a rollback journal, no -wal or -shm', () => {
    const file = join(tempDir(), 'newer.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from a newer Gleaner')");
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    const before = readFileSync(file);
    const stamp = statSync(file).mtimeMs;
    expect(() => openLibrary(file)).toThrow(
      `This library was written by a newer Gleaner (schema ${LATEST_VERSION + 10}; this version knows up to ${LATEST_VERSION}). Update Gleaner to open it; nothing was changed.`,
    );
    expect(() => openLibrary(file, { readonly: true })).toThrow(NewerDatabaseError);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(stamp);
    expect(readdirSync(dirname(file))).toEqual(['newer.db']);
  });
});
