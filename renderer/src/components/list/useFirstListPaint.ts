import { useEffect, useRef } from 'react';
import { markAfterPaint } from '../../lib/perf';

/** For uiBench and DevTools: marks when the first rows were on screen, once per page load. */
export function useFirstListPaint(total: number | null): void {
  const firstPaint = useRef(false);
  useEffect(() => {
    if (firstPaint.current || total === null) return;
    firstPaint.current = true;
    markAfterPaint('gleaner:first-list-paint');
  }, [total]);
}
