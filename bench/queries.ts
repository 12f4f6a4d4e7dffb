/**
 * Query latencies on a bench library, per query kind: p50/p95 over 40 varied queries of
 * that kind (pages of 100 rows, as the list asks), plus one cold run on a fresh connection.
 * Varied queries, not one repeated 40 times, so a page cache warmed by the previous run
 * does not hide what a person typing a new word pays.
 */
import { openLibrary } from '../electron/library/db/connection.js';
import { compileText, facets, search } from '../electron/library/query/search.js';
import type { SearchArgs } from '../shared/api.js';
import { SOURCES } from './corpus.js';

const RUNS = 40;
const PAGE = 100;

export const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2);
};

/** Frequent words of the generated corpus (bench/corpus.ts), each in thousands of articles. */
export const COMMON = `government public sector services company market technology data report growth industry partnership
investors announced million percent year quarter energy health research development global customers
platform financial results shares products strategy digital security network innovation officials policy`.split(/\s+/);

const nth = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;
const many = <T>(make: (i: number) => T): T[] => Array.from({ length: RUNS }, (_, i) => make(i));

type Case = SearchArgs | { facetsOf: string };

function cases(rareWord: string, articles: number): Record<string, Case[]> {
  const words = many((i) => nth(COMMON, i));
  return {
    'all, newest first (first page)': many(() => ({ query: '' })),
    'common word, by date': words.map((w) => ({ query: w })),
    'common word, by relevance': words.map((w) => ({ query: w, sort: 'relevance' as const })),
    'rare word, by date': many(() => ({ query: rareWord })),
    // Two common words in a row occur in most articles of the generated corpus.
    'phrase, by date': many((i) => ({ query: `"${nth(COMMON, i)} ${nth(COMMON, i * 7 + 3)}"` })),
    // What the search box sends while a word is typed: 3-5 letters of a common word.
    'prefix while typing (gove*)': words.map((w, i) => ({ query: `${w.slice(0, 3 + (i % 3))}*` })),
    'word + source + date filter': many((i) => ({ query: `${nth(COMMON, i)} source:"${nth(SOURCES, i)}" after:2023-01 before:2024-01-01` })),
    'filters only, title sort': many((i) => ({
      query: `source:"${nth(SOURCES, i)}" -draft:true${i % 2 ? ' has:enclosure' : ''}`,
      sort: 'title' as const,
    })),
    'deep page (last tenth)': many((i) => ({ query: '', offset: Math.floor(articles * (0.9 + (0.09 * i) / RUNS)) })),
    'facet counts, whole library': many(() => ({ facetsOf: '' })),
    'facet counts, common word': words.map((w) => ({ facetsOf: w })),
  };
}

export async function runQueries(dbPath: string, rareWord: string) {
  const probe = openLibrary(dbPath, { readonly: true });
  const articles = search(probe, { query: '', limit: 1 }).total;
  probe.close();
  const out: Record<string, { p50: number; p95: number; cold: number; total: number }> = {};
  for (const [name, list] of Object.entries(cases(rareWord, articles))) {
    let db = openLibrary(dbPath, { readonly: true });
    const run = (args: Case) => {
      if ('facetsOf' in args) {
        const f = facets(db, compileText(args.facetsOf));
        return f.sources.reduce((n, s) => n + s.count, 0);
      }
      return search(db, { limit: PAGE, ...args }).total;
    };
    // Cold: a fresh connection with an empty page cache (the OS cache stays warm).
    let started = performance.now();
    const total = run(list[0]!);
    const cold = performance.now() - started;
    db.close();
    db = openLibrary(dbPath, { readonly: true });
    const times: number[] = [];
    for (const args of list) {
      started = performance.now();
      run(args);
      times.push(performance.now() - started);
    }
    db.close();
    out[name] = { p50: percentile(times, 50), p95: percentile(times, 95), cold: +cold.toFixed(2), total };
  }
  return out;
}
