import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { LATEST_VERSION, migrate, NewerDatabaseError } from './migrate.js';

export type Db = Database.Database;

/**
 * How long a statement waits for another connection's write to end before failing with
 * "database is locked". A connection that answers a window waits briefly, because
 * better-sqlite3 waits on the event loop's thread; transactions elsewhere are short (import
 * batches, and an optimize in steps), so this is ample for them.
 */
export const UI_BUSY_TIMEOUT_MS = 5000;
/**
 * Imports (on their own thread, or the CLI's) may queue behind another import's whole
 * index move or first migration: nobody is kept waiting by their wait, so they wait long.
 */
export const BACKGROUND_BUSY_TIMEOUT_MS = 120_000;

/**
 * Opens (creating if needed) a library database and brings its schema up to date.
 * WAL lets readers (the UI's queries) run while an import writes; NORMAL sync is
 * durable across a process crash in WAL mode, which is the failure we design for.
 */
export function openLibrary(file: string, options: { readonly?: boolean; busyTimeoutMs?: number } = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  refuseNewer(file);
  const db = new Database(file, { readonly: options.readonly ?? false });
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? UI_BUSY_TIMEOUT_MS}`);
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  // A larger page cache keeps the FTS index's hot pages in memory during bulk import.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  if (!options.readonly) {
    beginImmediately(db, options.busyTimeoutMs ?? UI_BUSY_TIMEOUT_MS);
    migrate(db);
  }
  return db;
}

/**
 * Makes `db.transaction(fn)()` take the write lock at BEGIN. A deferred transaction that
 * reads and then writes (most curation does: resolve the target, then change it) fails at
 * once with "database is locked" when another process committed in between, because SQLite
 * cannot wait its way out of a stale snapshot; BEGIN IMMEDIATE waits for the other writer
 * instead. One place, so no call site can forget it; nested calls still become savepoints,
 * and `.deferred` stays available.
 *
 * The wait for BEGIN is a loop of our own rather than SQLite's busy handler: that handler
 * backs off to one try per 100 ms, and two imports taking turns at the lock starved the
 * app's star click past its 5 s (the two-process test failed about one run in four under
 * load). A window's connection tries every millisecond, a background one every 10 ms, so the
 * person's write wins the gap between two import batches.
 */
function beginImmediately(db: Db, timeoutMs: number): void {
  const transaction = db.transaction.bind(db);
  const pollMs = timeoutMs <= UI_BUSY_TIMEOUT_MS ? 1 : 10;
  // Each variant better-sqlite3 makes carries the others (.deferred, .immediate, …) already.
  db.transaction = ((fn: Parameters<Db['transaction']>[0]) => {
    let began = false;
    const variants = transaction(function (this: unknown, ...args: unknown[]) {
      began = true;
      db.pragma(`busy_timeout = ${timeoutMs}`); // statements inside wait as before
      return fn.apply(this, args);
    });
    const immediate = variants.immediate;
    const waiting = Object.assign(
      (...args: unknown[]) => {
        if (db.inTransaction) return immediate(...args); // a savepoint: the lock is ours
        const deadline = performance.now() + timeoutMs;
        for (;;) {
          began = false;
          db.pragma('busy_timeout = 0');
          try {
            return immediate(...args);
          } catch (error) {
            if (began || (error as { code?: string }).code !== 'SQLITE_BUSY' || performance.now() >= deadline) throw error;
            sleep(pollMs);
          } finally {
            db.pragma(`busy_timeout = ${timeoutMs}`);
          }
        }
      },
      { deferred: variants.deferred, immediate: variants.immediate, exclusive: variants.exclusive, default: variants.default },
    );
    return waiting;
  }) as Db['transaction'];
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread for `ms` (the transaction API is synchronous, as SQLite's own wait is). */
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
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
