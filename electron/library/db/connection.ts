import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { LATEST_VERSION, migrate, NewerDatabaseError } from './migrate.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) a library database and brings its schema up to date.
 * WAL lets readers (the UI's queries) run while an import writes; NORMAL sync is
 * durable across a process crash in WAL mode, which is the failure we design for.
 */
export function openLibrary(file: string, options: { readonly?: boolean } = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  refuseNewer(file);
  const db = new Database(file, { readonly: options.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  // A larger page cache keeps the FTS index's hot pages in memory during bulk import.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  if (!options.readonly) migrate(db);
  return db;
}

/**
 * Refuses a library written by a newer Gleaner before anything could change it: the
 * version is read on a read-only connection, because the WAL switch below writes the file
 * header (and makes -wal and -shm files) and the promise is to leave that file untouched.
 */
function refuseNewer(file: string): void {
  if (file === ':memory:' || !existsSync(file)) return;
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    probe.pragma('busy_timeout = 5000');
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw new NewerDatabaseError(version, LATEST_VERSION);
  } finally {
    probe.close();
  }
}
