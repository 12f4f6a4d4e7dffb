/**
 * What an export reads, a chunk of ids at a time, with statements prepared once per export.
 * The library may be an older one opened read-only, so later tables and columns are optional.
 */
import type { Db } from '../connection.js';
import { ARTICLE_FROM, articleColumns, type ArticleRow } from './articleRow.js';
import { authorsReader, byArticle, tagsReader, type TagOrigin } from './articleReads.js';

/** An article row with its file's front matter and body. */
export interface ExportRow extends ArticleRow {
  front_matter: string | null;
  body: string | null;
}

export interface ArticleHeadRow {
  id: number;
  title: string;
  date: string | null;
  source: string | null;
}

const COLLECTIONS_SQL = `SELECT i.article_id, c.name FROM collection_items i JOIN collections c ON c.id = i.collection_id
  WHERE i.article_id IN (SELECT value FROM json_each(?)) ORDER BY c.position, c.name COLLATE NOCASE`;

/** Reads by a JSON list of ids; those absent from the library are left out, in no particular order. */
export interface ExportReads {
  rows: (ids: number[]) => ExportRow[];
  tags: (ids: number[]) => Map<number, TagOrigin[]>;
  /** Empty before migration 60 (authors). */
  authors: (ids: number[]) => Map<number, string[]>;
  /** Empty before migration 30 (collections). */
  collections: (ids: number[]) => Map<number, string[]>;
  heads: (ids: number[]) => ArticleHeadRow[];
  /** Highlights arrived with migration 80. */
  hasHighlights: boolean;
}

export function exportReads(db: Db): ExportReads {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  // The tables tell which later columns an older library has: languages, source origins and
  // excerpts arrived with authors (migration 60), stories with story_sketches (90).
  const schema = tables.has('story_sketches') ? 90 : tables.has('authors') ? 60 : 20;
  const rows = db.prepare(
    `SELECT ${articleColumns(schema)}, b.front_matter, b.body ${ARTICLE_FROM} LEFT JOIN article_bodies b ON b.article_id = a.id
      WHERE a.id IN (SELECT value FROM json_each(?))`,
  );
  const collections = tables.has('collections') && tables.has('collection_items') ? db.prepare(COLLECTIONS_SQL).raw() : null;
  const heads = db.prepare('SELECT id, title, date, source FROM articles WHERE id IN (SELECT value FROM json_each(?))');
  const none = () => new Map();
  return {
    rows: (ids) => rows.all(JSON.stringify(ids)) as ExportRow[],
    tags: tagsReader(db),
    authors: tables.has('authors') ? authorsReader(db) : none,
    collections: collections ? (ids) => byArticle(collections.all(JSON.stringify(ids)) as [number, string][], (r) => r[1]) : none,
    heads: (ids) => heads.all(JSON.stringify(ids)) as ArticleHeadRow[],
    hasHighlights: tables.has('highlights'),
  };
}
