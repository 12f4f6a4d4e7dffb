import type { Db } from '../db/connection.js';
import { listItemsByIds } from '../db/queries/articleReads.js';
import { hasCjk, joinCjk } from '../../../shared/query/cjk.js';
import { parseQuery } from '../../../shared/query/parse.js';
import { MARK_END, MARK_START, type SearchPage, type SortOrder } from '../../../shared/types.js';
import { compileQuery, type CompiledQuery } from './compile.js';
import { facets } from './facets.js';
import { QueryError, runSql } from './runSql.js';
import { FROM_ARTICLES, FROM_FTS, ftsCondition } from './sql.js';

export { QueryError, facets };

export interface SearchRequest {
  query: string;
  sort?: SortOrder;
  offset?: number;
  limit?: number;
  facets?: boolean;
  /** One row per story: of each story's matching articles only the first (in story order) is kept. */
  onePerStory?: boolean;
  /**
   * The total when the service already knows it (its read cache): the search then skips
   * counting, so scrolling (a higher offset) and re-opening a query never recount.
   */
  knownTotal?: number;
}

/** Orders without full text. fts_key is date order (undated articles count as oldest). */
const ORDER: Record<Exclude<SortOrder, 'relevance' | 'collection'>, string> = {
  'date-desc': 'a.fts_key DESC',
  'date-asc': 'a.fts_key ASC',
  title: 'a.title COLLATE NOCASE ASC, a.id ASC',
  source: 'a.source COLLATE NOCASE ASC NULLS LAST, a.fts_key DESC',
};

/** A position in the named collection; ties (never expected) by id. */
const COLLECTION_ORDER = `(SELECT ci.position FROM collection_items ci JOIN collections c ON c.id = ci.collection_id
                            WHERE c.name = ? AND ci.article_id = a.id), a.id`;

/**
 * ORDER BY for a query without full-text ranking, shared by the list and exports. Relevance
 * falls back to newest first, and so does collection order without a top-level `collection:`.
 */
export function orderBy(compiled: CompiledQuery, sort: SortOrder): { sql: string; params: unknown[] } {
  if (sort === 'collection' && compiled.collection !== null) return { sql: COLLECTION_ORDER, params: [compiled.collection] };
  return { sql: ORDER[sort === 'relevance' || sort === 'collection' ? 'date-desc' : sort], params: [] };
}

/** Column weights for bm25: a word in the title counts most, then summary, source, body. */
const BM25 = 'bm25(articles_fts, 10.0, 4.0, 1.0, 2.0)';
export function compileText(query: string): CompiledQuery {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new QueryError(parsed.error.message, parsed.error.span.start, parsed.error.span.end);
  try {
    return compileQuery(parsed.node);
  } catch (error) {
    throw new QueryError((error as Error).message, 0, query.length);
  }
}

/**
 * Runs one search: the page of ids first (cheap, narrow rows), then the list rows and
 * snippets for that page only (snippet() over every match took 1.4-2 s on a common word).
 */
export function search(db: Db, request: SearchRequest): SearchPage {
  const started = performance.now();
  const compiled = request.onePerStory ? onePerStory(compileText(request.query)) : compileText(request.query);
  const limit = Math.min(Math.max(request.limit ?? 50, 1), 500);
  const offset = Math.max(request.offset ?? 0, 0);
  const sort = request.sort === 'relevance' && !compiled.match ? 'date-desc' : (request.sort ?? 'date-desc');
  const ids = runSql(() => pageIds(db, compiled, sort, limit, offset));
  const total = request.knownTotal ?? countMatches(db, compiled);
  const snippets = compiled.match ? runSql(() => snippetsFor(db, compiled.match!, ids)) : new Map<number, string>();
  const page: SearchPage = { total, offset, items: listItemsByIds(db, ids, snippets), tookMs: 0 };
  if (request.facets) page.facets = facets(db, compiled);
  page.tookMs = Math.round((performance.now() - started) * 10) / 10;
  return page;
}

/**
 * Narrows a query to one article per story: an article is kept unless an earlier member of
 * its story (lower story_rank) matches too. Only copies (rank > 0) pay for the check, one
 * indexed look at their story's earlier members, each tested against the whole query.
 * Counts and facets read the same condition, so they follow.
 */
export function onePerStory(compiled: CompiledQuery): CompiledQuery {
  const earlier = (where: string) =>
    `(a.story_rank = 0 OR NOT EXISTS (SELECT 1 FROM articles s WHERE s.story_id = a.story_id AND s.story_rank < a.story_rank
        AND EXISTS (SELECT 1 FROM articles a WHERE a.id = s.id AND (${where}))))`;
  const condition = earlier(compiled.where);
  return {
    ...compiled,
    where: `(${compiled.where}) AND ${condition}`,
    params: [...compiled.params, ...compiled.params],
    filter: { where: `(${compiled.filter.where}) AND ${condition}`, params: [...compiled.filter.params, ...compiled.params] },
  };
}

