/**
 * Reads the articles to export from the library, a chunk of ids at a time, so memory holds
 * one chunk (bodies included) however many articles are exported. Each chunk is five
 * queries (articles with bodies, tags, authors, collections, highlights), never one per article.
 */
import { basename } from 'node:path';
import type { Db } from '../db/connection.js';
import type { Highlight } from '../../../shared/highlights.js';
import type { JsonValue } from '../../../shared/types.js';
import { highlightsForArticles } from '../db/queries/highlights.js';
import type { ArticleHead, ExportArticle } from './types.js';

/** Ids per chunk: big enough to amortize the queries, small enough to keep memory flat. */
export const CHUNK_SIZE = 200;

interface Row {
  id: number;
  folder: string;
  rel_path: string;
  format: ExportArticle['format'];
  body_format: ExportArticle['bodyFormat'];
  title: string;
  date: string | null;
  date_source: ExportArticle['dateSource'];
  draft: number;
  summary: string | null;
  description: string | null;
  source: string | null;
  source_origin: ExportArticle['sourceOrigin'];
  lang: string | null;
  source_link: string | null;
  url: string | null;
  enclosure: string | null;
  article_id: string | null;
  feed_item_id: string | null;
  extra: string;
  warnings: string;
  missing: number;
  imported_at: string;
  updated_at: string;
  read_at: string | null;
  starred: number;
  note: string | null;
  front_matter: string | null;
  body: string | null;
  story_id: number | null;
}

// Languages and source origins arrived with migration 60 (as did authors): an older library
// opened read-only exports without them.
const articlesSql = (v60: boolean, v90: boolean): string => `
  SELECT a.id, f.path AS folder, a.rel_path, a.format, a.body_format, a.title, a.date, a.date_source, a.draft,
         a.summary, a.description, a.source, ${v60 ? 'a.source_origin, a.lang' : 'NULL AS source_origin, NULL AS lang'}, a.source_link, a.url, a.enclosure, a.article_id, a.feed_item_id,
         a.extra, a.warnings, a.missing, a.imported_at, a.updated_at, a.read_at, a.starred, a.note,
         b.front_matter, b.body, ${v90 ? 'a.story_id' : 'NULL AS story_id'}
    FROM articles a JOIN folders f ON f.id = a.folder_id LEFT JOIN article_bodies b ON b.article_id = a.id
   WHERE a.id IN (SELECT value FROM json_each(?))`;

const TAGS_SQL = `
  SELECT at.article_id, t.name, at.origin FROM article_tags at JOIN tags t ON t.id = at.tag_id
   WHERE at.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`;

const AUTHORS_SQL = `
  SELECT aa.article_id, au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
   WHERE aa.article_id IN (SELECT value FROM json_each(?)) ORDER BY aa.article_id, aa.position`;

const COLLECTIONS_SQL = `
  SELECT i.article_id, c.name FROM collection_items i JOIN collections c ON c.id = i.collection_id
   WHERE i.article_id IN (SELECT value FROM json_each(?)) ORDER BY c.position, c.name COLLATE NOCASE`;

/** Reads export chunks from one library. */
export class ArticleSource {
  private readonly articles;
  private readonly tags;
  private readonly collections;
  private readonly authors;
  private readonly heads;
  private readonly hasHighlights: boolean;

  constructor(private readonly db: Db) {
    // Collections arrived with migration 30; a library opened read-only before migrating lacks them.
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    // Stories arrived with migration 90.
    this.articles = db.prepare(articlesSql(tables.has('authors'), tables.has('story_sketches')));
    this.tags = db.prepare(TAGS_SQL).raw();
    this.authors = tables.has('authors') ? db.prepare(AUTHORS_SQL).raw() : null;
    this.collections = tables.has('collections') && tables.has('collection_items') ? db.prepare(COLLECTIONS_SQL).raw() : null;
    // Highlights arrived with migration 80.
    this.hasHighlights = tables.has('highlights');
    this.heads = db.prepare('SELECT id, title, date, source FROM articles WHERE id IN (SELECT value FROM json_each(?))');
  }

