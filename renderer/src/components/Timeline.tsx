import { useMemo, useRef, useState } from 'react';
import type { FacetCount } from '../../../shared/types.js';
import { formatCount, formatMonth } from '../lib/format';
import { continuousMonths } from '../lib/months';

interface Props {
  months: FacetCount[];
  /** Whether after:/before: filters apply now (offers to clear them). */
  hasDateFilter: boolean;
  /** First and last month, inclusive, as YYYY-MM. */
  onPickRange: (from: string, to: string) => void;
  onClearDates: () => void;
}

/**
 * Articles per month for the current query. Dragging across it (or arrows +
 * Shift and Enter when focused) narrows the query with after:/before:, and
 * the histogram then zooms to that range because the facets follow the query.
 */
export function Timeline({ months, hasDateFilter, onPickRange, onClearDates }: Props) {
  const bars = useMemo(() => continuousMonths(months), [months]);
  const max = useMemo(() => Math.max(1, ...bars.map((b) => b.count)), [bars]);
  const [range, setRange] = useState<{ anchor: number; end: number } | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const dragging = useRef(false);
  const area = useRef<HTMLDivElement>(null);

  if (bars.length === 0) return null;
  const indexAt = (clientX: number): number => {
    const rect = area.current!.getBoundingClientRect();
    return Math.min(bars.length - 1, Math.max(0, Math.floor(((clientX - rect.left) / rect.width) * bars.length)));
  };
  const lo = range ? Math.min(range.anchor, range.end) : -1;
  const hi = range ? Math.max(range.anchor, range.end) : -1;
  const apply = () => {
    if (range) onPickRange(bars[lo]!.value, bars[hi]!.value);
    setRange(null);
  };
  const focus = hover ?? (range ? range.end : null);
  const label =
    range && lo !== hi
      ? `${formatMonth(bars[lo]!.value)} – ${formatMonth(bars[hi]!.value)}: ${formatCount(bars.slice(lo, hi + 1).reduce((s, b) => s + b.count, 0))}`
      : focus !== null && bars[focus]
        ? `${formatMonth(bars[focus].value)}: ${formatCount(bars[focus].count)}`
        : `${formatMonth(bars[0]!.value)} – ${formatMonth(bars[bars.length - 1]!.value)}`;

  return (
    <div className="timeline">
      <div className="timeline-head">
        <span className="timeline-label" aria-live="polite">
          {label}
        </span>
        {hasDateFilter && (
          <button type="button" className="link-btn" onClick={onClearDates}>
            Clear dates
          </button>
        )}
      </div>
      <div
        ref={area}
        className="timeline-bars"
        role="slider"
        tabIndex={0}
        aria-label="Timeline: drag across months to filter by date"
        aria-valuemin={0}
        aria-valuemax={bars.length - 1}
        aria-valuenow={range ? range.end : 0}
        aria-valuetext={label}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          dragging.current = true;
          const i = indexAt(e.clientX);
          setRange({ anchor: i, end: i });
        }}
        onPointerMove={(e) => {
          const i = indexAt(e.clientX);
          setHover(i);
          if (dragging.current) setRange((r) => (r ? { ...r, end: i } : r));
        }}
        onPointerUp={() => {
          if (!dragging.current) return;
          dragging.current = false;
          apply();
        }}
        onPointerLeave={() => setHover(null)}
        onBlur={() => setRange(null)}
        onKeyDown={(e) => {
          const step = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
          if (step) {
            e.preventDefault();
            setRange((r) => {
              const from = r ?? { anchor: bars.length - 1, end: bars.length - 1 };
              const end = Math.min(bars.length - 1, Math.max(0, from.end + (r ? step : 0)));
              return { anchor: e.shiftKey ? from.anchor : end, end };
            });
          } else if (e.key === 'Enter' && range) {
            e.preventDefault();
            apply();
          } else if (e.key === 'Escape' && range) {
            e.preventDefault();
            e.stopPropagation();
            setRange(null);
          }
        }}
      >
        {bars.map((bar, i) => (
          <span
            key={bar.value}
            className={`bar${i >= lo && i <= hi ? ' picked' : ''}${i === hover ? ' hover' : ''}`}
            style={{ height: bar.count ? `${Math.max(6, (bar.count / max) * 100)}%` : '1px' }}
          />
        ))}
      </div>
    </div>
  );
}
