import type {
  ChangeResult,
  CollectionInfo,
  ExportSource,
  Facets,
  FolderInfo,
  SavedSearchInfo,
  SidebarCounts,
  SortOrder,
  TagInfo,
} from '../../../../shared/types.js';
import { CollectionsSection } from '../collections/CollectionsSection';
import { languageName } from '../../lib/format';
import { DateFacets } from './DateFacets';
import { FacetList } from './FacetList';
import { Icon } from '../widgets/Icon';
import { LibrarySection } from './LibrarySection';
import { SavedSearchesSection } from './SavedSearchesSection';
import { SourcesSection } from './SourcesSection';
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

/**
 * Left pane: the library (all, unread, starred), saved searches, collections, then
 * sources, authors, tags, languages and dates counted over the current query; each
 * section is a component of its own, and this one only puts them in order.
 */
export function Sidebar(props: Props) {
  const {
    facets,
    facetsFresh,
    libraryCount,
    queryEmpty,
    isActive,
    onFacet,
    onAllArticles,
    onOpenFolder,
    importing,
    libraryEmpty,
    counts,
    activeQuery,
    onQuery,
  } = props;
  return (
    <nav className="pane sidebar" aria-label="Library">
      <div className="sidebar-top">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            G
          </span>
          Gleaner
        </span>
        <button
          type="button"
          className="btn btn-ghost icon-btn"
          aria-label="Open folder…"
          title="Import a folder of articles"
          onClick={onOpenFolder}
          disabled={importing}
        >
          <Icon name="folder" />
        </button>
      </div>
      <div className="sidebar-scroll" aria-busy={!facetsFresh}>
        <LibrarySection
          libraryCount={libraryCount}
          queryEmpty={queryEmpty}
          counts={counts}
          activeQuery={activeQuery}
          onAllArticles={onAllArticles}
          onQuery={onQuery}
          highlightsOpen={props.highlightsOpen}
          onHighlights={props.onHighlights}
        />
        {!libraryEmpty && (
          <SavedSearchesSection
            saved={props.saved}
            activeQuery={activeQuery}
            sort={props.sort}
            onSaved={props.onSaved}
            onSaveSearch={props.onSaveSearch}
            change={props.change}
            onExport={props.onExport}
          />
        )}
        {!libraryEmpty && (
          <CollectionsSection
            collections={props.collections}
            current={props.currentCollection}
            onOpen={props.onCollection}
            change={props.change}
            onExport={props.onExport}
          />
        )}
        {facets && !libraryEmpty && (
          <>
            <SourcesSection
              sources={facets.sources}
              isActive={(v) => isActive('source', v)}
              onPick={(v) => onFacet('source', v)}
              folders={props.folders}
            />
            {props.libraryHas.authors && (
              <FacetList
                title="Authors"
                noun="author"
                items={facets.authors}
                isActive={(v) => isActive('author', v)}
                onPick={(v) => onFacet('author', v)}
              />
            )}
            <TagTree
              facets={facets}
              facetsFresh={facetsFresh}
              activeQuery={activeQuery}
              query={props.tagQuery}
              change={props.change}
              tags={props.tags}
            />
            {props.libraryHas.languages && (
              <FacetList
                title="Languages"
                noun="language"
                items={facets.languages}
                isActive={(v) => isActive('lang', v)}
                onPick={(v) => onFacet('lang', v)}
                label={languageName}
                initial={6}
              />
            )}
            <DateFacets years={facets.years} months={facets.months} isActive={(v) => isActive('date', v)} onPick={(v) => onFacet('date', v)} />
          </>
        )}
      </div>
    </nav>
  );
}
