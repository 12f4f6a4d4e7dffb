import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResults } from './useSearchResults';

/** Moving through the list with j/k shows each article after this pause, so holding a key does not load every one. */
const FOLLOW_MS = 110;

export interface Selection {
  selectedIndex: number;
  openId: number | null;
  select: (index: number) => void;
  open: (index: number) => void;
  move: (delta: number) => void;
  /** Opens an article by id (a link in the preview), selecting its row when it is loaded. */
  openById: (id: number) => void;
}

/**
 * Which row is selected and which article is open. The reading pane follows
 * the selection; a new result set keeps the selected (or open) article
 * selected when it is on the first page, and otherwise starts with nothing selected.
 */
export function useSelection(results: SearchResults): Selection {
  const [selectedIndex, setSelectedIndex] = useState(-1);
  const [openId, setOpenId] = useState<number | null>(null);
  const [seenKey, setSeenKey] = useState(results.key);
  // The selected article's id as last seen, so a refresh (an import, a watched folder
  // changing) can find it again at its new place.
  const lastSelectedId = useRef<number | null>(null);

  if (results.key !== seenKey) {
    // Adjusting state while rendering (React's pattern for "reset when a prop changes").
    setSeenKey(results.key);
    const wanted = lastSelectedId.current ?? openId;
    let index = -1;
    for (let i = 0; wanted !== null && i < Math.min(results.total ?? 0, 100); i++) {
      if (results.item(i)?.id === wanted) {
        index = i;
        break;
      }
    }
    if (index === -1) lastSelectedId.current = null;
    setSelectedIndex(index);
  }

  const selectedId = results.item(selectedIndex)?.id ?? null;
  if (selectedId !== null) lastSelectedId.current = selectedId;
  useEffect(() => {
    if (selectedId === null || selectedId === openId) return;
    const timer = window.setTimeout(() => setOpenId(selectedId), FOLLOW_MS);
    return () => window.clearTimeout(timer);
  }, [selectedId, openId]);

  const select = useCallback((index: number) => setSelectedIndex(index), []);
  const { item } = results; // stable: rows memoise on it
  const open = useCallback(
    (index: number) => {
      setSelectedIndex(index);
      const id = item(index)?.id;
      if (id !== undefined) setOpenId(id);
    },
    [item],
  );
  const openById = useCallback(
    (id: number) => {
      let index = -1;
      for (let i = 0; i < Math.min(results.total ?? 0, 100); i++) {
        if (item(i)?.id === id) {
          index = i;
          break;
        }
      }
      // Not among the rows: nothing stays selected, or the pane would follow the old row back.
      lastSelectedId.current = index === -1 ? null : id;
      setSelectedIndex(index);
      setOpenId(id);
    },
    [item, results.total],
  );
  const total = results.total ?? 0;
  const move = useCallback(
    (delta: number) => setSelectedIndex((i) => (total === 0 ? -1 : Math.min(total - 1, Math.max(0, i < 0 ? 0 : i + delta)))),
    [total],
  );
  return { selectedIndex, openId, select, open, move, openById };
}
