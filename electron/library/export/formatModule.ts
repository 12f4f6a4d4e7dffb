/**
 * What the exporter hands a format module and gets back. Apart from types.ts because it
 * holds the ImageEmbedder, which itself reads ExportArticle: together they were an import cycle.
 */
import type { ImageEmbedder } from './imageEmbedder.js';
import type { ArticleHead, ExportArticle, ExportFormat, ExportRequest, FormatDescriptor } from './types.js';

/** What a format module gets: the articles (streamed in chunks) and a place to write. */
export interface ExportContext {
  request: ExportRequest;
  /** Temporary path to write (a file, or an existing empty folder); renamed into place on success. */
  dest: string;
  /** Number of articles that will be yielded. */
  total: number;
  /** How many imported folders the articles come from (their relative paths may clash across folders). */
  folderCount: number;
  /** When the export started, ISO 8601 UTC. */
  exportedAt: string;
  title: string;
  /** Articles in request order, in chunks; memory holds one chunk at a time. */
  chunks(): Generator<ExportArticle[]>;
  /** Titles, dates and sources in request order, for tables of contents. */
  heads(): Generator<ArticleHead[]>;
  /** Marks one article written; throws ExportError('cancelled') once the signal aborts. */
  done(): void;
  warn(message: string): void;
  /** Remote images to embed (document formats, when asked for); null: every remote image stays a link. */
  images: ImageEmbedder | null;
}

/** What a format module returns; the caller adds the article count. */
export interface WriteResult {
  files: number;
  bytes: number;
}

/** One export format: its descriptor (every trait the app reads) and its writer. */
export interface FormatModule<F extends ExportFormat = ExportFormat> {
  descriptor: FormatDescriptor<F>;
  write(context: ExportContext): Promise<WriteResult>;
}
