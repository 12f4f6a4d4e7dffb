import { useCallback, useMemo, useRef, useState } from 'react';
import type { SortOrder, Target } from '../../../../shared/types.js';
import { formatCount } from '../../lib/format';
import { client } from '../../transport';
import type { SearchResults } from './useSearchResults';

/** A shift-click range larger than this asks for "Select all matching" instead (ids cross the transport). */
export const MAX_RANGE = 10_000;
/** Rows per request when a range reaches rows that were never fetched. */
const RANGE_PAGE = 500;

export interface MultiSelect {
  /** Articles picked one by one or by range (empty when `all`). */
  ids: ReadonlySet<number>;
  /** Every article matching the query the selection was made in. */
  all: boolean;
  /** How many articles a bulk action would touch. */
  count: number;
  /** Anything selected: rows show their picked state and the bulk bar appears. */
  active: boolean;
  has: (id: number) => boolean;
  /** Ctrl/Cmd-click and `x`: in or out of the selection; `seed` joins it first (the row that was current). */
  toggle: (id: number, index: number, seed?: number | null) => void;
  /**
   * Shift-click: everything from the last picked row (or else `from`, the current row) to
   * this one; resolves to an error message or null.
   */
  extendTo: (index: number, from: number) => Promise<string | null>;
  selectAll: () => void;
  /** Adds articles (e.g. the copies of the picked stories), keeping the ones picked. */
  add: (ids: number[]) => void;
  clear: () => void;
  /** What a bulk action applies to. */
  target: () => Target | null;
}

/**
 * The multi-selection of the article list, apart from the current row (which
 * the reading pane follows). It belongs to one query: a new query or sort
 * clears it; a refresh of the same query (after a bulk action) keeps it.
 */
export function useMultiSelect(results: SearchResults, query: string, sort: SortOrder, onePerStory = false): MultiSelect {
  const [ids, setIds] = useState<ReadonlySet<number>>(() => new Set());
  const [all, setAll] = useState(false);
  const [forKey, setForKey] = useState(results.queryKey);
  const anchor = useRef<number | null>(null);

  if (results.queryKey !== forKey) {
    // React's "reset state when a prop changes" pattern: no stale selection survives a new query.
    setForKey(results.queryKey);
    setIds(new Set());
    setAll(false);
    anchor.current = null;
  }

  const total = results.total ?? 0;
  const { item } = results;

  const toggle = useCallback((id: number, index: number, seed?: number | null) => {
    setAll(false);
    setIds((current) => {
      const next = new Set(current);
      if (current.size === 0 && seed != null && seed !== id) next.add(seed);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    anchor.current = index;
  }, []);

  const extendTo = useCallback(
    async (index: number, current: number): Promise<string | null> => {
      const start = anchor.current ?? (current >= 0 ? current : index);
      anchor.current = start;
      const from = Math.min(start, index);
      const to = Math.max(start, index);
      if (to - from + 1 > MAX_RANGE)
        return `That range holds ${formatCount(to - from + 1)} articles: use "Select all" for more than ${formatCount(MAX_RANGE)}`;
      const picked: number[] = [];
      let missing = false;
      for (let i = from; i <= to; i++) {
        const row = item(i);
        if (row) picked.push(row.id);
        else missing = true;
      }
      if (missing) {
        // Some rows were never on screen: ask for the range in the list's own order.
        picked.length = 0;
        try {
          for (let offset = from; offset <= to; offset += RANGE_PAGE) {
            const page = await client.articles.search({ query, sort, onePerStory, offset, limit: Math.min(RANGE_PAGE, to - offset + 1) });
            for (const row of page.items) picked.push(row.id);
          }
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      }
      setAll(false);
      setIds((current) => new Set([...current, ...picked]));
      return null;
    },
    [item, query, sort, onePerStory],
  );

  const selectAll = useCallback(() => {
    setIds(new Set());
    setAll(true);
  }, []);
  const add = useCallback((more: number[]) => {
    setAll(false);
    setIds((current) => new Set([...current, ...more]));
  }, []);
  const clear = useCallback(() => {
    // Every plain click clears: keep the same Set when already empty, so nothing re-renders for it.
    setIds((current) => (current.size === 0 ? current : new Set()));
    setAll(false);
    anchor.current = null;
  }, []);

  return useMemo(() => {
    const count = all ? total : ids.size;
    return {
      ids,
      all,
      count,
      active: all || ids.size > 0,
      has: (id: number) => all || ids.has(id),
      toggle,
      extendTo,
      selectAll,
      add,
      clear,
      target: (): Target | null => (all ? { query } : ids.size > 0 ? { ids: [...ids] } : null),
    };
  }, [ids, all, total, query, toggle, extendTo, selectAll, add, clear]);
}
