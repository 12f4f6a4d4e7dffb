import { useMemo, useRef, useState } from 'react';
import type { FacetCount } from '../../../../shared/types.js';
import { formatCount, formatMonth } from '../../lib/format';
import { continuousMonths } from '../../lib/months';
import { monthInRange } from './useTimelineMonths';

interface Props {
  /** Null while the first counts are on their way: the strip keeps its height so the list does not jump. */
  months: FacetCount[] | null;
  /** The dates the query keeps now, highlighted; null without date filters. */
  range: { start: string; end: string } | null;
  /** First and last month, inclusive, as YYYY-MM. */
  onPickRange: (from: string, to: string) => void;
  onClearDates: () => void;
}

/** "May 2025 – Jul 2025: 7", for the months a date filter keeps. */
function keptLabel(bars: FacetCount[], kept: { start: string; end: string } | null): string | null {
  if (!kept) return null;
  const inside = bars.filter((b) => monthInRange(b.value, kept));
  if (inside.length === 0) return 'No articles in the chosen dates';
  const total = formatCount(inside.reduce((s, b) => s + b.count, 0));
  const first = formatMonth(inside[0]!.value);
  const last = formatMonth(inside[inside.length - 1]!.value);
  return `${first === last ? first : `${first} – ${last}`}: ${total}`;
}

/**
 * Articles per month for the current query (without its date filters, so the
 * whole span stays in view). Dragging across it, or arrows + Shift and Enter
 * when focused, sets after:/before:; the chosen months stay highlighted.
 */
export function Timeline({ months, range: kept, onPickRange, onClearDates }: Props) {
  const bars = useMemo(() => continuousMonths(months ?? []), [months]);
  const max = useMemo(() => Math.max(1, ...bars.map((b) => b.count)), [bars]);
  const [range, setRange] = useState<{ anchor: number; end: number } | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const dragging = useRef(false);
  const area = useRef<HTMLDivElement>(null);

  if (bars.length === 0) {
    return (
      <div className="timeline">
        <div className="timeline-head">
          <span className="timeline-label">{months === null ? 'Counting…' : 'No dated articles in these results'}</span>
        </div>
        <div className="timeline-bars empty" aria-hidden="true" />
      </div>
    );
  }
  // Bars have a maximum width and sit centred, so measure the bars, not the strip.
  const indexAt = (clientX: number): number => {
    const strip = area.current!;
    const first = (strip.firstElementChild ?? strip).getBoundingClientRect();
    const last = (strip.lastElementChild ?? strip).getBoundingClientRect();
    const width = Math.max(1, last.right - first.left);
    return Math.min(bars.length - 1, Math.max(0, Math.floor(((clientX - first.left) / width) * bars.length)));
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
        : (keptLabel(bars, kept) ?? `${formatMonth(bars[0]!.value)} – ${formatMonth(bars[bars.length - 1]!.value)}`);

  return (
    <div className="timeline">
      <div className="timeline-head">
        <span className="timeline-label" aria-live="polite">
          {label}
        </span>
        {kept && (
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
            className={`bar${i >= lo && i <= hi ? ' picked' : ''}${i === hover ? ' hover' : ''}${kept && !range ? (monthInRange(bar.value, kept) ? ' kept' : ' outside') : ''}`}
            style={{ height: bar.count ? `${Math.max(6, (bar.count / max) * 100)}%` : '1px' }}
          />
        ))}
      </div>
    </div>
  );
}
