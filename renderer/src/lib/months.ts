import type { FacetCount } from '../../../shared/types.js';

/** `2025-12` → `2026-01`. */
export function nextMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The month facet with the empty months between the first and last filled in,
 * so the histogram's x axis is real time and gaps show as gaps.
 * Capped so a stray date in 1970 cannot make thousands of bars.
 */
export function continuousMonths(months: FacetCount[], maxBars = 600): FacetCount[] {
  if (months.length === 0) return [];
  const counts = new Map(months.map((m) => [m.value, m.count]));
  const out: FacetCount[] = [];
  const last = months[months.length - 1]!.value;
  for (let ym = months[0]!.value; ym <= last && out.length < maxBars; ym = nextMonth(ym)) {
    out.push({ value: ym, count: counts.get(ym) ?? 0 });
  }
  return out;
}
