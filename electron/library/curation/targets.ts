import type { Db } from '../db/connection.js';
import { existingIds, idsMatching } from '../db/queries/articleIds.js';
import { compileText } from '../query/search.js';
import type { Target } from '../../../shared/types.js';

/**
 * The article ids a bulk action applies to, in ascending order. Ids that do not exist
 * are dropped, so a stale selection cannot write rows for deleted articles.
 */
export function resolveTarget(db: Db, target: Target): number[] {
  if ('query' in target) return idsMatching(db, compileText(target.query));
  if (target.ids.length === 0) return [];
  return existingIds(db, target.ids);
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
