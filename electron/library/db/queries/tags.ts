/** Tags and their links to articles (tables `tags` and `article_tags`, migration 0020), as curation edits them. */
import type { Db } from '../connection.js';
import type { TagInfo } from '../../../../shared/types.js';

export interface TagRow {
  id: number;
  name: string;
  color: string | null;
  created_at: string;
}

/** A tag's link to an article and who made it ('file' or 'user'). */
export type TagLink = [articleId: number, origin: string];

export function listTags(db: Db): TagInfo[] {
  return db
    .prepare(
      `SELECT t.id, t.name, t.color,
              (SELECT count(*) FROM article_tags at JOIN articles a ON a.id = at.article_id
                WHERE at.tag_id = t.id AND a.missing = 0) AS count
         FROM tags t ORDER BY t.name COLLATE NOCASE`,
    )
    .all() as TagInfo[];
}

export function tagNamed(db: Db, name: string): TagRow | undefined {
  return db.prepare('SELECT id, name, color, created_at FROM tags WHERE name = ?').get(name) as TagRow | undefined;
}

/** The tag `name` (if it exists as a tag) and its children (`name/…`), by name. */
export function tagFamily(db: Db, name: string): { id: number; name: string }[] {
  return db.prepare("SELECT id, name FROM tags WHERE name = ? OR name LIKE ? ESCAPE '\\' ORDER BY name").all(name, like(name) + '/%') as {
    id: number;
    name: string;
  }[];
}

const like = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createTag(db: Db, name: string, createdAt: string): number {
  return Number(db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)').run(name, createdAt).lastInsertRowid);
}

/** Puts a deleted tag back under its own id. */
export function restoreTag(db: Db, row: TagRow): void {
  db.prepare('INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, ?, ?)').run(row.id, row.name, row.color, row.created_at);
}

/** Deletes the tag and (by cascade) its links. */
export function deleteTag(db: Db, id: number): void {
  db.prepare('DELETE FROM tags WHERE id = ?').run(id);
}

/** Renames tags one after another, in the given order. */
export function renameTags(db: Db, names: { id: number; name: string }[]): void {
  const set = db.prepare('UPDATE tags SET name = ? WHERE id = ?');
  for (const { id, name } of names) set.run(name, id);
}

export function setTagColor(db: Db, id: number, color: string | null): void {
  db.prepare('UPDATE tags SET color = ? WHERE id = ?').run(color, id);
}

/** The ids (in their order) that do not have the tag yet. */
export function untaggedAmong(db: Db, tagId: number, ids: number[]): number[] {
  return db
    .prepare('SELECT value FROM json_each(?) WHERE value NOT IN (SELECT article_id FROM article_tags WHERE tag_id = ?)')
    .pluck()
    .all(JSON.stringify(ids), tagId) as number[];
}

/** Gives these articles the tag as the person's, in one statement. */
export function tagArticles(db: Db, tagId: number, ids: number[]): void {
  if (ids.length === 0) return;
  db.prepare("INSERT INTO article_tags (article_id, tag_id, origin) SELECT value, ?, 'user' FROM json_each(?)").run(tagId, JSON.stringify(ids));
}

/** Takes the tag off these articles, in one statement. */
export function untagArticles(db: Db, tagId: number, ids: number[]): void {
  if (ids.length === 0) return;
  db.prepare('DELETE FROM article_tags WHERE tag_id = ? AND article_id IN (SELECT value FROM json_each(?))').run(tagId, JSON.stringify(ids));
}

/** The tag's links, all or those to `ids`. */
export function tagLinks(db: Db, tagId: number, ids?: number[]): TagLink[] {
  if (!ids) return db.prepare('SELECT article_id, origin FROM article_tags WHERE tag_id = ?').raw().all(tagId) as TagLink[];
  return db
    .prepare('SELECT article_id, origin FROM article_tags WHERE tag_id = ? AND article_id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(tagId, JSON.stringify(ids)) as TagLink[];
}

/** Links of `fromId` to articles that do not have `intoId`: what a merge adds to `intoId`. */
export function linksNotIn(db: Db, fromId: number, intoId: number): TagLink[] {
  return db
    .prepare(
      'SELECT article_id, origin FROM article_tags WHERE tag_id = ? AND article_id NOT IN (SELECT article_id FROM article_tags WHERE tag_id = ?)',
    )
    .raw()
    .all(fromId, intoId) as TagLink[];
}

/** Links the tag to articles with the given origins (an existing link stays as it is). */
export function relinkTag(db: Db, tagId: number, links: TagLink[]): void {
  if (links.length === 0) return;
  db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id, origin) SELECT value ->> 0, ?, value ->> 1 FROM json_each(?)').run(
    tagId,
    JSON.stringify(links),
  );
}

/** How many articles have any of these tags. */
export function taggedArticleCount(db: Db, tagIds: number[]): number {
  return db
    .prepare('SELECT count(DISTINCT article_id) FROM article_tags WHERE tag_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(tagIds)) as number;
}
