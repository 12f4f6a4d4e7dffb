import { useCallback, useEffect, useRef, useState } from 'react';
import { client } from '../transport';

/** How long a burst of changes may go on before the one refresh it coalesces into. */
const COALESCE_MS = 60;

export interface LibraryRefresh {
  /** Bumped once per burst of changes: every hook that reads the library takes it as a dependency. */
  refresh: number;
  /** Asks for a refresh soon (an import's batches, an article marked read, other windows). */
  requestRefresh: () => void;
}

/**
 * The app's one refresh signal. Library changes arrive in bursts, and refreshing the list,
 * sidebar, stats and open article once per change would refetch everything many times over:
 * requests within a short pause coalesce into one bump of `refresh`.
 */
export function useLibraryRefresh(): LibraryRefresh {
  const [refresh, setRefresh] = useState(0);
  const refreshTimer = useRef<number | undefined>(undefined);
  const requestRefresh = useCallback(() => {
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => setRefresh((r) => r + 1), COALESCE_MS);
  }, []);

  // Stars, tags, notes and undo change rows and counts: refresh like a library change.
  useEffect(() => client.onEvent((event) => event.type === 'curation-changed' && requestRefresh()), [requestRefresh]);

  return { refresh, requestRefresh };
}
