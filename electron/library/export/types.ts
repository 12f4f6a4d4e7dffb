/**
 * The export contract: what a caller asks for and what it gets back (a format module's own
 * contract with the exporter is formatModule.ts). The parts the renderer sees (formats,
 * report) live in shared/types.ts.
 */
import type { Highlight } from '../../../shared/highlights.js';
import type { ArticleDetail, JsonValue } from '../../../shared/types.js';
import type { Curation } from '../article/curation.js';
import type { ArticleFields } from '../article/fields.js';
import { EXPORT_FORMATS, type ExportFormat, type ExportReport, type ExportSettings, type FormatDescriptor } from '../../../shared/types.js';

export { EXPORT_FORMATS };
export type { ExportFormat, ExportReport, FormatDescriptor };

export interface ExportRequest extends ExportSettings {
  /** Articles to export, in the order they should appear (a collection's order matters). */
  ids: number[];
}

export interface ExportOptions {
  /** Aborting stops the export between articles and removes everything it wrote. */
  signal?: AbortSignal;
  /** Called with articles done and the total, at the start, after each chunk, and at the end. */
  onProgress?: (done: number, total: number) => void;
}

export type ExportErrorCode = 'bad-request' | 'exists' | 'not-found' | 'cancelled' | 'io';

/** An export that could not run or finish; the message names the path and the reason. */
export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/** Everything an exporter may write about one article (the file's fields as imported), read from the library in chunks. */
export interface ExportArticle extends ArticleFields {
  id: number;
  /** The imported folder's base name (the absolute path is not exported: it names the person's disk). */
  folderName: string;
  relPath: string;
  format: ArticleDetail['format'];
  bodyFormat: ArticleDetail['bodyFormat'];
  extra: Record<string, JsonValue>;
  /** Every tag with where it came from: the file's front matter or the person. */
  tags: { name: string; origin: 'file' | 'user' }[];
  curation: Curation;
  /** The person's highlights in reading order, detached ones last (empty when none). */
  highlights: Highlight[];
  /** The front matter exactly as written in the file (no fences), or null. */
  frontMatter: string | null;
  body: string;
  warnings: string[];
  missing: boolean;
  importedAt: string;
  updatedAt: string;
  /** The id of the first article of its story (its own id when it has no copies). */
  storyId: number;
}

/** The few fields a table of contents needs, read in a cheap first pass. */
export interface ArticleHead {
  id: number;
  title: string;
  date: string | null;
  source: string | null;
}
