import { useState, type ReactNode } from 'react';
import type { FacetCount } from '../../../../shared/types.js';
import { formatCount, plural } from '../../lib/format';
import { SidebarSection } from './SidebarSection';

interface Props {
  title: string;
  /** `source`, `tag`: used in accessible names ("Filter by source …"). */
  noun: string;
  items: FacetCount[];
  isActive: (value: string) => boolean;
  onPick: (value: string) => void;
  /** Shown while collapsed; the rest behind "Show all". */
  initial?: number;
  label?: (value: string) => string;
  /** A menu beside an entry (shown on hover and focus, over its count), or null for none. */
  menu?: (value: string) => ReactNode;
}

/** One sidebar section of facet counts for the current query; a click adds (or removes) that filter. */
export function FacetList({ title, noun, items, isActive, onPick, initial = 8, label = (v) => v, menu }: Props) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? items : items.slice(0, initial);
  const headingId = `facet-${noun}`;
  return (
    <SidebarSection headingId={headingId} title={title}>
      {items.length === 0 ? (
        <p className="sidebar-empty">None in these results</p>
      ) : (
        <ul className="facet-list">
          {shown.map((item) => {
            const active = isActive(item.value);
            const entryMenu = menu?.(item.value) ?? null;
            return (
              <li key={item.value} className={entryMenu ? 'sidebar-entry' : undefined}>
                {/* The name comes from the content (label in name, WCAG 2.5.3); the hidden words make it a sentence. */}
                <button
                  type="button"
                  className="sidebar-item"
                  aria-pressed={active}
                  title={`${label(item.value)} (${plural(item.count, 'article')})`}
                  onClick={() => onPick(item.value)}
                >
                  <span className="visually-hidden">Filter by {noun} </span>
                  <span className="sidebar-item-label">{label(item.value)}</span>{' '}
                  <span className="count">
                    {formatCount(item.count)}
                    <span className="visually-hidden"> {item.count === 1 ? 'article' : 'articles'}</span>
                  </span>
                </button>
                {entryMenu}
              </li>
            );
          })}
        </ul>
      )}
      {items.length > initial && (
        <button type="button" className="sidebar-more" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? 'Show fewer' : `Show all ${formatCount(items.length)}`}
        </button>
      )}
    </SidebarSection>
  );
}
