/**
 * Data that crosses the boundary between the library service and its callers
 * (renderer, CLI, tests). Plain JSON: no Dates, no BigInts, no class instances.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Sort orders a person can pick. `relevance` needs free text in the query. */
/**
 * `relevance` needs words in the query and `collection` a top-level `collection:` filter;
 * without them the list falls back to newest first.
 */
export const SORT_ORDERS = ['date-desc', 'date-asc', 'title', 'source', 'relevance', 'collection'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** One row of the article list. */
export interface ArticleListItem {
  id: number;
  title: string;
  source: string | null;
  /** The article's authors in the file's order (names only); empty when none are named. */
  authors: string[];
  /** BCP 47 language code (`de`, `zh`, `pt-br`), lowercase, from the front matter or the file name; null when unknown. */
  lang: string | null;
  /** ISO 8601 UTC, or null when the file has no usable date. */
  date: string | null;
  /** The summary (or description) as plain text; never HTML. */
  summary: string | null;
  /** When there is no summary: the first words of the body as plain text (about 200 characters); else null. */
  excerpt: string | null;
  draft: boolean;
  hasEnclosure: boolean;
  missing: boolean;
  /** Opened or marked read. */
  read: boolean;
  starred: boolean;
  /** Tag names, sorted; the file's and the person's alike. */
  tags: string[];
  /**
   * For text searches: a short excerpt of the body with matches between
   * MARK_START and MARK_END. Plain text otherwise: render as text, never as HTML.
   */
  snippet: string | null;
  /** The id of the first article of this article's story (its own id when it has no copies). */
  storyId: number;
  /** How many other articles are in its story (0 when none). */
  storyCopies: number;
}

/** Control characters that bracket matched words inside snippets (not HTML, so no injection). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export interface FacetCount {
  value: string;
  count: number;
}

export interface Facets {
  sources: FacetCount[];
  years: FacetCount[];
  /** `YYYY-MM` buckets, ascending: the timeline's histogram. */
  months: FacetCount[];
  tags: FacetCount[];
  /** Author names with counts, largest first. */
  authors: FacetCount[];
  /** Language codes with counts, largest first (the renderer shows language names). */
  languages: FacetCount[];
}

export interface SearchPage {
  /** How many articles match the whole query (not just this page). */
  total: number;
  offset: number;
  items: ArticleListItem[];
  facets?: Facets;
  /** Milliseconds the service spent, for the status bar and benchmarks. */
  tookMs: number;
}

/** Everything about one article, for the reading pane and `gleaner show`. */
export interface ArticleDetail extends ArticleListItem {
  folder: string;
  relPath: string;
  format: 'toml' | 'yaml' | 'json' | 'none';
  bodyFormat: 'html' | 'markdown' | 'text';
  description: string | null;
  sourceLink: string | null;
  url: string | null;
  enclosure: string | null;
  /** Estimated reading time in minutes (words / 230, rounded up; 0 for an empty body). */
  readingMinutes: number;
  /**
   * Where `source` came from: the file's `source`, another site/publisher field, the host of
   * its url, the site config's title, the folder's name, or the person's label for the folder.
   */
  sourceOrigin: 'file' | 'site-field' | 'url' | 'site-config' | 'folder' | 'label' | null;
  /** Decimal strings: ids above 2^53 keep every digit. */
  articleId: string | null;
  feedItemId: string | null;
  dateSource: 'front-matter' | 'path' | null;
  /** Every other front-matter key, as written (typed JSON). */
  extra: Record<string, JsonValue>;
  /** Problems noticed at import, in words a person understands. */
  warnings: string[];
  /** The person's private note. */
  note: string | null;
  /** Tags with where they came from: the file's front matter, or the person. */
  tagOrigins: { name: string; origin: 'file' | 'user' }[];
  /** Names of the manual collections that hold this article. */
  collections: string[];
  /** Sources whose remote images the person allowed always. */
  remoteImagesAllowedForSource: boolean;
  importedAt: string;
  updatedAt: string;
}

export type ImportFileStatus = 'added' | 'updated' | 'restored' | 'missing' | 'failed' | 'skipped';

export interface ImportFileEntry {
  /** Path relative to the imported folder, with `/` separators. */
  path: string;
  folder: string;
  status: ImportFileStatus;
  /** For failed and skipped files: why, in words a person understands. */
  reason?: string;
  warnings?: string[];
}

export interface DuplicateGroup {
  /** What the files share. */
  by: 'article_id' | 'url' | 'content';
  value: string;
  paths: string[];
}

export interface ImportReport {
  folders: string[];
  added: number;
  updated: number;
  /** Files that were missing before and are back. */
  restored: number;
  unchanged: number;
  /** Files imported before that are gone now (kept in the library, marked missing). */
  missing: number;
  failed: number;
  skipped: number;
  /** Articles imported with at least one warning. */
  warnings: number;
  cancelled: boolean;
  durationMs: number;
  /**
   * The files a person may need to act on, with status and reason: every failed, skipped,
   * missing, restored and updated file, and added files only when they carry warnings.
   * Added files without warnings and unchanged files are in the counts alone, so a report
   * of a 100,000-file import stays small enough to send over IPC and HTTP.
   */
  files: ImportFileEntry[];
  /** Likely duplicates across paths; never merged silently. */
  duplicates: DuplicateGroup[];
}

