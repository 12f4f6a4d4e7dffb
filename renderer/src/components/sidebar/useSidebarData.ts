import { useEffect, useState } from 'react';
import type { CollectionInfo, FolderInfo, SavedSearchInfo, SidebarCounts, TagInfo } from '../../../../shared/types.js';
import { client } from '../../transport';

export interface SidebarData {
  counts: SidebarCounts | null;
  saved: SavedSearchInfo[];
  collections: CollectionInfo[];
  /** Every tag with its colour and library-wide count (the tag tree, palettes, suggestions, export). */
  tags: TagInfo[];
  /** Imported folders with their source labels (the Sources facet renames them). */
  folders: FolderInfo[];
}

/**
 * Unread and Starred counts, saved searches, collections, tags and folders: fetched once per library or
 * curation change (the app's coalesced refresh) and handed to every part that shows them.
 */
export function useSidebarData(refresh: number): SidebarData {
  const [data, setData] = useState<SidebarData>({ counts: null, saved: [], collections: [], tags: [], folders: [] });
  useEffect(() => {
    let live = true;
    // One update for all of them, so the sidebar never shows a mix of before and after.
    Promise.all([
      client.library.counts({}),
      client.saved.list({}),
      client.collections.list({}),
      client.tags.list({}),
      client.library.folders({}),
    ]).then(
      ([counts, saved, collections, tags, folders]) => live && setData({ counts, saved, collections, tags, folders }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [refresh]);
  return data;
}
