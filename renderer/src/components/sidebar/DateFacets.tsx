import { useState } from 'react';
import type { FacetCount } from '../../../../shared/types.js';
import { formatCount, formatMonthName } from '../../lib/format';
import { Icon } from '../widgets/Icon';
import { SidebarSection } from './SidebarSection';

interface Props {
  years: FacetCount[];
  months: FacetCount[];
  isActive: (value: string) => boolean;
  /** `2025` or `2025-07`: filters to that period (date:…). */
  onPick: (value: string) => void;
}

/** A count whose accessible text is "12 articles" while it shows "12". */
function Count({ n }: { n: number }) {
  return (
    <span className="count">
      {formatCount(n)}
      <span className="visually-hidden"> {n === 1 ? 'article' : 'articles'}</span>
    </span>
  );
}

/** Years, newest first, each opening to its months: the keyboard-friendly twin of the timeline. */
export function DateFacets({ years, months, isActive, onPick }: Props) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (year: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(year)) next.delete(year);
      else next.add(year);
      return next;
    });
  const newestFirst = [...years].reverse();
  return (
    <SidebarSection headingId="facet-dates" title="Dates">
      {years.length === 0 ? (
        <p className="sidebar-empty">No dated articles here</p>
      ) : (
        <ul className="facet-list">
          {newestFirst.map((year) => {
            const expanded = open.has(year.value) || years.length === 1;
            const yearMonths = months.filter((m) => m.value.startsWith(`${year.value}-`)).reverse();
            return (
              <li key={year.value}>
                <div className="year-row">
                  <button
                    type="button"
                    className="disclosure"
                    aria-expanded={expanded}
                    aria-label={`${expanded ? 'Hide' : 'Show'} months of ${year.value}`}
                    onClick={() => toggle(year.value)}
                  >
                    <Icon name="chevron" size={12} />
                  </button>
                  <button type="button" className="sidebar-item" aria-pressed={isActive(year.value)} onClick={() => onPick(year.value)}>
                    <span className="visually-hidden">Filter by year </span>
                    <span className="sidebar-item-label">{year.value}</span> <Count n={year.count} />
                  </button>
                </div>
                {expanded && (
                  <ul className="facet-list nested">
                    {yearMonths.map((m) => (
                      <li key={m.value}>
                        <button type="button" className="sidebar-item" aria-pressed={isActive(m.value)} onClick={() => onPick(m.value)}>
                          <span className="visually-hidden">Filter by month </span>
                          <span className="sidebar-item-label">{formatMonthName(m.value)}</span>
                          <span className="visually-hidden"> {year.value}</span> <Count n={m.count} />
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </SidebarSection>
  );
}
