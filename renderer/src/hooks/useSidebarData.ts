import { useEffect, useState } from 'react';
import type { CollectionInfo, SavedSearchInfo, SidebarCounts } from '../../../shared/types.js';
import { client } from '../transport';

export interface SidebarData {
  counts: SidebarCounts | null;
  saved: SavedSearchInfo[];
  collections: CollectionInfo[];
}

/** Unread and Starred counts, saved searches and collections, fetched again after every change. */
export function useSidebarData(refresh: number): SidebarData {
  const [data, setData] = useState<SidebarData>({ counts: null, saved: [], collections: [] });
  useEffect(() => {
    let live = true;
    // One update for all three, so the sidebar never shows a mix of before and after.
    Promise.all([client.library.counts({}), client.saved.list({}), client.collections.list({})]).then(
      ([counts, saved, collections]) => live && setData({ counts, saved, collections }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [refresh]);
  return data;
}
