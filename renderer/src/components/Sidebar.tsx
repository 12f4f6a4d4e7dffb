import type { Facets } from '../../../shared/types.js';
import { formatCount } from '../lib/format';
import { DateFacets } from './DateFacets';
import { FacetList } from './FacetList';
import { Icon } from './Icon';

interface Props {
  facets: Facets | null;
  facetsFresh: boolean;
  libraryCount: number | null;
  queryEmpty: boolean;
  isActive: (field: 'source' | 'tag' | 'date', value: string) => boolean;
  onFacet: (field: 'source' | 'tag' | 'date', value: string) => void;
  onAllArticles: () => void;
  onOpenFolder: () => void;
  importing: boolean;
  /** Nothing imported yet: no facet sections to show. */
  libraryEmpty: boolean;
}

/**
 * Left pane: the library, then sources, tags and dates counted over the
 * current query. Saved searches, Unread and Starred will join "Library" once
 * the service keeps them.
 */
export function Sidebar({ facets, facetsFresh, libraryCount, queryEmpty, isActive, onFacet, onAllArticles, onOpenFolder, importing, libraryEmpty }: Props) {
  return (
    <nav className="pane sidebar" aria-label="Library">
      <div className="sidebar-top">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            G
          </span>
          Gleaner
        </span>
        <button type="button" className="btn btn-ghost icon-btn" aria-label="Open folder…" title="Import a folder of articles" onClick={onOpenFolder} disabled={importing}>
          <Icon name="folder" />
        </button>
      </div>
      <div className="sidebar-scroll" aria-busy={!facetsFresh}>
        <section className="sidebar-section" aria-labelledby="facet-library">
          <h2 id="facet-library" className="sidebar-heading">
            Library
          </h2>
          <ul className="facet-list">
            <li>
              <button type="button" className="sidebar-item" aria-pressed={queryEmpty} onClick={onAllArticles}>
                <Icon name="library" size={14} />
                <span className="sidebar-item-label">All articles</span>
                {libraryCount !== null && <span className="count">{formatCount(libraryCount)}</span>}
              </button>
            </li>
          </ul>
        </section>
        {facets && !libraryEmpty && (
          <>
            <FacetList title="Sources" noun="source" items={facets.sources} isActive={(v) => isActive('source', v)} onPick={(v) => onFacet('source', v)} />
            <FacetList title="Tags" noun="tag" items={facets.tags} isActive={(v) => isActive('tag', v)} onPick={(v) => onFacet('tag', v)} initial={10} />
            <DateFacets years={facets.years} months={facets.months} isActive={(v) => isActive('date', v)} onPick={(v) => onFacet('date', v)} />
          </>
        )}
      </div>
    </nav>
  );
}
