import type { Db } from '../db/connection.js';
import type { FacetCount, Facets } from '../../../shared/types.js';
import type { CompiledQuery } from './compile.js';
import { runSql } from './runSql.js';
import { FROM_ARTICLES, FROM_FTS, ftsCondition } from './sql.js';

/** Facet lists longer than this are cut; the sidebar shows the largest. */
const MAX_VALUES = 200;

/**
 * Counts per source, language, tag, author, year and month over every article the query
 * matches. Sources, languages and months come from one grouped pass over the narrow key
 * index (not one query each); tags and authors from one grouped join each.
 */
export function facets(db: Db, compiled: CompiledQuery): Facets {
  const from = compiled.match ? FROM_FTS : FROM_ARTICLES;
  const { where, params } = compiled.match ? ftsCondition(compiled) : compiled;
  const rows = runSql(
    () =>
      db
        .prepare(
          `SELECT a.source, a.lang, substr(a.date, 1, 7), count(*) FROM ${from} WHERE ${where} GROUP BY a.source, a.lang, substr(a.date, 1, 7)`,
        )
        .raw()
        .all(...params) as [string | null, string | null, string | null, number][],
  );
  const sources = new Map<string, { value: string; count: number }>();
  const months = new Map<string, number>();
  const years = new Map<string, number>();
  const languages = new Map<string, number>();
  for (const [source, lang, month, count] of rows) {
    if (lang !== null) languages.set(lang, (languages.get(lang) ?? 0) + count);
    if (source !== null) {
      // Sources that differ only by case are one source, shown in the first spelling seen.
      const key = source.toLowerCase();
      const entry = sources.get(key) ?? { value: source, count: 0 };
      entry.count += count;
      sources.set(key, entry);
    }
    if (month !== null) {
      months.set(month, (months.get(month) ?? 0) + count);
      years.set(month.slice(0, 4), (years.get(month.slice(0, 4)) ?? 0) + count);
    }
  }
  const tags = grouped(db, from, where, params, 'article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id', 't');
  const authors = grouped(db, from, where, params, 'article_authors aa ON aa.article_id = a.id JOIN authors t ON t.id = aa.author_id', 't');
  const byKey = (a: FacetCount, b: FacetCount) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  return {
    sources: [...sources.values()].sort((a, b) => b.count - a.count || byKey(a, b)).slice(0, MAX_VALUES),
    tags,
    authors,
    languages: [...languages].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || byKey(a, b)),
    years: [...years].map(([value, count]) => ({ value, count })).sort(byKey),
    months: [...months].map(([value, count]) => ({ value, count })).sort(byKey),
  };
}

/** Counts of named rows joined to the matching articles (tags, authors), largest first. */
function grouped(db: Db, from: string, where: string, params: unknown[], join: string, alias: string): FacetCount[] {
  const rows = runSql(
    () =>
      db
        .prepare(
          `SELECT ${alias}.name, count(*) AS n FROM ${from} JOIN ${join}
            WHERE ${where} GROUP BY ${alias}.id ORDER BY n DESC, ${alias}.name LIMIT ${MAX_VALUES}`,
        )
        .raw()
        .all(...params) as [string, number][],
  );
  return rows.map(([value, count]) => ({ value, count }));
}
