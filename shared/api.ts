/**
 * The typed contract between the renderer and the library service.
 *
 * Every method takes one plain-object argument (validated by shared/schemas.ts at the
 * transport before any handler runs) and resolves to plain JSON. Channel names
 * (`articles:search`) are listed once in shared/channels.ts for the preload and the
 * renderer; the schema table is keyed the same way. Both are checked against these
 * interfaces at compile time, and against each other by tests/shared/channels.test.ts.
 */
import type {
  ArticleDetail,
  ExportSettings,
  ExportReport,
  ExportSource,
  Facets,
  FormatDescriptor,
  ChangeResult,
  CollectionInfo,
  HistoryState,
  SavedSearchInfo,
  SidebarCounts,
  TagInfo,
  Target,
  FolderInfo,
  ImportProgress,
  ImportReport,
  LibraryStats,
  SearchPage,
  SortOrder,
} from './types.js';
import type { HighlightsApi } from './highlights.js';
import type { StoriesApi } from './stories.js';

export interface SearchArgs {
  /** The search as typed, e.g. `tag:ai source:"IBN" after:2025-07 "public sector"`. */
  query: string;
  sort?: SortOrder;
  offset?: number;
  /** Rows per page, 1-500. */
  limit?: number;
  /** Also count sources, tags, years and months over every match. */
  facets?: boolean;
  /** One row per story: of each story's matching articles only the first is listed; counts and facets follow. */
  onePerStory?: boolean;
  /**
   * A newer request in the same lane supersedes this one: it is dropped, or ended if already
   * running, and fails with `cancelled` (the list's first page and the facets each have one).
   */
  lane?: SearchLane;
}

export const SEARCH_LANES = ['list', 'facets'] as const;
export type SearchLane = (typeof SEARCH_LANES)[number];

/** What the reading pane shows: the body sanitized for display, and what was held back. */
export interface ArticlePreview {
  id: number;
  /** Sanitized HTML, for a sandboxed frame only. */
  html: string;
  /** Remote images, media and frames that were replaced by placeholders. */
  blockedRemote: { kind: string; url: string }[];
  remoteImagesAllowed: boolean;
}

export interface ArticlesApi {
  /** One page of articles matching a query, with the total and optional facet counts. */
  search(args: SearchArgs): Promise<SearchPage>;
  /** How many articles match, without a page or facets. */
  count(args: { query: string; onePerStory?: boolean }): Promise<{ total: number }>;
  /** Facet counts over every match (the facets lane: a newer call supersedes it). */
  facets(args: { query: string; onePerStory?: boolean }): Promise<Facets>;
  /** Counts for several queries at once (parent tags, suggestions, export sources). */
  counts(args: { queries: string[] }): Promise<number[]>;
  /** Every field of one article. Fails with `not-found` for an unknown id. */
  get(args: { id: number }): Promise<ArticleDetail>;
  /**
   * The article's body, sanitized for the reading pane. Remote images load only when
   * `allowRemoteImages` is true (this once) or the person allowed them for the source.
   */
  preview(args: { id: number; allowRemoteImages?: boolean }): Promise<ArticlePreview>;
  /** Always (or no longer) load remote images for every article from this source. */
  setRemoteImagesForSource(args: { source: string; allowed: boolean }): Promise<{ source: string; allowed: boolean }>;
  /** Marks read or unread (undoable). */
  setRead(args: { target: Target; read: boolean }): Promise<ChangeResult>;
  /** Stars or unstars (undoable). */
  setStarred(args: { target: Target; starred: boolean }): Promise<ChangeResult>;
  /** Opening an article marks it read after a moment; not an undo step. */
  markOpened(args: { id: number }): Promise<{ changed: boolean }>;
  /** Sets (or, when empty, deletes) the person's private note (undoable). */
  setNote(args: { id: number; note: string }): Promise<ChangeResult>;
}

export interface TagsApi {
  /** Every tag with its article count, by name. */
  list(args: Record<string, never>): Promise<TagInfo[]>;
  /** Adds a tag (created on the fly) to the target articles (undoable). */
  add(args: { name: string; target: Target }): Promise<ChangeResult>;
  /** Removes a tag from the target articles (undoable). */
  remove(args: { name: string; target: Target }): Promise<ChangeResult>;
  /** Renames a tag and its children (`policy` → `gov` renames `policy/uk` too). */
  rename(args: { from: string; to: string }): Promise<ChangeResult>;
  /** Moves every article of `from` to `into`, then deletes `from`. */
  merge(args: { from: string; into: string }): Promise<ChangeResult>;
  /** Sets a tag's colour (`#rrggbb`), or clears it with null. */
  recolor(args: { name: string; color: string | null }): Promise<ChangeResult>;
  /** Deletes a tag from every article (undoable). */
  delete(args: { name: string }): Promise<ChangeResult>;
}

export interface CollectionsApi {
  list(args: Record<string, never>): Promise<CollectionInfo[]>;
  /** The collection's article ids in the person's order. */
  articleIds(args: { id: number }): Promise<number[]>;
  create(args: { name: string }): Promise<ChangeResult & { id: number }>;
  rename(args: { id: number; name: string }): Promise<ChangeResult>;
  delete(args: { id: number }): Promise<ChangeResult>;
  /** Appends articles (ids in the given order; a query's matches newest first). */
  add(args: { id: number; target: Target }): Promise<ChangeResult>;
  /** Takes articles out of the collection: the given ids, or every match of a query (no cap). */
  remove(args: { id: number; target: Target }): Promise<ChangeResult>;
  /** Moves articles to just before `beforeId`, or to the end when null. */
  move(args: { id: number; articleIds: number[]; beforeId: number | null }): Promise<ChangeResult>;
}