export interface ImportProgress {
  phase: 'scanning' | 'importing' | 'finishing' | 'done';
  filesDone: number;
  /** Known once scanning ends; until then the count found so far. */
  filesTotal: number;
  currentFile: string | null;
}

export interface FolderInfo {
  id: number;
  path: string;
  /** The source given to this folder's articles that name none of their own. */
  sourceLabel: string | null;
  /** True when the person set `sourceLabel` (it then survives re-imports). */
  sourceLabelCustom: boolean;
  articleCount: number;
  missingCount: number;
  lastImportAt: string | null;
  watched: boolean;
  /** Offline: the folder is not there now (an unplugged drive); its articles stay. */
  status: 'online' | 'offline';
}

export interface LibraryStats {
  articles: number;
  missing: number;
  sources: number;
  authors: number;
  languages: number;
  folders: number;
  oldest: string | null;
  newest: string | null;
  dbBytes: number;
  schemaVersion: number;
}

/** Which articles a bulk action applies to: picked ids, or every article a query matches. */
export type Target = { ids: number[] } | { query: string };

export interface TagInfo {
  id: number;
  name: string;
  color: string | null;
  /** Articles carrying the tag (present ones). */
  count: number;
}

export interface SavedSearchInfo {
  id: number;
  name: string;
  query: string;
  sort: SortOrder;
  /** Live count of matching articles (null when the query no longer parses). */
  count: number | null;
  /** Why the query no longer runs, if it does not. */
  error: string | null;
}

export interface CollectionInfo {
  id: number;
  name: string;
  count: number;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** What Undo would undo, e.g. `Add tag "ai" to 12 articles`. */
  undoLabel: string | null;
  redoLabel: string | null;
}

/** What a curation change did: how many articles it touched, and the undo state after it. */
export interface ChangeResult {
  changed: number;
  label: string;
  history: HistoryState;
}

/** Counts for the sidebar's fixed entries. */
export interface SidebarCounts {
  all: number;
  unread: number;
  starred: number;
  missing: number;
}

/** Every way Gleaner can write articles out (see electron/library/export/). */
export const EXPORT_FORMATS = [
  'folder',
  'json',
  'ndjson',
  'csv',
  'html',
  'epub',
  'md',
  'annotations',
  'obsidian',
  'csl-json',
  'bibtex',
  'ris',
  'bookmarks',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Everything the app knows about an export format, declared once in the format's own module
 * (electron/library/export/formats/): the export dialog (over `exports.formats`), the CLI
 * help, browser mode's downloads and the exporter all read it, so no list of formats with
 * some trait is written anywhere else.
 */
export type FormatDescriptor<F extends ExportFormat = ExportFormat> = FormatTraits<F> &
  (
    | {
        writes: 'file';
        /** File extension, with its dot. */
        extension: `.${string}`;
      }
    | {
        /** A folder of files (never downloaded in browser mode: it takes a typed path). */
        writes: 'folder';
        extension: '';
      }
  );

interface FormatTraits<F extends ExportFormat> {
  format: F;
  label: string;
  /** One line on what the format is for (the export dialog shows it under the label). */
  purpose: string;
  /** The media type browser mode's downloads send (one-file formats; folders are never downloaded). */
  contentType: string;
  /** The output shows the export's title (a digest's heading, a book's or a bookmark file's title), so the dialog asks for one. */
  titled: boolean;
  /** Writes sanitized bodies, and so can embed images (from the local cache, or downloaded when the person allows it). */
  embedsImages: boolean;
  /** Gleaner's importer reads its files as articles: written inside an imported folder, a re-import would add them. */
  importable: boolean;
}

export interface ExportReport {
  format: ExportFormat;
  /** The file or folder written. */
  out: string;
  articles: number;
  files: number;
  bytes: number;
  warnings: string[];
}

/** How and where to export, whatever the articles: shared by the API, the CLI and the exporter. */
export interface ExportSettings {
  format: ExportFormat;
  /** Target file (or folder, for `folder`). Its parent folder must exist. */
  out: string;
  /** Replace an existing file, or a folder written by an earlier folder export. */
  overwrite?: boolean;
  /**
   * HTML digest, Markdown digest and EPUB: embed remote images that the library's image cache
   * holds (never touches the network); the others stay links. Other formats keep bodies as written.
   */
  embedLocalImages?: boolean;
  /**
   * The person allows downloading, during this export, the images the cache lacks (kept in the
   * cache afterwards). Implies `embedLocalImages`. Without it an export makes no request.
   */
  fetchRemoteImages?: boolean;
  /** Title of a digest or e-book; defaults to "Gleaner export". */
  title?: string;
}

/** What to export: picked ids, a query's results, a tag, a saved search, a collection (in its order), or everything. */
export type ExportSource =
  { ids: number[] } | { query: string; sort?: SortOrder } | { tag: string } | { savedSearchId: number } | { collectionId: number } | { all: true };
