import { useCallback, useEffect, useRef, useState } from 'react';
import { ClientError } from '../../../../shared/client.js';
import type { ArticleListItem, Facets, SortOrder } from '../../../../shared/types.js';
import { client } from '../../transport';

export const PAGE_SIZE = 100;
/** Pages kept in memory; scrolling all of 100,000 rows must not keep all of them. */
const MAX_PAGES = 40;
/** Page requests in flight at once; more only queue up behind each other in the service. */
const MAX_IN_FLIGHT = 2;
/** Facets count every match (the heaviest query, up to a second for a common word on 100k): sent only once typing has really paused, after the list, so they never hold up the next keystroke's page. */
const FACETS_DELAY_MS = 350;

interface Committed {
  /** query + sort + refresh + one-per-story: what the rows below belong to. */
  key: string;
  query: string;
  sort: SortOrder;
  onePerStory: boolean;
  total: number;
  pages: Map<number, ArticleListItem[]>;
  /** Facets of the previous query stay until this query's arrive, so the sidebar does not flash empty. */
  facets: Facets | null;
  /** refresh + one-per-story + query the facets were counted for (sort does not change them). */
  facetsFor: string | null;
  /** refresh + query of these rows: facets answering it are welcome even after a sort change. */
  facetsWanted: string;
  tookMs: number;
}

export interface SearchResults {
  /** Key of the results on screen; changes when a new query's first page arrives. */
  key: string | null;
  /** Query, sort and one-per-story of those results: unlike `key`, a library refresh leaves it alone. */
  queryKey: string | null;
  total: number | null;
  facets: Facets | null;
  /** False while the facets shown are not yet the asked-for query's. */
  facetsFresh: boolean;
  tookMs: number | null;
  /** A newer query is on its way (the old rows stay until it lands, so nothing flashes). */
  pending: boolean;
  error: ClientError | null;
  /** Bumps whenever rows arrive, so memoised rows re-read the cache. */
  version: number;
  item: (index: number) => ArticleListItem | undefined;
  /** The list tells us which rows are on screen; their pages are fetched, others dropped from the queue. */
  showRange: (first: number, last: number) => void;
}

const toClientError = (error: unknown): ClientError =>
  error instanceof ClientError ? error : new ClientError({ code: 'internal', message: (error as Error)?.message ?? String(error) });

/**
 * The article list's data: one page per request (offset/limit), cached, fetched
 * for the rows on screen only. Every response is checked against the key it was
 * asked for, so a slow answer to an old query never overwrites a newer one.
 */
export function useSearchResults(query: string, sort: SortOrder, refresh: number, onePerStory = false): SearchResults {
  const committed = useRef<Committed | null>(null);
  const requestedKey = useRef<string>('');
  const inFlight = useRef(new Set<number>());
  const wanted = useRef<number[]>([0]);
  const [version, setVersion] = useState(0);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  const pump = useCallback(() => {
    const c = committed.current;
    if (!c) return;
    for (const page of wanted.current) {
      if (inFlight.current.size >= MAX_IN_FLIGHT) return;
      if (c.pages.has(page) || inFlight.current.has(page) || page * PAGE_SIZE >= c.total) continue;
      inFlight.current.add(page);
      const key = c.key;
      client.articles.search({ query: c.query, sort: c.sort, onePerStory: c.onePerStory, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (result) => {
          const now = committed.current;
          if (now?.key !== key) return; // a newer query took over
          inFlight.current.delete(page);
          now.pages.set(page, result.items);
          evict(now.pages, wanted.current);
          bump();
          pump();
        },
        () => {
          if (committed.current?.key === key) inFlight.current.delete(page); // retried when next wanted
        },
      );
    }
  }, [bump]);

  useEffect(() => {
    const key = `${sort}\u0000${refresh}\u0000${onePerStory}\u0000${query}`;
    requestedKey.current = key;
    setPending(true);
    let facetsTimer: number | undefined;
    const started = performance.now();
    client.articles.search({ query, sort, onePerStory, offset: 0, limit: PAGE_SIZE, lane: 'list' }).then(
      (page) => {
        if (requestedKey.current !== key) return;
        const facetsFor = `${refresh}\u0000${onePerStory}\u0000${query}`;
        const previous = committed.current;
        committed.current = {
          key,
          query,
          sort,
          onePerStory,
          total: page.total,
          pages: new Map([[0, page.items]]),
          facets: previous?.facets ?? null,
          facetsFor: previous?.facetsFor ?? null,
          facetsWanted: facetsFor,
          tookMs: page.tookMs,
        };
        inFlight.current = new Set();
        wanted.current = [0];
        setError(null);
        setPending(false);
        bump();
        performance.measure('gleaner:search', { start: started });
        if (previous?.facetsFor === facetsFor) return; // only the sort changed
        if (page.total === 0) {
          // Nothing matches: nothing to count, and stale counts would suggest otherwise.
          committed.current.facets = { sources: [], tags: [], authors: [], languages: [], years: [], months: [] };
          committed.current.facetsFor = facetsFor;
          return;
        }
        // Wait out typing; a library refresh or a click on a facet has nothing to wait for.
        const typing = previous !== null && previous.query !== query;
        facetsTimer = window.setTimeout(
          () => {
            client.articles.facets({ query, onePerStory }).then(
              (facets) => {
                if (committed.current?.facetsWanted !== facetsFor) return;
                committed.current.facets = facets;
                committed.current.facetsFor = facetsFor;
                bump();
              },
              () => {}, // the list is what matters; facets stay from before
            );
          },
          typing ? FACETS_DELAY_MS : 0,
        );
      },
      (err: unknown) => {
        if (requestedKey.current !== key) return;
        setError(toClientError(err));
        setPending(false);
      },
    );
    return () => window.clearTimeout(facetsTimer);
  }, [query, sort, refresh, onePerStory, bump]);

  const showRange = useCallback(
    (first: number, last: number) => {
      const pages: number[] = [];
      const a = Math.floor(Math.max(0, first) / PAGE_SIZE);
      const b = Math.floor(Math.max(0, last) / PAGE_SIZE);
      for (let p = a; p <= b; p++) pages.push(p);
      // One page either side, so steady scrolling finds rows already there.
      pages.push(b + 1);
      if (a > 0) pages.push(a - 1);
      wanted.current = pages;
      pump();
    },
    [pump],
  );

  const item = useCallback((index: number) => {
    const c = committed.current;
    return c?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }, []);

  const c = committed.current;
  return {
    key: c?.key ?? null,
    queryKey: c ? `${c.sort}\u0000${c.onePerStory}\u0000${c.query}` : null,
    total: c?.total ?? null,
    facets: c?.facets ?? null,
    // Against the query asked for, not the rows on screen: from the keystroke until its
    // facets arrive, the facets shown are the previous query's (parent-tag counts and the
    // timeline wait for fresh ones, so they ask once per query).
    facetsFresh: !!c && c.facetsFor === `${refresh}\u0000${onePerStory}\u0000${query}`,
    tookMs: c?.tookMs ?? null,
    pending,
    error,
    version,
    item,
    showRange,
  };
}

/** Drops the pages farthest from what is on screen once the cache is full. */
function evict(pages: Map<number, ArticleListItem[]>, onScreen: number[]): void {
  if (pages.size <= MAX_PAGES) return;
  const centre = onScreen[0] ?? 0;
  const byDistance = [...pages.keys()].filter((p) => p !== 0).sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  for (const p of byDistance.slice(0, pages.size - MAX_PAGES)) pages.delete(p);
}