export interface SavedSearchesApi {
  /** Every saved search with its live count. */
  list(args: Record<string, never>): Promise<SavedSearchInfo[]>;
  create(args: { name: string; query: string; sort?: SortOrder }): Promise<ChangeResult & { id: number }>;
  update(args: { id: number; name?: string; query?: string; sort?: SortOrder }): Promise<ChangeResult>;
  delete(args: { id: number }): Promise<ChangeResult>;
}

export interface HistoryApi {
  /** Undoes the last curation change. */
  undo(args: Record<string, never>): Promise<{ undone: string | null; history: HistoryState }>;
  /** Redoes the last undone change. */
  redo(args: Record<string, never>): Promise<{ redone: string | null; history: HistoryState }>;
  state(args: Record<string, never>): Promise<HistoryState>;
}

export type ImportJobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface ImportJob {
  jobId: string;
  state: ImportJobState;
  progress: ImportProgress;
  /** Present once the job has ended (done or cancelled). */
  report: ImportReport | null;
  /** Present when the job failed as a whole (e.g. the folder vanished). */
  error: string | null;
}

export interface ImportsApi {
  /** Starts importing folders in the background; progress arrives as `import-progress` events. */
  start(args: { folders: string[]; maxFileBytes?: number }): Promise<{ jobId: string }>;
  /** Stops a running import after the batch in flight; what was written stays. */
  cancel(args: { jobId: string }): Promise<{ cancelled: boolean }>;
  /** The job's state, progress and (when ended) report. */
  status(args: { jobId: string }): Promise<ImportJob>;
}

export interface LibraryInfoApi {
  /** Counts and sizes for the status bar and `gleaner stats`. */
  stats(args: Record<string, never>): Promise<LibraryStats>;
  /** Folders imported so far, with their article counts. */
  folders(args: Record<string, never>): Promise<FolderInfo[]>;
  /** All, unread, starred and missing counts for the sidebar. */
  counts(args: Record<string, never>): Promise<SidebarCounts>;
  /** The bundled sample folder, offered on a first start; null where it is not shipped. */
  samplesFolder(args: Record<string, never>): Promise<string | null>;
  /** Turns watching a folder on or off (on by default): changes on disk then follow within seconds. */
  setFolderWatched(args: { id: number; watched: boolean }): Promise<FolderInfo>;
  /**
   * Sets the source label of a folder's articles that name no source of their own; null goes
   * back to the derived one (site config title or folder name). Kept across re-imports.
   */
  setFolderSource(args: { id: number; label: string | null }): Promise<FolderInfo>;
}

export interface ExportJob {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  report: ExportReport | null;
  /** Why it failed, naming the path and the reason; nothing is left at the target. */
  error: string | null;
}

export interface ExportsApi {
  /** The formats, with what each writes (a file or a folder) and its extension. */
  formats(args: Record<string, never>): Promise<FormatDescriptor[]>;
  /**
   * Starts writing articles to `out` (a file, or a folder for `folder`); progress arrives
   * as `export-progress` events. Never overwrites an existing file or non-empty folder
   * unless `overwrite`; a cancelled or failed export leaves nothing at the target.
   * A taken target fails the call itself with `conflict` (the folder missing: `folder`),
   * before any job starts.
   */
  start(args: ExportSettings & { source: ExportSource }): Promise<{ jobId: string; articles: number }>;
  cancel(args: { jobId: string }): Promise<{ cancelled: boolean }>;
  status(args: { jobId: string }): Promise<ExportJob>;
}

/** Everything the renderer may ask, one interface per domain. */
export interface LibraryApi {
  articles: ArticlesApi;
  imports: ImportsApi;
  library: LibraryInfoApi;
  tags: TagsApi;
  collections: CollectionsApi;
  saved: SavedSearchesApi;
  history: HistoryApi;
  exports: ExportsApi;
  highlights: HighlightsApi;
  stories: StoriesApi;
}

/** Pushed from the service to every window. */
export type LibraryEvent =
  | { type: 'import-progress'; jobId: string; progress: ImportProgress }
  | { type: 'import-finished'; job: ImportJob }
  | { type: 'library-changed' }
  /** A watched folder went away (an unplugged drive) or came back. */
  | { type: 'folder-status'; folderId: number; path: string; status: 'online' | 'offline' }
  | { type: 'export-progress'; jobId: string; done: number; total: number }
  | { type: 'export-finished'; job: ExportJob }
  /** After any curation change, undo or redo: lists and counts may have changed. */
  | { type: 'curation-changed'; history: HistoryState };

/** How results cross a transport: errors keep their code, which Electron IPC would strip. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiError {
  code: 'bad-request' | 'not-found' | 'bad-query' | 'folder' | 'conflict' | 'cancelled' | 'internal';
  message: string;
  /** For `bad-query`: where in the typed text the problem is. */
  span?: { start: number; end: number };
}

export type Domain = keyof LibraryApi;
export type MethodOf<D extends Domain> = keyof LibraryApi[D] & string;
export type ArgsOf<D extends Domain, M extends MethodOf<D>> = LibraryApi[D][M] extends (args: infer A) => unknown ? A : never;

/** What the renderer holds: the API plus a way to hear events. */
export interface GleanerClient extends LibraryApi {
  onEvent(listener: (event: LibraryEvent) => void): () => void;
}
