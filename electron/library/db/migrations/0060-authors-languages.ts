import type Database from 'better-sqlite3';

/**
 * Authors, languages, excerpts and where each article's source came from (issue 11).
 *
 * Authors get their own table so the Authors facet and `author:` filter group by one short
 * row per person instead of parsing text per article; `position` keeps the file's order.
 * `source_origin` says whether `articles.source` is the file's own or the folder's label, so
 * renaming a folder's label rewrites exactly the articles that took it. Existing articles
 * keep these empty (no authors, null language, no excerpt) until their folder is imported
 * again: the migration cannot read files (a folder may be offline), so it clears each
 * article's file stamp instead, and the next import or watcher pass re-reads every file as
 * changed. The person's curation survives that re-read like any update.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE authors (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT;

    CREATE TABLE article_authors (
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      PRIMARY KEY (article_id, author_id)
    ) STRICT, WITHOUT ROWID;
    -- Facet counts and author: filters walk an author's articles.
    CREATE INDEX article_authors_by_author ON article_authors(author_id, article_id);

    ALTER TABLE articles ADD COLUMN lang TEXT;
    ALTER TABLE articles ADD COLUMN source_origin TEXT
      CHECK (source_origin IN ('file', 'site-field', 'url', 'site-config', 'folder', 'label'));
    ALTER TABLE articles ADD COLUMN excerpt TEXT;
    -- Articles imported before this migration took their source from the file or had none.
    UPDATE articles SET source_origin = 'file' WHERE source IS NOT NULL;
    UPDATE articles SET file_mtime_ms = -1;
    CREATE INDEX articles_lang ON articles(lang, fts_key) WHERE lang IS NOT NULL;
    -- The narrow index that counts and facets run on (migration 0020) gains the language, so
    -- the Languages facet is counted in the same grouped pass as sources and months.
    DROP INDEX articles_by_key;
    CREATE INDEX articles_by_key ON articles(
      fts_key, date, source, draft, missing, starred, read_at, has_enclosure, has_summary, folder_id, lang
    );
    CREATE INDEX articles_folder_origin ON articles(folder_id, source_origin);

    ALTER TABLE folders ADD COLUMN source_label TEXT;
    ALTER TABLE folders ADD COLUMN source_label_custom INTEGER NOT NULL DEFAULT 0;
  `);
}
