import { useId, useState } from 'react';
import type { Facets, SavedSearchInfo, SidebarCounts } from '../../../shared/types.js';
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
  counts: SidebarCounts | null;
  saved: SavedSearchInfo[];
  /** The query the list shows, to mark Unread, Starred or a saved search as current. */
  activeQuery: string;
  /** Unread and Starred: set the query (or clear it when it is already theirs). */
  onQuery: (query: string) => void;
  onSaved: (saved: SavedSearchInfo) => void;
  /** Saves the current query under a name; resolves to an error message or null. */
  onSaveSearch: (name: string) => Promise<string | null>;
}

/**
 * Left pane: the library (all, unread, starred), saved searches, then sources,
 * tags and dates counted over the current query.
 */
export function Sidebar(props: Props) {
  const { facets, facetsFresh, libraryCount, queryEmpty, isActive, onFacet, onAllArticles, onOpenFolder, importing, libraryEmpty, counts, activeQuery, onQuery } = props;
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
          </ul>
        </section>
        {!libraryEmpty && <SavedSearches {...props} />}
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

function SavedSearches({ saved, activeQuery, onSaved, onSaveSearch }: Props) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const canSave = activeQuery.trim() !== '';
  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const message = await onSaveSearch(trimmed);
    setError(message);
    if (!message) {
      setName('');
      setNaming(false);
    }
  };
  return (
    <section className="sidebar-section" aria-labelledby="facet-saved">
      <h2 id="facet-saved" className="sidebar-heading">
        Saved searches
      </h2>
      {saved.length === 0 ? (
        <p className="sidebar-empty">Search, then save it here</p>
      ) : (
        <ul className="facet-list">
          {saved.map((s) => (
            <li key={s.id}>
              <button type="button" className="sidebar-item" aria-pressed={activeQuery === s.query} title={s.error ?? s.query} onClick={() => onSaved(s)}>
                <Icon name="bookmark" size={14} />
                <span className="sidebar-item-label">{s.name}</span>{' '}
                <span className="count">{s.count === null ? '—' : formatCount(s.count)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {naming ? (
        <form
          className="save-search"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <input
            className="field field-small"
            aria-label="Name of the saved search"
            placeholder="Name"
            autoFocus
            value={name}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setNaming(false);
              }
            }}
          />
          <button type="submit" className="btn btn-small">
            Save
          </button>
          {error && (
            <p id={errorId} className="error-text small">
              {error}
            </p>
          )}
        </form>
      ) : (
        <button type="button" className="sidebar-more" disabled={!canSave} title={canSave ? `Save "${activeQuery}"` : 'Search first, then save it'} onClick={() => setNaming(true)}>
          Save search
        </button>
      )}
    </section>
  );
}
