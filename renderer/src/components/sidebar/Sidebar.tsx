import { useState } from 'react';
import type { ChangeResult, CollectionInfo, ExportSource, Facets, FolderInfo, SavedSearchInfo, SidebarCounts, SortOrder, TagInfo } from '../../../../shared/types.js';
import { client } from '../../transport';
import { CollectionsSection } from '../collections/CollectionsSection';
import { formatCount, languageName } from '../../lib/format';
import { DateFacets } from './DateFacets';
import { FacetList } from './FacetList';
import { FolderSourceMenu } from './FolderSourceMenu';
import { Icon } from '../widgets/Icon';
import { NameForm } from '../widgets/NameForm';
import { SidebarEntry } from './SidebarEntry';
import { TagTree, type TagQuery } from '../tags/TagTree';

interface Props {
  facets: Facets | null;
  facetsFresh: boolean;
  libraryCount: number | null;
  queryEmpty: boolean;
  isActive: (field: FacetField, value: string) => boolean;
  onFacet: (field: FacetField, value: string) => void;
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
  /** The list's sort, saved with a search. */
  sort: SortOrder;
  collections: CollectionInfo[];
  tags: TagInfo[];
  /** The collection on screen, if any. */
  currentCollection: number | null;
  onCollection: (collection: CollectionInfo) => void;
  /** Runs a curation change (toast, undo); resolves to an error message or null. */
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** The query as typed, for the tag tree's all/any/none filters. */
  tagQuery: TagQuery;
  /** Opens the export dialog for a saved search or collection. */
  onExport: (source: ExportSource) => void;
  /** Imported folders: a source that comes from folders can be renamed from its entry. */
  folders: FolderInfo[];
  /** The Highlights view is on screen (its entry shows pressed). */
  highlightsOpen: boolean;
  /** Opens the Highlights view across the library, or closes it. */
  onHighlights: () => void;
  /** Whether any article in the library names an author or a language: without any, those lists are left out. */
  libraryHas: { authors: boolean; languages: boolean };
}

/** The query fields the sidebar's lists filter by. */
export type FacetField = 'source' | 'author' | 'lang' | 'tag' | 'date';

/** The folders whose label is this source (the same spelling, whatever the case), for the Sources entry's menu. */
function foldersLabelled(folders: FolderInfo[], source: string): FolderInfo[] {
  const key = source.toLowerCase();
  return folders.filter((f) => f.sourceLabel?.toLowerCase() === key);
}

/**
 * Left pane: the library (all, unread, starred), saved searches, then sources,
 * authors, tags, languages and dates counted over the current query.
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
            <li>
              <button type="button" className="sidebar-item" aria-pressed={props.highlightsOpen} title="Every highlight, of the articles that match the search" onClick={props.onHighlights}>
                <Icon name="highlight" size={14} />
                <span className="sidebar-item-label">Highlights</span>
              </button>
            </li>
          </ul>
        </section>
        {!libraryEmpty && <SavedSearches {...props} />}
        {!libraryEmpty && <CollectionsSection collections={props.collections} current={props.currentCollection} onOpen={props.onCollection} change={props.change} onExport={props.onExport} />}
        {facets && !libraryEmpty && (
          <>
            <FacetList
              title="Sources"
              noun="source"
              items={facets.sources}
              isActive={(v) => isActive('source', v)}
              onPick={(v) => onFacet('source', v)}
              menu={(v) => {
                const folders = foldersLabelled(props.folders, v);
                return folders.length > 0 ? <FolderSourceMenu source={v} folders={folders} /> : null;
              }}
            />
            {props.libraryHas.authors && (
              <FacetList title="Authors" noun="author" items={facets.authors} isActive={(v) => isActive('author', v)} onPick={(v) => onFacet('author', v)} />
            )}
            <TagTree facets={facets} facetsFresh={facetsFresh} activeQuery={activeQuery} query={props.tagQuery} change={props.change} tags={props.tags} />
            {props.libraryHas.languages && (
              <FacetList title="Languages" noun="language" items={facets.languages} isActive={(v) => isActive('lang', v)} onPick={(v) => onFacet('lang', v)} label={languageName} initial={6} />
            )}
            <DateFacets years={facets.years} months={facets.months} isActive={(v) => isActive('date', v)} onPick={(v) => onFacet('date', v)} />
          </>
        )}
      </div>
    </nav>
  );
}

function SavedSearches({ saved, activeQuery, sort, onSaved, onSaveSearch, change, onExport }: Props) {
  const [naming, setNaming] = useState(false);
  const canSave = activeQuery.trim() !== '';
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
            <SidebarEntry
              key={s.id}
              icon="bookmark"
              label={s.name}
              count={s.count}
              pressed={activeQuery === s.query}
              title={s.error ?? s.query}
              onOpen={() => onSaved(s)}
              rename={(name) => change(() => client.saved.update({ id: s.id, name }))}
              actions={[
                ...(canSave && activeQuery !== s.query
                  ? [{ label: 'Replace with the current search', run: () => void change(() => client.saved.update({ id: s.id, query: activeQuery, sort })) }]
                  : []),
                { label: 'Export…', run: () => onExport({ savedSearchId: s.id }) },
                { label: 'Delete saved search', run: () => void change(() => client.saved.delete({ id: s.id })) },
              ]}
            />
          ))}
        </ul>
      )}
      {naming ? (
        <NameForm
          className="save-search"
          label="Name of the saved search"
          placeholder="Name"
          submitLabel="Save"
          onCancel={() => setNaming(false)}
          onSubmit={async (name) => {
            const message = await onSaveSearch(name);
            if (!message) setNaming(false);
            return message;
          }}
        />
      ) : (
        <button type="button" className="sidebar-more" disabled={!canSave} title={canSave ? `Save "${activeQuery}"` : 'Search first, then save it'} onClick={() => setNaming(true)}>
          Save search
        </button>
      )}
    </section>
  );
}
