import type { Db } from '../db/connection.js';
import { listItemsByIds } from '../db/queries/articleReads.js';
import { parseQuery } from '../../../shared/query/parse.js';
import { MARK_END, MARK_START, type FacetCount, type Facets, type SearchPage, type SortOrder } from '../../../shared/types.js';
import { compileQuery, type CompiledQuery } from './compile.js';

export interface SearchRequest {
  query: string;
  sort?: SortOrder;
  offset?: number;
  limit?: number;
  facets?: boolean;
}

/** A query the person typed that cannot run; the message says why and where. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

const ORDER: Record<Exclude<SortOrder, 'relevance'>, string> = {
  'date-desc': 'a.date DESC, a.id DESC',
  'date-asc': 'a.date ASC NULLS LAST, a.id ASC',
  title: 'a.title COLLATE NOCASE ASC, a.id ASC',
  source: 'a.source COLLATE NOCASE ASC NULLS LAST, a.date DESC, a.id DESC',
};

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
 * snippets for that page only (snippet() over every match costs seconds, PERF-NOTES).
 */
export function search(db: Db, request: SearchRequest): SearchPage {
  const started = performance.now();
  const compiled = compileText(request.query);
  const limit = Math.min(Math.max(request.limit ?? 50, 1), 500);
  const offset = Math.max(request.offset ?? 0, 0);
  const sort = request.sort === 'relevance' && !compiled.match ? 'date-desc' : (request.sort ?? 'date-desc');

  const ids = runSql(() => {
    if (sort === 'relevance') {
      // Relevance needs the MATCH in the FROM clause so bm25() can see it.
      return db
        .prepare(
          `SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH ? AND ${compiled.where} ORDER BY ${BM25}, a.id LIMIT ? OFFSET ?`,
        )
        .pluck()
        .all(compiled.match, ...compiled.params, limit, offset) as number[];
    }
    return db
      .prepare(`SELECT a.id FROM articles a WHERE ${compiled.where} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...compiled.params, limit, offset) as number[];
  });
  const total = runSql(
    () => db.prepare(`SELECT count(*) FROM articles a WHERE ${compiled.where}`).pluck().get(...compiled.params) as number,
  );
  const snippets = compiled.match ? runSql(() => snippetsFor(db, compiled.match!, ids)) : new Map<number, string>();
  const page: SearchPage = { total, offset, items: listItemsByIds(db, ids, snippets), tookMs: 0 };
  if (request.facets) page.facets = facets(db, compiled);
  page.tookMs = Math.round((performance.now() - started) * 10) / 10;
  return page;
}

function snippetsFor(db: Db, match: string, ids: number[]): Map<number, string> {
  const statement = db
    .prepare(
      `SELECT snippet(articles_fts, 2, '${MARK_START}', '${MARK_END}', '…', 24)
         FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`,
    )
    .pluck();
  const out = new Map<number, string>();
  for (const id of ids) {
    const text = statement.get(match, id) as string | undefined;
    if (text) out.set(id, text);
  }
  return out;
}

/** Counts per source, tag, year and month over every article the query matches. */
export function facets(db: Db, compiled: CompiledQuery): Facets {
  const { where, params } = compiled;
  const counts = (sql: string) =>
    runSql(() => (db.prepare(sql).raw().all(...params) as [string, number][]).map(([value, count]) => ({ value, count })));
  const months = counts(
    `SELECT substr(a.date, 1, 7) AS m, count(*) FROM articles a WHERE ${where} AND a.date IS NOT NULL GROUP BY m ORDER BY m`,
  );
  const years = new Map<string, number>();
  for (const { value, count } of months) years.set(value.slice(0, 4), (years.get(value.slice(0, 4)) ?? 0) + count);
  return {
    sources: counts(
      `SELECT a.source, count(*) AS n FROM articles a WHERE ${where} AND a.source IS NOT NULL
        GROUP BY a.source COLLATE NOCASE ORDER BY n DESC, a.source LIMIT 200`,
    ),
    tags: counts(
      `SELECT t.name, count(*) AS n FROM articles a JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id
        WHERE ${where} GROUP BY t.id ORDER BY n DESC, t.name LIMIT 200`,
    ),
    years: [...years].map(([value, count]): FacetCount => ({ value, count })),
    months,
  };
}

/**
 * The SQL here is fixed and every value is bound, so a plain SQLITE_ERROR can only come
 * from FTS5 rejecting the search text; say so plainly. Other codes (busy, I/O) pass on.
 */
function runSql<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_ERROR') {
      throw new QueryError(`The search text could not be used: ${(error as Error).message}`, 0, 0);
    }
    throw error;
  }
}
