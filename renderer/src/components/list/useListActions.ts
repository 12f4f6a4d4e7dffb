import { useCallback, useMemo, useRef } from 'react';
import type { ChangeResult, Target } from '../../../../shared/types.js';
import type { PickHow, RowDrag } from './ArticleRow';
import { readDragTarget, writeDragTarget } from '../../lib/dragPayload';
import type { CollectionView } from '../../lib/collectionView';
import { client } from '../../transport';
import type { MultiSelect } from './useMultiSelect';
import type { SearchResults } from './useSearchResults';
import type { Selection } from './useSelection';

interface Inputs {
  results: SearchResults;
  selection: Selection;
  multi: MultiSelect;
  collection: CollectionView | null;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  say: (text: string) => void;
}

export interface ListActions {
  pick: (index: number, how: PickHow) => void;
  /** `x`: the current row in or out of the multi-selection. */
  toggleCurrent: () => void;
  drag: RowDrag;
  /** Alt+↑/↓ while a collection is shown in its own order; null otherwise. */
  moveInCollection: ((index: number, delta: -1 | 1) => void) | null;
}

/**
 * What clicks, `x`, drags and Alt+arrows do to the list: the open article, the
 * multi-selection and a collection's order. Callbacks read the latest state
 * through a ref, so they stay the same objects and memoised rows do not re-render.
 */
export function useListActions(inputs: Inputs): ListActions {
  const latest = useRef(inputs);
  latest.current = inputs;
  const reorderable = inputs.collection?.reorderable ?? false;

  const pick = useCallback((index: number, how: PickHow) => {
    const { results, selection, multi, say } = latest.current;
    if (how === 'open') {
      multi.clear();
      selection.open(index);
      return;
    }
    if (how === 'extend') {
      // By index, not by row: Shift+End or Shift+PageDown lands on rows never fetched, which
      // extendTo asks the service for (or refuses, past the limit, with a message).
      void multi.extendTo(index, selection.selectedIndex).then((message) => message && say(message));
      selection.select(index);
      return;
    }
    const row = results.item(index);
    if (!row) return;
    multi.toggle(row.id, index, results.item(selection.selectedIndex)?.id ?? null);
    selection.select(index);
  }, []);

  const toggleCurrent = useCallback(() => {
    const { results, selection, multi } = latest.current;
    const row = results.item(selection.selectedIndex);
    if (row) multi.toggle(row.id, selection.selectedIndex, null);
  }, []);

  /** Moves articles to before `beforeId` (null: the end) in the collection on screen. */
  const moveTo = useCallback((articleIds: number[], beforeId: number | null) => {
    const { collection, change, say } = latest.current;
    if (!collection || articleIds.length === 0 || (beforeId !== null && articleIds.includes(beforeId))) return;
    void change(() => client.collections.move({ id: collection.collection.id, articleIds, beforeId })).then((message) => message && say(message));
  }, []);

  const drag = useMemo<RowDrag>(
    () => ({
      start: (index, data) => {
        const { results, multi } = latest.current;
        const row = results.item(index);
        if (!row) return;
        // Dragging a picked row drags the whole selection; any other row goes alone.
        const target: Target = multi.active && multi.has(row.id) ? (multi.target() ?? { ids: [row.id] }) : { ids: [row.id] };
        writeDragTarget(data, target, 'ids' in target && target.ids.length === 1 ? (row.title ?? '') : `${multi.count} articles`);
      },
      drop: reorderable
        ? (index, after, data) => {
            const { results } = latest.current;
            const target = readDragTarget(data);
            const total = results.total ?? 0;
            if (!target || !('ids' in target)) return;
            // Dropping on a row's lower half puts the articles after it, i.e. before the next one.
            const next = after ? (index + 1 >= total ? null : results.item(index + 1)?.id) : results.item(index)?.id;
            if (next === undefined) return;
            moveTo(target.ids, next);
          }
        : null,
    }),
    [reorderable, moveTo],
  );

  const moveInCollection = useMemo(() => {
    if (!reorderable) return null;
    return (index: number, delta: -1 | 1) => {
      const { results } = latest.current;
      const total = results.total ?? 0;
      const row = results.item(index);
      const to = index + delta;
      if (!row || to < 0 || to >= total) return;
      // Up: before the previous row. Down: before the row after next (or to the end).
      const before = delta < 0 ? results.item(to)?.id : to + 1 >= total ? null : results.item(to + 1)?.id;
      if (before === undefined) return;
      // The cursor stays on the article: the refresh that follows finds it at its new place.
      moveTo([row.id], before);
    };
  }, [reorderable, moveTo]);

  return { pick, toggleCurrent, drag, moveInCollection };
}
