import { useEffect, useMemo, useRef, useState } from 'react';
import { queryDatePeriod } from '../../../../shared/query/dates.js';
import { formatQuery } from '../../../../shared/query/format.js';
import { parseQuery } from '../../../../shared/query/parse.js';
import type { FacetCount, Facets } from '../../../../shared/types.js';
import { chipsOf, replaceFilters } from '../../lib/chips';
import { client } from '../../transport';

const DATE_FIELDS = ['after', 'before', 'date'] as const;

export interface TimelineData {
  months: FacetCount[] | null;
  /** The dates the query keeps, as ISO days [start, end); null when it has no date filter. */
  range: { start: string; end: string } | null;
}

/**
 * The timeline shows the query *without* its date filters, with the chosen
 * range highlighted: the context stays, so a range can be widened or moved by
 * dragging again. Without date filters this is simply the list's own facets.
 *
 * The wider counts are asked for once the list's own facets have arrived (`facetsFresh`):
 * both use the service's facets lane, where a newer call supersedes an older one, so asking
 * at the same time would cancel the sidebar's. Dragging a new range keeps the query without
 * dates the same, so it is not asked again.
 */
export function useTimelineMonths(active: string, refresh: number, facets: Facets | null, facetsFresh: boolean): TimelineData {
  const { stripped, range } = useMemo(() => {
    const chips = chipsOf(active, parseQuery(active)).filter((c) => c.kind === 'field' && (DATE_FIELDS as readonly string[]).includes(c.field ?? ''));
    if (chips.length === 0) return { stripped: null, range: null };
    let start = '0000-01-01';
    let end = '9999-12-31';
    for (const chip of chips) {
      const period = queryDatePeriod(chip.value);
      if (!period) continue;
      if (chip.field === 'after' || chip.field === 'date') start = period.start > start ? period.start : start;
      if (chip.field === 'before') end = period.start < end ? period.start : end;
      if (chip.field === 'date') end = period.end < end ? period.end : end;
    }
    const without = parseQuery(replaceFilters(active, [...DATE_FIELDS], []));
    return { stripped: without.ok ? formatQuery(without.node) : null, range: { start, end } };
  }, [active]);

  const [context, setContext] = useState<{ key: string; months: FacetCount[] } | null>(null);
  const key = `${refresh}\u0000${stripped}`;
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (stripped === null || !facetsFresh || asked.current === key) return;
    asked.current = key;
    client.articles.facets({ query: stripped }).then(
      (wider) => asked.current === key && setContext({ key, months: wider.months }),
      () => {
        if (asked.current === key) asked.current = null; // superseded: asked again after the next facets
      },
    );
  }, [stripped, key, facetsFresh]);

  if (stripped === null) return { months: facets?.months ?? null, range: null };
  // Until the wider counts arrive, the previous ones (or the narrowed ones) stand in.
  return { months: context?.months ?? facets?.months ?? null, range };
}

/** Whether the month `ym` overlaps the ISO-day range [start, end). */
export function monthInRange(ym: string, range: { start: string; end: string }): boolean {
  const monthStart = `${ym}-01`;
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return monthStart < range.end && next > range.start;
}
