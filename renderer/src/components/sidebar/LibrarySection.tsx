import type { SidebarCounts } from '../../../../shared/types.js';
import { formatCount } from '../../lib/format';
import { Icon } from '../widgets/Icon';
import { SidebarSection } from './SidebarSection';

interface Props {
  libraryCount: number | null;
  queryEmpty: boolean;
  counts: SidebarCounts | null;
  /** The query the list shows, to mark Unread or Starred as current. */
  activeQuery: string;
  onAllArticles: () => void;
  /** Unread and Starred: set the query (or clear it when it is already theirs). */
  onQuery: (query: string) => void;
  /** The Highlights view is on screen (its entry shows pressed). */
  highlightsOpen: boolean;
  /** Opens the Highlights view across the library, or closes it. */
  onHighlights: () => void;
}

/** The library as a whole: all articles, unread, starred, and every highlight. */
export function LibrarySection({ libraryCount, queryEmpty, counts, activeQuery, onAllArticles, onQuery, highlightsOpen, onHighlights }: Props) {
  return (
    <SidebarSection headingId="facet-library" title="Library">
      <ul className="facet-list">
        <li>
          <button type="button" className="sidebar-item" aria-pressed={queryEmpty} onClick={onAllArticles}>
            <Icon name="library" size={14} />
            <span className="sidebar-item-label">All articles</span>
            {libraryCount !== null && <span className="count">{formatCount(libraryCount)}</span>}
          </button>
        </li>
        <li>
          <button type="button" className="sidebar-item" aria-pressed={activeQuery === 'is:unread'} onClick={() => onQuery('is:unread')}>
            <Icon name="dot" size={14} />
            <span className="sidebar-item-label">Unread</span>
            {counts && <span className="count">{formatCount(counts.unread)}</span>}
          </button>
        </li>
        <li>
          <button type="button" className="sidebar-item" aria-pressed={activeQuery === 'is:starred'} onClick={() => onQuery('is:starred')}>
            <Icon name="star" size={14} />
            <span className="sidebar-item-label">Starred</span>
            {counts && <span className="count">{formatCount(counts.starred)}</span>}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="sidebar-item"
            aria-pressed={highlightsOpen}
            title="Every highlight, of the articles that match the search"
            onClick={onHighlights}
          >
            <Icon name="highlight" size={14} />
            <span className="sidebar-item-label">Highlights</span>
          </button>
        </li>
      </ul>
    </SidebarSection>
  );
}
