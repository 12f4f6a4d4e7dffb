import type Database from 'better-sqlite3';

/**
 * Tags and per-article curation state.
 *
 * A tag row is shared by the file's own tags (front matter `tags`, `categories`,
 * `keywords`) and the person's; `article_tags.origin` tells them apart so that a
 * re-import replaces only what came from the file and never the person's own tags.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      color TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE article_tags (
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      origin TEXT NOT NULL CHECK (origin IN ('file', 'user')),
      PRIMARY KEY (article_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX article_tags_by_tag ON article_tags(tag_id, article_id);

    ALTER TABLE articles ADD COLUMN read_at TEXT;
    ALTER TABLE articles ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN note TEXT;

    -- A narrow copy of what filters, date order and facets read, so that walking tens of
    -- thousands of matches never touches the wide article rows: date order (fts_key),
    -- full-text joins (fts_key = FTS rowid), counts and facets all run on this index.
    CREATE INDEX articles_by_key ON articles(
      fts_key, date, source, draft, missing, starred, read_at, has_enclosure, has_summary, folder_id
    );
  `);
}
