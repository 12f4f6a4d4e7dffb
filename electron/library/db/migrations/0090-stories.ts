import type Database from 'better-sqlite3';

/**
 * Stories: near-duplicate articles grouped by their text (electron/library/stories/).
 *
 * `articles.story_id` is the id of the story's first article, NULL for an article alone
 * (so "is a copy" and "one per story" read one indexed column); `story_rank` is the
 * article's place in its story (0 = first). `story_sketches` keeps each article's sampled
 * shingle hashes and LSH band keys, so a re-import or a missing file can take exactly its
 * rows back out. `story_bands` finds candidates, `story_shingles` counts how many articles
 * of a source (scope) hold a shingle: the learned boilerplate. `story_pairs` holds the
 * confirmed copies; stories are their connected components (with the person's overrides).
 */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE articles ADD COLUMN story_id INTEGER;
    ALTER TABLE articles ADD COLUMN story_rank INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX articles_story ON articles(story_id, story_rank) WHERE story_id IS NOT NULL;
    -- The narrow key index filters read (query/sql.ts) gains the story columns, so is:copy and
    -- one-per-story stay off the wide rows.
    DROP INDEX articles_by_key;
    CREATE INDEX articles_by_key ON articles(
      fts_key, date, source, draft, missing, starred, read_at, has_enclosure, has_summary, folder_id, lang, story_id, story_rank
    );

    CREATE TABLE story_sketches (
      article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      scope INTEGER NOT NULL,
      shingles BLOB NOT NULL,
      bands BLOB NOT NULL
    ) STRICT;

    CREATE TABLE story_bands (
      band INTEGER NOT NULL,
      article_id INTEGER NOT NULL,
      PRIMARY KEY (band, article_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE story_shingles (
      hash INTEGER NOT NULL,
      scope INTEGER NOT NULL,
      article_id INTEGER NOT NULL,
      PRIMARY KEY (hash, scope, article_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE story_pairs (
      a INTEGER NOT NULL,
      b INTEGER NOT NULL,
      PRIMARY KEY (a, b)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX story_pairs_b ON story_pairs(b, a);

    -- The person's control, keyed by article id (an article keeps its id across re-imports):
    -- 'apart' = the article stays out of automatic grouping; 'with' = joined to other_id.
    CREATE TABLE story_overrides (
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('apart', 'with')),
      other_id INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (article_id, kind, other_id)
    ) STRICT;
    CREATE INDEX story_overrides_other ON story_overrides(other_id) WHERE kind = 'with';
  `);
}
