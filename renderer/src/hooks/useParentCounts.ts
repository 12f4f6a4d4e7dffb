import { useEffect, useRef, useState } from 'react';
import { addFilter } from '../../../shared/query/format.js';
import type { Facets } from '../../../shared/types.js';
import { client } from '../transport';

/**
 * Honest counts for parent tags over the current query: articles carrying the
 * parent or any tag under it, asked of the service as `<query> tag:parent` (the
 * engine includes children). Facet counts cannot be summed: an article tagged
 * both `policy/uk` and `policy/eu` would count twice.
 *
 * Runs after each facets answer (which follows every query or library change), only
 * for the parents on screen; answers for an older query are dropped.
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
      void Promise.all(
        names.map((name) =>
          client.articles.search({ query: addFilter(query, 'tag', name), limit: 1 }).then(
            (page): [string, number] | null => [name, page.total],
            () => null,
          ),
        ),
      ).then((answers) => {
        if (mine !== seq.current) return;
        setCounts(new Map(answers.filter((a): a is [string, number] => a !== null)));
      });
    }, 30);
    return () => window.clearTimeout(timer);
  }, [query, key, facets]);
  return counts;
}
