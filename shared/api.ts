/**
 * The typed contract between the renderer and the library service.
 *
 * Every method takes one plain-object argument (validated by shared/schemas.ts at the
 * transport before any handler runs) and resolves to plain JSON. Channel names
 * (`articles:search`) are derived from the schema table, never typed twice.
 */
import type {
  ArticleDetail,
  FolderInfo,
  ImportProgress,
  ImportReport,
  LibraryStats,
  SearchPage,
  SortOrder,
} from './types.js';

export interface SearchArgs {
  /** The search as typed, e.g. `tag:ai source:"IBN" after:2025-07 "public sector"`. */
  query: string;
  sort?: SortOrder;
  offset?: number;
  /** Rows per page, 1-500. */
  limit?: number;
  /** Also count sources, tags, years and months over every match. */
  facets?: boolean;
}

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
  /** Every field of one article. Fails with `not-found` for an unknown id. */
  get(args: { id: number }): Promise<ArticleDetail>;
  /** The article's body, sanitized for the reading pane. */
  preview(args: { id: number; allowRemoteImages?: boolean }): Promise<ArticlePreview>;
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
}

/** Everything the renderer may ask, one interface per domain. */
export interface LibraryApi {
  articles: ArticlesApi;
  imports: ImportsApi;
  library: LibraryInfoApi;
}

/** Pushed from the service to every window. */
export type LibraryEvent =
  | { type: 'import-progress'; jobId: string; progress: ImportProgress }
  | { type: 'import-finished'; job: ImportJob }
  | { type: 'library-changed' };

/** How results cross a transport: errors keep their code, which Electron IPC would strip. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiError {
  code: 'bad-request' | 'not-found' | 'bad-query' | 'folder' | 'conflict' | 'internal';
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
