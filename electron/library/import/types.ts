/** What parsing one article file yields. Pure data: crosses the worker boundary. */
import type { CarriedHighlight } from '../export/gleanerKey.js';
import type { Curation } from '../export/types.js';
import type { StorySketch } from '../stories/shingles.js';

export type FrontMatterFormat = 'toml' | 'yaml' | 'json' | 'none';

export type BodyFormat = 'html' | 'markdown' | 'text';

/** Where an article's source came from (see ArticleDetail.sourceOrigin). */
export type SourceOrigin = 'file' | 'site-field' | 'url' | 'site-config' | 'folder' | 'label';

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
  /**
   * The source the file names (`source`, else a publisher/site field, else its url's host);
   * null when it names none, and the importer then gives it the folder's label.
   */
  source: string | null;
  /** Where `source` came from; the importer sets the folder's origins. */
  sourceOrigin: SourceOrigin | null;
  /** Author names in the file's order (`author`, `authors`, `byline`, `creator`). */
  authors: string[];
  /** Lowercase language code from the front matter or the file name's suffix, or null. */
  lang: string | null;
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
  /** Tags named by the file (`tags`, `categories`, `category`, `keywords`, `series`), trimmed, de-duplicated. */
  fileTags: string[];
  /** Plain text of the body for the full-text index. */
  text: string;
  /** What story grouping keeps of the text, made here so a parse worker does the hashing, not the writer. */
  storySketch: StorySketch | null;
  /** The body's first words (about 200 characters) when the file has no summary or description. */
  excerpt: string | null;
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

/** The same shape the exporter writes (see export/types.ts and export/gleanerKey.ts). */
export interface ImportedCuration extends Curation {
  /** Highlights from the exporting library, with its offsets (the importer re-anchors them in this body). */
  highlights: CarriedHighlight[];
}

/**
 * A parsed article, or a file that is not one: `skipped` files (empty or whitespace only)
 * are passed over on purpose, the others failed.
 */
export type ParseResult = { ok: true; article: ParsedArticle } | { ok: false; reason: string; skipped?: true };
