import type { Db } from '../db/connection.js';
import { compileText } from '../query/search.js';
import type { Target } from '../../../shared/types.js';

/**
 * The article ids a bulk action applies to, in ascending order. Ids that do not exist
 * are dropped, so a stale selection cannot write rows for deleted articles.
 */
export function resolveTarget(db: Db, target: Target): number[] {
  if ('query' in target) {
    const compiled = compileText(target.query);
    return db.prepare(`SELECT a.id FROM articles a WHERE ${compiled.where} ORDER BY a.id`).pluck().all(...compiled.params) as number[];
  }
  if (target.ids.length === 0) return [];
  return db
    .prepare('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .pluck()
    .all(JSON.stringify(target.ids)) as number[];
}

/** Runs `sql` once with the ids bound as a JSON array (one statement, not one per id). */
export function forIds(db: Db, sql: string, ids: number[], ...params: unknown[]): number {
  if (ids.length === 0) return 0;
  return db.prepare(sql).run(...params, JSON.stringify(ids)).changes;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
