/** What parsing one article file yields. Pure data: crosses the worker boundary. */
import type { Curation } from '../export/types.js';

export type FrontMatterFormat = 'toml' | 'yaml' | 'json' | 'none';
export type BodyFormat = 'html' | 'markdown' | 'text';

/** JSON-safe value: big integers become decimal strings, datetimes ISO strings. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ArticleFields {
  title: string;
  /** ISO 8601 UTC (`2025-07-29T14:15:29.000Z`), or null when absent or impossible. */
  date: string | null;
  /** Where the date came from: the front matter, or the file's path as a fallback. */
  dateSource: 'front-matter' | 'path' | null;
  draft: boolean;
  summary: string | null;
  description: string | null;
  source: string | null;
  sourceLink: string | null;
  url: string | null;
  enclosure: string | null;
  /** Kept as decimal strings so ids above 2^53 keep every digit. */
  articleId: string | null;
  feedItemId: string | null;
}

export interface ParsedArticle {
  format: FrontMatterFormat;
  bodyFormat: BodyFormat;
  /** The front matter exactly as written (without the fences), for faithful export. */
  frontMatterRaw: string | null;
  /** The body exactly as written (after the front matter), Markdown or HTML. */
  body: string;
  fields: ArticleFields;
  /** Every front-matter key not mapped to a field above, kept as typed JSON. */
  extra: Record<string, JsonValue>;
  /** Tags named by the file (`tags`, `categories`, `keywords`), trimmed, de-duplicated. */
  fileTags: string[];
  /** Plain text of the body for the full-text index. */
  text: string;
  /** Hex digest of the body, for spotting the same content at two paths. */
  contentHash: string;
  /** Problems that did not stop the import, in words a person understands. */
  warnings: string[];
  /**
   * Curation carried by a Gleaner folder export (the `gleaner` front-matter key): applied
   * when the article is new to the library, never over the library's own curation.
   */
  curation: ImportedCuration | null;
}

/** The same shape the exporter writes (see export/types.ts). */
export type ImportedCuration = Curation;

export type ParseResult = { ok: true; article: ParsedArticle } | { ok: false; reason: string };
