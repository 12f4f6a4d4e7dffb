/**
 * An article's fields as Gleaner reads them from a file and writes them back: the one
 * definition the importer, the library and every export format share.
 */

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
