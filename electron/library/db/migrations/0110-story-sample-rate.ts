import type Database from 'better-sqlite3';

/**
 * The rate each story sketch's shingles were sampled at (stories/shingles.ts
 * sampleRateOf): a long article keeps one shingle in 16, a shorter one one in 4 and also
 * its one-in-16 sample (`coarse`), which long articles are compared with. Sketches made
 * before this were all sampled at one in 4, without a coarse sample.
 */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE story_sketches ADD COLUMN sample_every INTEGER NOT NULL DEFAULT 4;
    ALTER TABLE story_sketches ADD COLUMN coarse BLOB;
  `);
}
