import type Database from 'better-sqlite3';

/**
 * Images kept for offline use (the export issue: "embed images that are in the local cache").
 * Keyed by the URL an article names, so a redirect's target is never what a body refers to.
 * Only raster types decided from the bytes are stored; the CHECK keeps it that way.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE image_cache (
      url TEXT PRIMARY KEY,
      mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif')),
      bytes BLOB NOT NULL,
      fetched_at TEXT NOT NULL
    ) STRICT;
  `);
}
