import type Database from 'better-sqlite3';

/**
 * Stories staged by an import (db/queries/storyStage.ts): an article's band
 * keys and shingles wait in memory (stories/stagedRows.ts) and enter
 * `story_bands` / `story_shingles` in key order every few thousand articles, because
 * inserting them one article at a time rewrote most of those random-keyed B-trees on every
 * commit. An article listed here has its sketch saved but its rows still staged; an import
 * that was killed leaves it listed, and the next import puts its rows in from the sketch.
 */
export function up(db: Database.Database): void {
  db.exec('CREATE TABLE story_pending (article_id INTEGER PRIMARY KEY) STRICT;');
}
