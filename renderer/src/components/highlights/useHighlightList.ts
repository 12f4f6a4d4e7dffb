import { useCallback, useEffect, useState } from 'react';
import type { HighlightListItem } from '../../../../shared/highlights.js';
import { client } from '../../transport';
import { useHighlightChanges } from './useHighlightChanges';

/** How many highlights a page of the Highlights view holds. */
export const HIGHLIGHT_PAGE = 100;

export interface HighlightList {
  items: HighlightListItem[];
  total: number | null;
  error: string | null;
  loadMore: () => void;
}

/** Highlights across the library, newest first, of the articles matching `query`; reloads after changes. */
export function useHighlightList(query: string): HighlightList {
  const [state, setState] = useState<{ key: string; items: HighlightListItem[]; total: number | null; error: string | null }>({
    key: '',
    items: [],
    total: null,
    error: null,
  });
  const [limit, setLimit] = useState(HIGHLIGHT_PAGE);
  const version = useHighlightChanges();
  useEffect(() => setLimit(HIGHLIGHT_PAGE), [query]);
  useEffect(() => {
    let live = true;
    client.highlights.list({ query, limit }).then(
      ({ items, total }) => live && setState({ key: query, items, total, error: null }),
      (error: Error) => live && setState({ key: query, items: [], total: null, error: error.message }),
    );
    return () => {
      live = false;
    };
  }, [query, limit, version]);
  const loadMore = useCallback(() => setLimit((n) => n + HIGHLIGHT_PAGE), []);
  return { items: state.items, total: state.total, error: state.error, loadMore };
}
