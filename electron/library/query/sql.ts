import type { CompiledQuery } from './compile.js';

/** Full-text matches joined to their articles through the narrow key index. */
export const FROM_FTS = 'articles_fts f JOIN articles a ON a.fts_key = f.rowid';
/** Filters without full text scan the narrow key index, not the wide article rows. */
export const FROM_ARTICLES = 'articles a INDEXED BY articles_by_key';
/** The date key (see migration 0010) where a day begins, computed by SQLite: it exceeds 2^53. */
const KEY_OF_DAY = '((unixepoch(?) + 62135596800) << 24)';

/** The WHERE clause for a full-text query: the MATCH, its date range as rowid bounds, the filters. */
export function ftsCondition(compiled: CompiledQuery): { where: string; params: unknown[] } {
  const { match, filter, dateRange } = compiled;
  let where = 'articles_fts MATCH ?';
  const params: unknown[] = [match];
  if (dateRange.from) {
    where += ` AND f.rowid >= ${KEY_OF_DAY}`;
    params.push(dateRange.from);
  }
  if (dateRange.to) {
    where += ` AND f.rowid < ${KEY_OF_DAY}`;
    params.push(dateRange.to);
  }
  return { where: `${where} AND ${filter.where}`, params: [...params, ...filter.params] };
}
