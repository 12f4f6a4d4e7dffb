import type { Db } from '../connection.js';
import type { ArticleDetail, ArticleListItem, JsonValue } from '../../../../shared/types.js';
import { readingMinutes } from '../../readingTime.js';

const LIST_COLUMNS =
  'a.id, a.title, a.source, a.lang, a.date, a.summary, a.description, a.excerpt, a.draft, a.enclosure, a.missing, a.read_at, a.starred, ' +
  'a.story_id, (SELECT count(*) FROM articles s WHERE s.story_id = a.story_id) AS story_size';

interface ListRow {
  id: number;
  title: string;
  source: string | null;
  lang: string | null;
  date: string | null;
  summary: string | null;
  description: string | null;
  excerpt: string | null;
  draft: number;
  enclosure: string | null;
  missing: number;
  read_at: string | null;
  starred: number;
  story_id: number | null;
  story_size: number;
}

interface DetailRow extends ListRow {
  folder: string;
  rel_path: string;
  format: ArticleDetail['format'];
  body_format: ArticleDetail['bodyFormat'];
  source_link: string | null;
  url: string | null;
  article_id: string | null;
  feed_item_id: string | null;
  date_source: ArticleDetail['dateSource'];
  source_origin: ArticleDetail['sourceOrigin'];
  body: string | null;
  extra: string;
  warnings: string;
  note: string | null;
  imported_at: string;
  updated_at: string;
}

export function rowToListItem(row: ListRow, tags: string[] = [], snippet: string | null = null, authors: string[] = []): ArticleListItem {
  const summary = row.summary ?? row.description;
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    authors,
    lang: row.lang,
    date: row.date,
    summary,
    excerpt: summary === null ? row.excerpt : null,
    draft: row.draft === 1,
    hasEnclosure: !!row.enclosure,
    missing: row.missing === 1,
    read: row.read_at !== null,
    starred: row.starred === 1,
    tags,
    snippet,
    storyId: row.story_id ?? row.id,
    storyCopies: row.story_id === null ? 0 : Math.max(row.story_size - 1, 0),
  };
}

/** List rows for a page of ids, returned in the ids' order. */
export function listItemsByIds(db: Db, ids: number[], snippets: Map<number, string> = new Map()): ArticleListItem[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${LIST_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as ListRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tags = tagsByArticle(db, ids);
  const authors = authorsByArticle(db, ids);
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [rowToListItem(row, tags.get(id)?.map((t) => t.name), snippets.get(id) ?? null, authors.get(id))] : [];
  });
}

/** Author names of many articles in one query, in each file's order. */
export function authorsByArticle(db: Db, ids: number[]): Map<number, string[]> {
  const rows = db
    .prepare(
      `SELECT aa.article_id, au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
        WHERE aa.article_id IN (SELECT value FROM json_each(?)) ORDER BY aa.article_id, aa.position`,
    )
    .raw()
    .all(JSON.stringify(ids)) as [number, string][];
  const out = new Map<number, string[]>();
  for (const [id, name] of rows) {
    const list = out.get(id) ?? [];
    list.push(name);
    out.set(id, list);
  }
  return out;
}

type TagOrigin = { name: string; origin: 'file' | 'user' };

/** Tags of many articles in one query, sorted by name. */
export function tagsByArticle(db: Db, ids: number[]): Map<number, TagOrigin[]> {
  const rows = db
    .prepare(
      `SELECT at.article_id, t.name, at.origin FROM article_tags at JOIN tags t ON t.id = at.tag_id
        WHERE at.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
    )
    .raw()
    .all(JSON.stringify(ids)) as [number, string, 'file' | 'user'][];
  const out = new Map<number, TagOrigin[]>();
  for (const [id, name, origin] of rows) {
    const list = out.get(id) ?? [];
    list.push({ name, origin });
    out.set(id, list);
  }
  return out;
}

export function articleDetail(db: Db, id: number): ArticleDetail | null {
  const row = db
    .prepare(
      `SELECT ${LIST_COLUMNS}, f.path AS folder, a.rel_path, a.format, a.body_format, a.source_link, a.url,
              a.article_id, a.feed_item_id, a.date_source, a.source_origin, a.extra, a.warnings, a.note, a.imported_at, a.updated_at,
              (SELECT b.body FROM article_bodies b WHERE b.article_id = a.id) AS body
         FROM articles a JOIN folders f ON f.id = a.folder_id WHERE a.id = ?`,
    )
    .get(id) as DetailRow | undefined;
  if (!row) return null;
  const tagOrigins = tagsByArticle(db, [id]).get(id) ?? [];
  const collections = db
    .prepare('SELECT c.name FROM collection_items i JOIN collections c ON c.id = i.collection_id WHERE i.article_id = ? ORDER BY c.name')
    .pluck()
    .all(id) as string[];
  const allowed = row.source !== null && db.prepare('SELECT 1 FROM remote_image_sources WHERE source = ?').get(row.source) !== undefined;
  return {
    ...rowToListItem(row, tagOrigins.map((t) => t.name), null, authorsByArticle(db, [id]).get(id)),
    folder: row.folder,
    relPath: row.rel_path,
    format: row.format,
    bodyFormat: row.body_format,
    description: row.description,
    sourceLink: row.source_link,
    url: row.url,
    enclosure: row.enclosure,
    readingMinutes: readingMinutes(row.body ?? ''),
    sourceOrigin: row.source_origin,
    articleId: row.article_id,
    feedItemId: row.feed_item_id,
    dateSource: row.date_source,
    extra: JSON.parse(row.extra) as Record<string, JsonValue>,
    warnings: JSON.parse(row.warnings) as string[],
    note: row.note,
    tagOrigins,
    collections,
    remoteImagesAllowedForSource: allowed,
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
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
  return row
    ? { frontMatter: row.front_matter, body: row.body, bodyFormat: row.body_format, remoteImagesAllowedForSource: row.allowed === 1 }
    : null;
}
