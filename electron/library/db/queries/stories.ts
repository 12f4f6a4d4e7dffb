import type { Db } from '../connection.js';
import type { IdFilter } from './articleIds.js';

/** An article as grouping sees it: what orders a story and whether it takes part. */
export interface StoryNode {
  id: number;
  date: string | null;
  source: string | null;
  missing: boolean;
  apart: boolean;
}

/** Prepared statements for the stories tables (see migration 0090). */
export class StoryQueries {
  readonly sketchOf;
  readonly putSketch;
  readonly deleteSketch;
  readonly addPair;
  readonly deletePairs;
  readonly neighbours;
  readonly linked;
  readonly node;
  readonly membersOf;
  readonly setStory;

  constructor(db: Db) {
    this.sketchOf = db.prepare('SELECT scope, shingles, sample_every AS every, coarse, bands FROM story_sketches WHERE article_id = ?');
    this.putSketch = db.prepare(
      'INSERT OR REPLACE INTO story_sketches (article_id, scope, shingles, sample_every, coarse, bands) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.deleteSketch = db.prepare('DELETE FROM story_sketches WHERE article_id = ?');
    this.addPair = db.prepare('INSERT OR IGNORE INTO story_pairs (a, b) VALUES (?, ?)');
    this.deletePairs = db.prepare('DELETE FROM story_pairs WHERE a = @id OR b = @id');
    this.neighbours = db.prepare('SELECT b FROM story_pairs WHERE a = @id UNION SELECT a FROM story_pairs WHERE b = @id').pluck();
    this.linked = db
      .prepare(
        "SELECT other_id FROM story_overrides WHERE kind = 'with' AND article_id = @id UNION SELECT article_id FROM story_overrides WHERE kind = 'with' AND other_id = @id",
      )
      .pluck();
    this.node = db.prepare(
      `SELECT id, date, source, missing, EXISTS (SELECT 1 FROM story_overrides o WHERE o.article_id = a.id AND o.kind = 'apart') AS apart
         FROM articles a WHERE id = ?`,
    );
    this.membersOf = db.prepare('SELECT id FROM articles WHERE story_id = (SELECT story_id FROM articles WHERE id = ?)').pluck();
    this.setStory = db.prepare('UPDATE articles SET story_id = ?, story_rank = ? WHERE id = ? AND (story_id IS NOT ? OR story_rank != ?)');
  }

  nodeOf(id: number): StoryNode | null {
    const row = this.node.get(id) as { id: number; date: string | null; source: string | null; missing: number; apart: number } | undefined;
    return row ? { ...row, missing: row.missing === 1, apart: row.apart === 1 } : null;
  }
}

/** The override rows an article has, for undo. */
export interface OverrideRow {
  article_id: number;
  kind: 'apart' | 'with';
  other_id: number;
}

export function overridesTouching(db: Db, id: number): OverrideRow[] {
  return db
    .prepare("SELECT article_id, kind, other_id FROM story_overrides WHERE article_id = @id OR (kind = 'with' AND other_id = @id)")
    .all({ id }) as OverrideRow[];
}

export function deleteOverrides(db: Db, rows: OverrideRow[]): void {
  const del = db.prepare('DELETE FROM story_overrides WHERE article_id = ? AND kind = ? AND other_id = ?');
  for (const r of rows) del.run(r.article_id, r.kind, r.other_id);
}

export function insertOverrides(db: Db, rows: OverrideRow[]): void {
  const ins = db.prepare('INSERT OR IGNORE INTO story_overrides (article_id, kind, other_id) VALUES (?, ?, ?)');
  for (const r of rows) ins.run(r.article_id, r.kind, r.other_id);
}

/** A story's articles in story order (first article first). */
export function storyMemberRows(db: Db, id: number): { id: number; title: string; source: string | null; date: string | null; rank: number }[] {
  return db
    .prepare(
      `SELECT id, title, source, date, story_rank AS rank FROM articles
        WHERE id = @id AND story_id IS NULL
           OR story_id = (SELECT story_id FROM articles WHERE id = @id)
        ORDER BY story_rank`,
    )
    .all({ id }) as { id: number; title: string; source: string | null; date: string | null; rank: number }[];
}

/** A page of the stories with a member matching `filter` (present articles only), newest first, and how many there are. */
export function storiesMatching(db: Db, filter: IdFilter, offset: number, limit: number): { total: number; ids: number[] } {
  const matching = `SELECT DISTINCT a.story_id AS s FROM articles a WHERE (${filter.where}) AND a.story_id IS NOT NULL AND a.missing = 0`;
  const total = db
    .prepare(`SELECT count(*) FROM (${matching})`)
    .pluck()
    .get(...filter.params) as number;
  const ids = db
    .prepare(`SELECT m.s FROM (${matching}) m JOIN articles f ON f.id = m.s ORDER BY f.fts_key DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(...filter.params, limit, offset) as number[];
  return { total, ids };
}

/** The stored body of an existing article, as a comparison of two members reads it. */
export function storyBody(db: Db, id: number): { body: string; format: 'html' | 'markdown' | 'text'; source: string | null } {
  return db
    .prepare('SELECT b.body, a.body_format AS format, a.source FROM articles a JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?')
    .get(id) as { body: string; format: 'html' | 'markdown' | 'text'; source: string | null };
}
