import type { Db } from '../connection.js';
import type { ArticleDetail, ArticleListItem } from '../../../../shared/types.js';
import { ARTICLE_FROM, articleColumns, rowToArticle, type ArticleRow, type StoredArticle } from './articleRow.js';
import { remoteImagesAllowed } from './remoteImages.js';
import { readingMinutes } from '../../readingTime.js';

/** Every reader's row, plus the size of the article's story. */
const LIST_COLUMNS = `${articleColumns()}, (SELECT count(*) FROM articles s WHERE s.story_id = a.story_id) AS story_size`;

interface ListRow extends ArticleRow {
  story_size: number;
}

function toListItem(a: StoredArticle, storySize: number, tags: string[], snippet: string | null, authors: string[] = []): ArticleListItem {
  const summary = a.summary ?? a.description;
  return {
    id: a.id,
    title: a.title,
    source: a.source,
    authors,
    lang: a.lang,
    date: a.date,
    summary,
    excerpt: summary === null ? a.excerpt : null,
    draft: a.draft,
    hasEnclosure: !!a.enclosure,
    missing: a.missing,
    read: a.readAt !== null,
    starred: a.starred,
    tags,
    snippet,
    storyId: a.storyId ?? a.id,
    storyCopies: a.storyId === null ? 0 : Math.max(storySize - 1, 0),
  };
}

/** List rows for a page of ids, returned in the ids' order. */
export function listItemsByIds(db: Db, ids: number[], snippets: Map<number, string> = new Map()): ArticleListItem[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${LIST_COLUMNS} ${ARTICLE_FROM} WHERE a.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as ListRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tags = tagsByArticle(db, ids);
  const authors = authorsByArticle(db, ids);
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [toListItem(rowToArticle(row), row.story_size, tags.get(id)?.map((t) => t.name) ?? [], snippets.get(id) ?? null, authors.get(id))]
      : [];
  });
}

const AUTHORS_SQL = `SELECT aa.article_id, au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
  WHERE aa.article_id IN (SELECT value FROM json_each(?)) ORDER BY aa.article_id, aa.position`;

const TAGS_SQL = `SELECT at.article_id, t.name, at.origin FROM article_tags at JOIN tags t ON t.id = at.tag_id
  WHERE at.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`;

/** Rows `[article id, …values]` in their order, as lists per article. */
export function byArticle<R extends [number, ...unknown[]], V>(rows: R[], value: (row: R) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const row of rows) {
    let list = out.get(row[0]);
    if (!list) out.set(row[0], (list = []));
    list.push(value(row));
  }
  return out;
}

/** Author names of many articles in one query, in each file's order (prepared once: an export reads many chunks). */
export function authorsReader(db: Db): (ids: number[]) => Map<number, string[]> {
  const statement = db.prepare(AUTHORS_SQL).raw();
  return (ids) => byArticle(statement.all(JSON.stringify(ids)) as [number, string][], (r) => r[1]);
}

export function authorsByArticle(db: Db, ids: number[]): Map<number, string[]> {
  return authorsReader(db)(ids);
}

export type TagOrigin = { name: string; origin: 'file' | 'user' };

/** Tags of many articles in one query, sorted by name (prepared once). */
export function tagsReader(db: Db): (ids: number[]) => Map<number, TagOrigin[]> {
  const statement = db.prepare(TAGS_SQL).raw();
  return (ids) => byArticle(statement.all(JSON.stringify(ids)) as [number, string, TagOrigin['origin']][], (r) => ({ name: r[1], origin: r[2] }));
}

export function tagsByArticle(db: Db, ids: number[]): Map<number, TagOrigin[]> {
  return tagsReader(db)(ids);
}

export function articleDetail(db: Db, id: number): ArticleDetail | null {
  const row = db
    .prepare(`SELECT ${LIST_COLUMNS}, (SELECT b.body FROM article_bodies b WHERE b.article_id = a.id) AS body ${ARTICLE_FROM} WHERE a.id = ?`)
    .get(id) as (ListRow & { body: string | null }) | undefined;
  if (!row) return null;
  const a = rowToArticle(row);
  const tagOrigins = tagsByArticle(db, [id]).get(id) ?? [];
  const collections = db
    .prepare('SELECT c.name FROM collection_items i JOIN collections c ON c.id = i.collection_id WHERE i.article_id = ? ORDER BY c.name')
    .pluck()
    .all(id) as string[];
  const allowed = a.source !== null && remoteImagesAllowed(db, a.source);
  return {
    ...toListItem(
      a,
      row.story_size,
      tagOrigins.map((t) => t.name),
      null,
      authorsByArticle(db, [id]).get(id),
    ),
    folder: a.folder,
    relPath: a.relPath,
    format: a.format,
    bodyFormat: a.bodyFormat,
    description: a.description,
    sourceLink: a.sourceLink,
    url: a.url,
    enclosure: a.enclosure,
    readingMinutes: readingMinutes(row.body ?? ''),
    sourceOrigin: a.sourceOrigin,
    articleId: a.articleId,
    feedItemId: a.feedItemId,
    dateSource: a.dateSource,
    extra: a.extra,
    warnings: a.warnings,
    note: a.note,
    tagOrigins,
    collections,
    remoteImagesAllowedForSource: allowed,
    importedAt: a.importedAt,
    updatedAt: a.updatedAt,
  };
}

export interface ArticleBody {
  frontMatter: string | null;
  body: string;
  bodyFormat: ArticleDetail['bodyFormat'];
  /** The person allowed remote images for every article of this article's source. */
  remoteImagesAllowedForSource: boolean;
}

export function articleBody(db: Db, id: number): ArticleBody | null {
  const row = db
    .prepare(
      `SELECT b.front_matter, b.body, a.body_format,
              EXISTS (SELECT 1 FROM remote_image_sources r WHERE r.source = a.source) AS allowed
         FROM article_bodies b JOIN articles a ON a.id = b.article_id
        WHERE b.article_id = ?`,
    )
    .get(id) as { front_matter: string | null; body: string; body_format: ArticleDetail['bodyFormat']; allowed: number } | undefined;
  return row ? { frontMatter: row.front_matter, body: row.body, bodyFormat: row.body_format, remoteImagesAllowedForSource: row.allowed === 1 } : null;
}

/** The body exactly as stored, if the article has one. */
export function storedBody(db: Db, id: number): string | undefined {
  return db.prepare('SELECT body FROM article_bodies WHERE article_id = ?').pluck().get(id) as string | undefined;
}
