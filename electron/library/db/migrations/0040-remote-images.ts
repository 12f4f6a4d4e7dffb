import type Database from 'better-sqlite3';

/** Sources whose remote images the person chose to allow always (the safe-preview issue). */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE remote_image_sources (
      source TEXT PRIMARY KEY COLLATE NOCASE,
      allowed_at TEXT NOT NULL
    ) STRICT;
  `);
}