  /**
   * The requested ids that exist, in request order, without repeats; and what was dropped.
   * Checked in chunks too: a 100k-id request must not become one 100k-parameter query.
   */
  existing(ids: number[]): { ids: number[]; unknown: number[]; repeated: number } {
    const seen = new Set<number>();
    const unique = ids.filter((id) => (seen.has(id) ? false : (seen.add(id), true)));
    const exists = this.db.prepare('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))').pluck();
    const found = new Set<number>();
    for (let i = 0; i < unique.length; i += CHUNK_SIZE * 10) {
      for (const id of exists.all(JSON.stringify(unique.slice(i, i + CHUNK_SIZE * 10))) as number[]) found.add(id);
    }
    return { ids: unique.filter((id) => found.has(id)), unknown: unique.filter((id) => !found.has(id)), repeated: ids.length - unique.length };
  }

  /** How many imported folders these (existing) ids come from. */
  folderCount(ids: number[]): number {
    const folders = new Set<number>();
    const query = this.db.prepare('SELECT DISTINCT folder_id FROM articles WHERE id IN (SELECT value FROM json_each(?))').pluck();
    for (let i = 0; i < ids.length; i += CHUNK_SIZE * 10) {
      for (const id of query.all(JSON.stringify(ids.slice(i, i + CHUNK_SIZE * 10))) as number[]) folders.add(id);
    }
    return folders.size;
  }

  /** Full articles for these ids, in the ids' order (unknown ids are skipped). */
  chunk(ids: number[]): ExportArticle[] {
    const json = JSON.stringify(ids);
    const tagsById = new Map<number, ExportArticle['tags']>();
    for (const [articleId, name, origin] of this.tags.all(json) as [number, string, 'file' | 'user'][]) {
      let list = tagsById.get(articleId);
      if (!list) tagsById.set(articleId, (list = []));
      list.push({ name, origin });
    }
    const collectionsById = new Map<number, string[]>();
    for (const [articleId, name] of (this.collections?.all(json) ?? []) as [number, string][]) {
      let list = collectionsById.get(articleId);
      if (!list) collectionsById.set(articleId, (list = []));
      list.push(name);
    }
    const authorsById = new Map<number, string[]>();
    for (const [articleId, name] of (this.authors?.all(json) ?? []) as [number, string][]) {
      let list = authorsById.get(articleId);
      if (!list) authorsById.set(articleId, (list = []));
      list.push(name);
    }
    const highlightsById = this.hasHighlights ? highlightsForArticles(this.db, ids) : new Map<number, Highlight[]>();
    const byId = new Map((this.articles.all(json) as Row[]).map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toArticle(row, tagsById.get(id) ?? [], collectionsById.get(id) ?? [], authorsById.get(id) ?? [], highlightsById.get(id) ?? [])] : [];
    });
  }

  /** Titles, dates and sources for these ids, in the ids' order. */
  headChunk(ids: number[]): ArticleHead[] {
    const byId = new Map((this.heads.all(JSON.stringify(ids)) as ArticleHead[]).map((h) => [h.id, h]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}

function toArticle(r: Row, tags: ExportArticle['tags'], collections: string[], authors: string[], highlights: Highlight[]): ExportArticle {
  return {
    id: r.id,
    folderName: basename(r.folder),
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
    authors,
    lang: r.lang,
    sourceLink: r.source_link,
    url: r.url,
    enclosure: r.enclosure,
    articleId: r.article_id,
    feedItemId: r.feed_item_id,
    extra: JSON.parse(r.extra) as Record<string, JsonValue>,
    tags,
    curation: {
      tags: tags.filter((t) => t.origin === 'user').map((t) => t.name),
      starred: r.starred === 1,
      readAt: r.read_at,
      note: r.note,
      collections,
    },
    highlights,
    frontMatter: r.front_matter,
    body: r.body ?? '',
    warnings: JSON.parse(r.warnings) as string[],
    missing: r.missing === 1,
    importedAt: r.imported_at,
    updatedAt: r.updated_at,
    storyId: r.story_id ?? r.id,
  };
}
