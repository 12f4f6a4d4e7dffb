import type Database from 'better-sqlite3';

/**
 * Highlights (issue 16): marked passages with a colour and a note, anchored like W3C Web
 * Annotation selectors (the quote with its context, and its offsets in the article's anchor
 * text). A highlight whose quote cannot be placed after a re-import is kept with
 * `detached = 1`, never deleted; deleting the article deletes its highlights.
 *
 * `highlight:` searches the quote and note with LIKE rather than a second FTS index: a
 * library holds thousands of highlights, not millions, a scan of them takes milliseconds, and
 * LIKE finds CJK text and parts of words without the CJK separation the article index needs.
 */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE highlights (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      color TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      exact TEXT NOT NULL,
      prefix TEXT NOT NULL DEFAULT '',
      suffix TEXT NOT NULL DEFAULT '',
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      detached INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    -- An article's highlights in reading order (the reading pane, exports, has:highlights).
    CREATE INDEX highlights_by_article ON highlights(article_id, detached, start);
    -- The Highlights view: newest first across the library.
    CREATE INDEX highlights_by_created ON highlights(created_at DESC, id DESC);
  `);
}
