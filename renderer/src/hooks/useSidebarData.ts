import { useEffect, useState } from 'react';
import type { SavedSearchInfo, SidebarCounts } from '../../../shared/types.js';
import { client } from '../transport';

/** Unread and Starred counts and the saved searches, fetched again after every change. */
export function useSidebarData(refresh: number): { counts: SidebarCounts | null; saved: SavedSearchInfo[] } {
  const [counts, setCounts] = useState<SidebarCounts | null>(null);
  const [saved, setSaved] = useState<SavedSearchInfo[]>([]);
  useEffect(() => {
    let live = true;
    client.library.counts({}).then(
      (c) => live && setCounts(c),
      () => undefined,
    );
    client.saved.list({}).then(
      (s) => live && setSaved(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [refresh]);
  return { counts, saved };
}
