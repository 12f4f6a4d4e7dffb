import { useEffect, useState } from 'react';
import type { LibraryStats } from '../../../../shared/types.js';
import { client } from '../../transport';

/** Library-wide counts: they tell an empty library (show the import screen) from a search with no matches. */
export function useLibraryStats(refresh: number): { stats: LibraryStats | null; error: string | null } {
  const [state, setState] = useState<{ stats: LibraryStats | null; error: string | null }>({ stats: null, error: null });
  useEffect(() => {
    let live = true;
    client.library.stats({}).then(
      (stats) => live && setState({ stats, error: null }),
      (error: Error) => live && setState((s) => ({ ...s, error: error.message })),
    );
    return () => {
      live = false;
    };
  }, [refresh]);
  return state;
}
