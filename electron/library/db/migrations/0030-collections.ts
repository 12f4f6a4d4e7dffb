import type Database from 'better-sqlite3';

/**
 * Saved searches (smart collections: a query and a sort, counted live) and manual
 * collections (named, ordered sets of articles; an article can be in many).
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE saved_searches (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      query TEXT NOT NULL,
      sort TEXT NOT NULL DEFAULT 'date-desc',
      position INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE collections (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      position INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE collection_items (
      collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      added_at TEXT NOT NULL,
      PRIMARY KEY (collection_id, article_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX collection_items_order ON collection_items(collection_id, position);
    CREATE INDEX collection_items_article ON collection_items(article_id);

    CREATE INDEX articles_starred ON articles(starred) WHERE starred = 1;
    CREATE INDEX articles_unread ON articles(id) WHERE read_at IS NULL;
  `);
}
