/** Which articles exist and which match: ids only, for the callers that resolve a target or a source. */
import type { Db } from '../connection.js';

export function articleExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined;
}

/** The given ids that name articles, ascending. */
export function existingIds(db: Db, ids: readonly number[]): number[] {
  return db.prepare('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').pluck().all(JSON.stringify(ids)) as number[];
}

/** A compiled filter (`a` is `articles`) with its parameters. */
export interface IdFilter {
  where: string;
  params: unknown[];
}

/** The ids of the articles matching `filter`, in `order` (ascending id when none). */
export function idsMatching(db: Db, filter: IdFilter, order: { sql: string; params: unknown[] } = { sql: 'a.id', params: [] }): number[] {
  return db
    .prepare(`SELECT a.id FROM articles a WHERE ${filter.where} ORDER BY ${order.sql}`)
    .pluck()
    .all(...filter.params, ...order.params) as number[];
}

/** The first `count` ids of the library. */
export function firstIds(db: Db, count: number): number[] {
  return db.prepare('SELECT id FROM articles ORDER BY id LIMIT ?').pluck().all(count) as number[];
}
