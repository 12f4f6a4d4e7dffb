import { useEffect, useState } from 'react';
import type { CollectionInfo, SavedSearchInfo, SidebarCounts, TagInfo } from '../../../shared/types.js';
import { client } from '../transport';

export interface SidebarData {
  counts: SidebarCounts | null;
  saved: SavedSearchInfo[];
  collections: CollectionInfo[];
  /** Every tag with its colour and library-wide count (the tag tree, palettes, suggestions, export). */
  tags: TagInfo[];
}

/**
 * Unread and Starred counts, saved searches, collections and tags: fetched once per library or
 * curation change (the app's coalesced refresh) and handed to every part that shows them.
 */
export function useSidebarData(refresh: number): SidebarData {
  const [data, setData] = useState<SidebarData>({ counts: null, saved: [], collections: [], tags: [] });
  useEffect(() => {
    let live = true;
    // One update for all four, so the sidebar never shows a mix of before and after.
    Promise.all([client.library.counts({}), client.saved.list({}), client.collections.list({}), client.tags.list({})]).then(
      ([counts, saved, collections, tags]) => live && setData({ counts, saved, collections, tags }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [refresh]);
  return data;
}
