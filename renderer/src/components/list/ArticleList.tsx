import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import { markAfterPaint } from '../../lib/perf';
import type { SearchResults } from './useSearchResults';
import { ArticleRow, hasRowText, rowId, type PickHow, type RowDrag } from './ArticleRow';

/** Row heights are known, never measured: with 100,000 rows, measuring each one would cost more than it gives. */
export const ROW_HEIGHT = 92;
/** A row with nothing to show under its title (no summary, no body text): title and meta line only. */
export const SHORT_ROW_HEIGHT = 58;

interface Props {
  results: SearchResults;
  selectedIndex: number;
  /** Keyboard moves: the reading pane follows after a short pause. */
  onSelect: (index: number) => void;
  /** A click: plain (show it now), Shift (extend the selection) or Ctrl/Cmd (toggle). */
  onPick: (index: number, how: PickHow) => void;
  /** Enter/Space: show it now. */
  onOpen: (index: number) => void;
  /** Whether an article is in the multi-selection; null when nothing is multi-selected. */
  isPicked: ((id: number) => boolean) | null;
  /** Ctrl/Cmd+A. */
  onSelectAll: () => void;
  /** Alt+↑/↓ in a collection shown in its own order: moves the current article; null elsewhere. */
  onMoveInCollection: ((index: number, delta: -1 | 1) => void) | null;
  drag: RowDrag | null;
  /** A row's "N copies": open it with its Copies panel. */
  onShowCopies: ((index: number) => void) | null;
}

export interface ArticleListHandle {
  focus: () => void;
}

/**
 * The article list: an ARIA listbox whose rows are virtualized, so only the
 * rows on screen exist in the DOM; their pages are fetched as they scroll in.
 * Focus stays on the listbox and aria-activedescendant names the selected row.
 */
export const ArticleList = forwardRef<ArticleListHandle, Props>(function ArticleList(
  { results, selectedIndex, onSelect, onPick, onOpen, isPicked, onSelectAll, onMoveInCollection, drag, onShowCopies },
  ref,
) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = results.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => {
      const item = results.item(index);
      return item && !hasRowText(item) ? SHORT_ROW_HEIGHT : ROW_HEIGHT;
    },
    overscan: 6,
  });
  // Arrived rows may be short ones: recount the offsets (sizes are estimates, so this is arithmetic, not layout).
  const { version } = results;
  useLayoutEffect(() => virtualizer.measure(), [version, virtualizer]);
  useImperativeHandle(ref, () => ({ focus: () => scroller.current?.focus() }), []);

  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? 0;
  const { showRange, key, queryKey } = results;
  useEffect(() => showRange(first, last), [first, last, key, showRange]);

  // A new query starts at the top; a refresh of the same one (an import) stays put.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [queryKey]);
  // New results on screen: for uiBench (keystroke → updated list).
  useLayoutEffect(() => {
    if (key !== null) markAfterPaint('gleaner:list-painted', key);
  }, [key]);

  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < count) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, count, virtualizer]);

  const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 5) / ROW_HEIGHT) - 1);
  const activeRendered = selectedIndex >= first && selectedIndex <= last;

  return (
    <div
      ref={scroller}
      className="list-scroll"
      role="listbox"
      aria-label="Articles"
      aria-multiselectable="true"
      aria-busy={results.pending}
      aria-activedescendant={activeRendered && selectedIndex >= 0 ? rowId(selectedIndex) : undefined}
      tabIndex={0}
      onKeyDown={(e) => {
        if (count === 0) return;
        if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a') {
          e.preventDefault();
          return onSelectAll();
        }
        if (e.altKey && onMoveInCollection && selectedIndex >= 0 && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
          e.preventDefault();
          return onMoveInCollection(selectedIndex, e.key === 'ArrowUp' ? -1 : 1);
        }
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        const move = (to: number) => {
          e.preventDefault();
          const index = Math.min(count - 1, Math.max(0, to));
          // Shift+arrows grow the selection the way Shift-click does.
          if (e.shiftKey) onPick(index, 'extend');
          onSelect(index);
        };
        switch (e.key) {
          case 'ArrowDown':
            return move(selectedIndex + 1);
          case 'ArrowUp':
            return move(selectedIndex < 0 ? 0 : selectedIndex - 1);
          case 'PageDown':
            return move(selectedIndex + pageRows);
          case 'PageUp':
            return move(selectedIndex - pageRows);
          case 'Home':
            return move(0);
          case 'End':
            return move(count - 1);
          case 'Enter':
          case ' ':
            e.preventDefault();
            onOpen(selectedIndex < 0 ? 0 : selectedIndex);
            return;
        }
      }}
    >
      <div role="presentation" className="list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = results.item(row.index);
          return (
            <ArticleRow
              key={row.key}
              index={row.index}
              top={row.start}
              total={count}
              item={item}
              selected={row.index === selectedIndex}
              picked={isPicked ? (item ? isPicked(item.id) : false) : null}
              onPick={onPick}
              drag={drag}
              height={row.size}
              onShowCopies={onShowCopies}
            />
          );
        })}
      </div>
    </div>
  );
});
