/** Query latencies on a bench library: warm p50/p95 over repeated runs, plus one cold run. */
import { openLibrary } from '../electron/library/db/connection.js';
import { compileText, facets, search } from '../electron/library/query/search.js';
import type { SearchArgs } from '../shared/api.js';

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2);
};

export async function runQueries(dbPath: string, rareWord: string) {
  const cases: Record<string, SearchArgs | { facetsOf: string }> = {
    'all, newest first (first page)': { query: '' },
    'common word, by date': { query: 'government' },
    'common word, by relevance': { query: 'government', sort: 'relevance' },
    'rare word, by date': { query: rareWord },
    'phrase, by date': { query: '"public sector"' },
    'word + source + date filter': { query: 'energy source:"Tech Herald" after:2023-01 before:2024-01-01' },
    'filters only, title sort': { query: 'source:"Business Daily" -draft:true has:enclosure', sort: 'title' },
    'deep page (offset 90,000)': { query: '', offset: 90_000 },
    'facet counts, whole library': { facetsOf: '' },
    'facet counts, common word': { facetsOf: 'government' },
  };
  const out: Record<string, { p50: number; p95: number; cold: number; total: number }> = {};
  for (const [name, args] of Object.entries(cases)) {
    // Cold: a fresh connection with an empty page cache (the OS cache stays warm).
    let db = openLibrary(dbPath, { readonly: true });
    const run = () => {
      if ('facetsOf' in args) {
        const f = facets(db, compileText(args.facetsOf));
        return f.sources.reduce((n, s) => n + s.count, 0);
      }
      return search(db, { limit: 50, ...args }).total;
    };
    let started = performance.now();
    const total = run();
    const cold = performance.now() - started;
    db.close();
    db = openLibrary(dbPath, { readonly: true });
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      started = performance.now();
      run();
      times.push(performance.now() - started);
    }
    db.close();
    out[name] = { p50: percentile(times, 50), p95: percentile(times, 95), cold: +cold.toFixed(2), total };
  }
  return out;
}
