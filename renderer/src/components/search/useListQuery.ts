import { useCallback, useMemo } from 'react';
import type { QueryField } from '../../../../shared/query/ast.js';
import { parseQuery } from '../../../../shared/query/parse.js';
import { SORT_ORDERS, type CollectionInfo, type SavedSearchInfo, type SortOrder } from '../../../../shared/types.js';
import { usePersistentState } from '../../hooks/usePersistentState';
import { collectionFilter, collectionQuery, collectionView, type CollectionView } from '../../lib/collectionView';
import { findFilter, hasFreeText, toggleFilter } from '../../lib/chips';
import { dropCopyFilter, excludesCopies } from '../stories/copyFilter';
import { useSearchQuery, type SearchQueryState } from './useSearchQuery';

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isSort = (v: unknown): v is SortOrder => typeof v === 'string' && (SORT_ORDERS as readonly string[]).includes(v);

export interface ListQuery {
  query: SearchQueryState;
  /** Sets the query at once (chips, facets, the sidebar), without the typing pause. */
  setQueryNow: (text: string) => void;
  /** The sort the person chose, kept for next time even while it cannot apply. */
  sortChoice: SortOrder;
  /** The sort the list uses: the choice, or newest first when it cannot apply. */
  sort: SortOrder;
  setSort: (sort: SortOrder) => void;
  /** The query has words, so relevance can rank. */
  canRank: boolean;
  /** The query has a top-level collection: filter, so its own order can be followed. */
  hasCollectionFilter: boolean;
  /** The collection the list shows, if the query names one. */
  onCollection: CollectionView | null;
  /** The one-per-story setting as stored; what the list and the multi-selection ask for. */
  onePerStorySetting: boolean;
  /** What the toggle shows: the setting, or `-is:copy` in the query. */
  onePerStory: boolean;
  toggleOnePerStory: () => void;
  /** A facet click: adds the filter, or takes it out when it is there. */
  onFacet: (field: QueryField, value: string) => void;
  isActive: (field: QueryField, value: string) => boolean;
  /** The sidebar's saved search: its query and its sort. */
  applySaved: (saved: SavedSearchInfo) => void;
  /** The sidebar's collection: its filter, in its own order. */
  showCollection: (collection: CollectionInfo) => void;
}

/**
 * What the list shows and in what order: the search box, the sort and the one-per-story
 * setting (both remembered across restarts), and the query edits the sidebar and facets make.
 * `collections` are the library's, to tell which one a `collection:` filter shows.
 */
export function useListQuery(collections: CollectionInfo[]): ListQuery {
  const [sortChoice, setSort] = usePersistentState<SortOrder>('sort', 'date-desc', isSort);
  const [onePerStorySetting, setOnePerStory] = usePersistentState<boolean>('onePerStory', false, isBoolean);
  const query = useSearchQuery();
  const canRank = hasFreeText(query.parsed);
  // Relevance needs words; without them the list falls back to newest first (the choice is kept for next time).
  const activeParsed = useMemo(() => parseQuery(query.active), [query.active]);
  // Collection order needs a collection: filter; like relevance, it falls back to newest first.
  const hasCollectionFilter = collectionFilter(activeParsed) !== null;
  const sort: SortOrder =
    (sortChoice === 'relevance' && !hasFreeText(activeParsed)) || (sortChoice === 'collection' && !hasCollectionFilter) ? 'date-desc' : sortChoice;
  const onCollection = collectionView(activeParsed, collections, sort);
  // `-is:copy` in the query shows one per story too: the toggle says so, and turning it off takes the filter out.
  const onePerStory = onePerStorySetting || excludesCopies(query.active);

  const { setText } = query;
  const setQueryNow = useCallback((text: string) => setText(text, true), [setText]);
  const toggleOnePerStory = () => {
    if (excludesCopies(query.text)) {
      setQueryNow(dropCopyFilter(query.text));
      setOnePerStory(false);
    } else setOnePerStory(!onePerStorySetting);
  };
  const onFacet = useCallback(
    (field: QueryField, value: string) => setQueryNow(toggleFilter(query.text, query.parsed, field, value)),
    [query.text, query.parsed, setQueryNow],
  );
  const isActive = useCallback(
    (field: QueryField, value: string) => findFilter(query.text, query.parsed, field, value) !== undefined,
    [query.text, query.parsed],
  );
  const applySaved = (s: SavedSearchInfo) => {
    setQueryNow(s.query);
    setSort(s.sort);
  };
  const showCollection = (c: CollectionInfo) => {
    setQueryNow(collectionQuery(c.name));
    setSort('collection');
  };

  return {
    query,
    setQueryNow,
    sortChoice,
    sort,
    setSort,
    canRank,
    hasCollectionFilter,
    onCollection,
    onePerStorySetting,
    onePerStory,
    toggleOnePerStory,
    onFacet,
    isActive,
    applySaved,
    showCollection,
  };
}