/**
 * Relevance ranks at most this many matches: the newest ones, by bm25. bm25 costs about
 * 5 µs a row, so ranking all 50,000 matches of a common word took 250 ms; 2,000 take
 * 10 ms. Past them the list goes on newest first, so every match still has one place.
 */
export const RELEVANCE_CANDIDATES = 2000;

function pageIds(db: Db, compiled: CompiledQuery, sort: SortOrder, limit: number, offset: number): number[] {
  const run = (sql: string, params: unknown[], n: number, from: number) =>
    db
      .prepare(sql)
      .pluck()
      .all(...params, n, from) as number[];
  if (compiled.match && (sort === 'date-desc' || sort === 'date-asc' || sort === 'relevance')) {
    const fts = ftsCondition(compiled);
    // FTS5 yields rowids (= date keys) in order: a date-sorted page needs no sort at all.
    const byDate = (direction: string, n: number, from: number) =>
      run(`SELECT a.id FROM ${FROM_FTS} WHERE ${fts.where} ORDER BY f.rowid ${direction} LIMIT ? OFFSET ?`, fts.params, n, from);
    if (sort !== 'relevance') return byDate(sort === 'date-desc' ? 'DESC' : 'ASC', limit, offset);
    const ranked =
      offset < RELEVANCE_CANDIDATES
        ? run(
            `SELECT id FROM (SELECT a.id, ${BM25} AS score FROM ${FROM_FTS} WHERE ${fts.where} ORDER BY f.rowid DESC LIMIT ${RELEVANCE_CANDIDATES})
              ORDER BY score, id LIMIT ? OFFSET ?`,
            fts.params,
            limit,
            offset,
          )
        : [];
    const restFrom = Math.max(offset, RELEVANCE_CANDIDATES);
    const rest = offset + limit > RELEVANCE_CANDIDATES && ranked.length < limit ? byDate('DESC', offset + limit - restFrom, restFrom) : [];
    return [...ranked, ...rest];
  }
  const order = orderBy(compiled, sort);
  return run(
    `SELECT a.id FROM articles a WHERE ${compiled.where} ORDER BY ${order.sql} LIMIT ? OFFSET ?`,
    [...compiled.params, ...order.params],
    limit,
    offset,
  );
}

/** How many articles match. Pure text: FTS5 counts its own doclist without touching rows. */
export function countMatches(db: Db, compiled: CompiledQuery): number {
  const { match, filter } = compiled;
  return runSql(() => {
    if (match && filter.where === '1') return db.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get(match) as number;
    if (match) {
      const fts = ftsCondition(compiled);
      return db
        .prepare(`SELECT count(*) FROM ${FROM_FTS} WHERE ${fts.where}`)
        .pluck()
        .get(...fts.params) as number;
    }
    return db
      .prepare(`SELECT count(*) FROM ${FROM_ARTICLES} WHERE ${compiled.where}`)
      .pluck()
      .get(...compiled.params) as number;
  });
}

/**
 * Snippets for one page in one pass of the MATCH over the page's key range. Asking row by
 * row re-ran the MATCH each time, and a prefix (`gove*`) merges the lists of every word
 * it covers on each run: 100 rows cost two seconds. The unary `+` keeps the key list out
 * of FTS5's plan, so it filters the range instead of restarting the MATCH per key.
 */
function snippetsFor(db: Db, match: string, ids: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  // Each CJK letter is a token of its own: twice the tokens show about as much text.
  const tokens = hasCjk(match) ? 48 : 24;
  const rows = db
    .prepare(
      `WITH page(k) AS (SELECT fts_key FROM articles WHERE id IN (SELECT value FROM json_each(?)))
       SELECT a.id, snippet(articles_fts, 2, '${MARK_START}', '${MARK_END}', '…', ${tokens})
         FROM articles_fts f CROSS JOIN articles a ON a.fts_key = f.rowid
        WHERE articles_fts MATCH ? AND f.rowid BETWEEN (SELECT min(k) FROM page) AND (SELECT max(k) FROM page)
          AND +f.rowid IN (SELECT k FROM page)`,
    )
    .raw()
    .all(JSON.stringify(ids), match) as [number, string | null][];
  // The index's copy separates CJK letters with U+200B: the person sees the text as written.
  for (const [id, text] of rows) if (text) out.set(id, joinCjk(text));
  return out;
}
