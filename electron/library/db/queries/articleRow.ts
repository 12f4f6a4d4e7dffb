/**
 * The one article row: the columns of `articles` an import writes from a file, the row every
 * reader selects (list, detail, export), and the one converter from that row to an article.
 * To add a column: its migration, `FileColumns` (written) or `ArticleRow` (read), the
 * `SELECTED` entry, and `rowToArticle`.
 */
import type { JsonValue } from '../../../../shared/types.js';
import type { ArticleFields, SourceOrigin } from '../../article/fields.js';
import type { ArticleDetail } from '../../../../shared/types.js';

/** The `articles` columns an import writes from a file, bound by name (`@title`). */
export interface FileColumns {
  file_size: number;
  file_mtime_ms: number;
  content_hash: string;
  format: ArticleDetail['format'];
  body_format: ArticleDetail['bodyFormat'];
  title: string;
  date: string | null;
  date_source: ArticleDetail['dateSource'];
  draft: number;
  summary: string | null;
  description: string | null;
  source: string | null;
  source_origin: SourceOrigin | null;
  lang: string | null;
  excerpt: string | null;
  source_link: string | null;
  url: string | null;
  enclosure: string | null;
  article_id: string | null;
  feed_item_id: string | null;
  /** JSON: every other front-matter key. */
  extra: string;
  /** JSON: the import's warnings. */
  warnings: string;
  updated_at: string;
}

/** The written columns, in the order the INSERT and UPDATE statements name them. */
export const FILE_COLUMNS = Object.keys({
  file_size: 0,
  file_mtime_ms: 0,
  content_hash: 0,
  format: 0,
  body_format: 0,
  title: 0,
  date: 0,
  date_source: 0,
  draft: 0,
  summary: 0,
  description: 0,
  source: 0,
  source_origin: 0,
  lang: 0,
  excerpt: 0,
  source_link: 0,
  url: 0,
  enclosure: 0,
  article_id: 0,
  feed_item_id: 0,
  extra: 0,
  warnings: 0,
  updated_at: 0,
} satisfies Record<keyof FileColumns, 0>) as (keyof FileColumns)[];

/** An article row as every reader selects it (`articleColumns`): `a` is `articles`, `f` its folder. */
export interface ArticleRow extends Omit<FileColumns, 'file_size' | 'file_mtime_ms' | 'content_hash'> {
  id: number;
  /** The imported folder's path. */
  folder: string;
  rel_path: string;
  missing: number;
  imported_at: string;
  read_at: string | null;
  starred: number;
  note: string | null;
  story_id: number | null;
}

/**
 * The selected columns with the migration that added each: a library opened read-only before
 * migrating (an export from an old file) reads NULL for the later ones.
 */
const SELECTED = {
  id: 10,
  folder: 10,
  rel_path: 10,
  format: 10,
  body_format: 10,
  title: 10,
  date: 10,
  date_source: 10,
  draft: 10,
  summary: 10,
  description: 10,
  source: 10,
  source_origin: 60,
  lang: 60,
  excerpt: 60,
  source_link: 10,
  url: 10,
  enclosure: 10,
  article_id: 10,
  feed_item_id: 10,
  extra: 10,
  warnings: 10,
  missing: 10,
  imported_at: 10,
  updated_at: 10,
  read_at: 20,
  starred: 20,
  note: 20,
  story_id: 90,
} satisfies Record<keyof ArticleRow, number>;

/** What `articleColumns` selects from. */
export const ARTICLE_FROM = 'FROM articles a JOIN folders f ON f.id = a.folder_id';

/** The select list of an `ArticleRow` (from ARTICLE_FROM). */
export function articleColumns(schemaVersion = Number.MAX_SAFE_INTEGER): string {
  return Object.entries(SELECTED)
    .map(([column, since]) => (column === 'folder' ? 'f.path AS folder' : since <= schemaVersion ? `a.${column}` : `NULL AS ${column}`))
    .join(', ');
}

/** An article as stored: the file's fields (authors are rows of their own), its place and the person's curation. */
export interface StoredArticle extends Omit<ArticleFields, 'authors'> {
  id: number;
  /** The imported folder's path. */
  folder: string;
  relPath: string;
  format: ArticleDetail['format'];
  bodyFormat: ArticleDetail['bodyFormat'];
  excerpt: string | null;
  extra: Record<string, JsonValue>;
  warnings: string[];
  missing: boolean;
  importedAt: string;
  updatedAt: string;
  readAt: string | null;
  starred: boolean;
  note: string | null;
  /** The first article of its story, or null when it has no copies. */
  storyId: number | null;
}

export function rowToArticle(r: ArticleRow): StoredArticle {
  return {
    id: r.id,
    folder: r.folder,
    relPath: r.rel_path,
    format: r.format,
    bodyFormat: r.body_format,
    title: r.title,
    date: r.date,
    dateSource: r.date_source,
    draft: r.draft === 1,
    summary: r.summary,
    description: r.description,
    source: r.source,
    sourceOrigin: r.source_origin,
    lang: r.lang,
    excerpt: r.excerpt,
    sourceLink: r.source_link,
    url: r.url,
    enclosure: r.enclosure,
    articleId: r.article_id,
    feedItemId: r.feed_item_id,
    extra: JSON.parse(r.extra) as Record<string, JsonValue>,
    warnings: JSON.parse(r.warnings) as string[],
    missing: r.missing === 1,
    importedAt: r.imported_at,
    updatedAt: r.updated_at,
    readAt: r.read_at,
    starred: r.starred === 1,
    note: r.note,
    storyId: r.story_id,
  };
}
