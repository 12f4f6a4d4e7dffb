import { useEffect, useRef, useState } from 'react';
import { addFilter } from '../../../../shared/query/format.js';
import type { Facets } from '../../../../shared/types.js';
import { client } from '../../transport';

/**
 * Honest counts for parent tags over the current query: articles carrying the
 * parent or any tag under it, asked of the service as `<query> tag:parent` (the
 * engine includes children). Facet counts cannot be summed: an article tagged
 * both `policy/uk` and `policy/eu` would count twice.
 *
 * Runs after each facets answer for this query (`facets` is null while the ones shown
 * are still the previous query's, so a new query is counted once, not twice), only
 * for the parents on screen, as one batched counts call; answers for an older query are dropped.
 */
export function useParentCounts(query: string, parents: string[], facets: Facets | null): Map<string, number> {
  const [counts, setCounts] = useState<Map<string, number>>(new Map());
  const seq = useRef(0);
  const key = parents.join('\n');
  useEffect(() => {
    const mine = ++seq.current;
    const names = key === '' ? [] : key.split('\n');
    if (names.length === 0 || !facets) return;
    const timer = window.setTimeout(() => {
      client.articles.counts({ queries: names.map((name) => addFilter(query, 'tag', name)) }).then(
        (totals) => {
          if (mine === seq.current) setCounts(new Map(names.map((name, i) => [name, totals[i]!])));
        },
        () => {}, // the facet counts stay shown
      );
    }, 30);
    return () => window.clearTimeout(timer);
  }, [query, key, facets]);
  return counts;
}
