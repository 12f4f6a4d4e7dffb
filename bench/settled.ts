/**
 * What one settled search costs the service, asked the way the renderer asks: before
 * issue 12's calls (the page, a one-row search with facets, a one-row search per parent
 * tag on screen) and now (the page, facets, one batched counts call, through the read
 * cache), for a new query, for the same query re-opened, and for scrolling five pages on.
 * p50/p95 over 40 common words, each new to the cache.
 */
import { openLibrary, type Db } from '../electron/library/db/connection.js';
import { ReadCache } from '../electron/library/query/readCache.js';
import { runRead, type ReadCall, type ReadResults } from '../electron/library/query/reads.js';
import { search } from '../electron/library/query/search.js';
import { COMMON, percentile } from './queries.js';
import { SOURCES } from './corpus.js';

const PAGE = 100;
/** Parent tags on screen stand in as filtered counts (the generated corpus has no tags). */
const PARENTS = 3;

export interface SettledFigures {
  requests: { before: number; now: number };
  [kind: string]: { p50: number; p95: number } | { before: number; now: number };
}

export async function runSettled(dbPath: string): Promise<SettledFigures> {
  const db = openLibrary(dbPath, { readonly: true });
  const cache = new ReadCache(db, <C extends ReadCall>(read: C) => Promise.resolve(runRead(db, read) as ReadResults[C['call']]));
  const times: Record<string, number[]> = {};
  const time = async (kind: string, run: () => unknown) => {
    const started = performance.now();
    await run();
    (times[kind] ??= []).push(performance.now() - started);
  };
  const parents = (w: string, i: number) => Array.from({ length: PARENTS }, (_, k) => `${w} source:"${SOURCES[(i + k) % SOURCES.length]}"`);
  const old = (db: Db, w: string, i: number, offset = 0) => {
    search(db, { query: w, offset, limit: PAGE });
    search(db, { query: w, limit: 1, facets: true });
    for (const q of parents(w, i)) search(db, { query: q, limit: 1 });
  };
  const now = async (w: string, i: number) =>
    Promise.all([cache.search({ query: w, limit: PAGE }, 'list'), cache.facets(w), cache.counts(parents(w, i))]);
  // 40 queries, each new to the cache: the common words, then the first few as prefixes.
  const words = Array.from({ length: 40 }, (_, i) => `${COMMON[i % COMMON.length]}${i >= COMMON.length ? '*' : ''}`);
  for (const [i, w] of words.entries()) {
    await time('settled search, before', () => old(db, w, i));
    await time('settled search, now', () => now(w, i));
    await time('re-opened, before', () => old(db, w, i));
    await time('re-opened, now', () => now(w, i));
    await time('scroll 5 pages, before', () => [1, 2, 3, 4, 5].forEach((p) => search(db, { query: w, offset: p * PAGE, limit: PAGE })));
    await time('scroll 5 pages, now', () => Promise.all([1, 2, 3, 4, 5].map((p) => cache.search({ query: w, offset: p * PAGE, limit: PAGE }, null))));
  }
  db.close();
  const out: SettledFigures = { requests: { before: 2 + PARENTS, now: 3 } };
  for (const [kind, xs] of Object.entries(times)) out[kind] = { p50: percentile(xs, 50), p95: percentile(xs, 95) };
  return out;
}
