/** Manual collections (tables `collections` and `collection_items`, migration 0030). */
import type { Db } from '../connection.js';
import type { CollectionInfo } from '../../../../shared/types.js';

export interface CollectionRow {
  id: number;
  name: string;
  position: number;
  created_at: string;
}

/** An article's place in a collection. */
export type CollectionItem = [articleId: number, position: number, addedAt: string];

export function listCollections(db: Db): CollectionInfo[] {
  return db
    .prepare(
      `SELECT c.id, c.name, (SELECT count(*) FROM collection_items i WHERE i.collection_id = c.id) AS count
         FROM collections c ORDER BY c.position, c.name COLLATE NOCASE`,
    )
    .all() as CollectionInfo[];
}

export function collectionById(db: Db, id: number): CollectionRow | undefined {
  return db.prepare('SELECT id, name, position, created_at FROM collections WHERE id = ?').get(id) as CollectionRow | undefined;
}

export function collectionNamed(db: Db, name: string): { id: number; name: string } | undefined {
  return db.prepare('SELECT id, name FROM collections WHERE name = ?').get(name) as { id: number; name: string } | undefined;
}

/** The position after the last collection's. */
export function nextCollectionPosition(db: Db): number {
  return db.prepare('SELECT coalesce(max(position), 0) + 1 FROM collections').pluck().get() as number;
}

/** Inserts the row (a new id when `row.id` is 0) and returns its id. */
export function insertCollection(db: Db, row: CollectionRow): number {
  const info = db
    .prepare('INSERT INTO collections (id, name, position, created_at) VALUES (?, ?, ?, ?)')
    .run(row.id || null, row.name, row.position, row.created_at);
  return Number(info.lastInsertRowid);
}

export function renameCollection(db: Db, id: number, name: string): void {
  db.prepare('UPDATE collections SET name = ? WHERE id = ?').run(name, id);
}

/** Deletes the collection and (by cascade) its items. */
export function deleteCollection(db: Db, id: number): void {
  db.prepare('DELETE FROM collections WHERE id = ?').run(id);
}

/** The collection's article ids in the person's order. */
export function collectionArticleIds(db: Db, id: number): number[] {
  return db.prepare('SELECT article_id FROM collection_items WHERE collection_id = ? ORDER BY position').pluck().all(id) as number[];
}

export function collectionItems(db: Db, id: number): CollectionItem[] {
  return db
    .prepare('SELECT article_id, position, added_at FROM collection_items WHERE collection_id = ? ORDER BY position')
    .raw()
    .all(id) as CollectionItem[];
}

/** The last item's position (0 when empty). */
export function lastItemPosition(db: Db, id: number): number {
  return db.prepare('SELECT coalesce(max(position), 0) FROM collection_items WHERE collection_id = ?').pluck().get(id) as number;
}

/** Writes the items (replacing an article's place if it has one), in one statement. */
export function putCollectionItems(db: Db, id: number, items: CollectionItem[]): void {
  if (items.length === 0) return;
  db.prepare(
    `INSERT OR REPLACE INTO collection_items (collection_id, article_id, position, added_at)
     SELECT ?, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`,
  ).run(id, JSON.stringify(items));
}

export function removeCollectionItems(db: Db, id: number, items: CollectionItem[]): void {
  if (items.length === 0) return;
  db.prepare('DELETE FROM collection_items WHERE collection_id = ? AND article_id IN (SELECT value ->> 0 FROM json_each(?))').run(
    id,
    JSON.stringify(items),
  );
}

/** The given ids newest first (the order a query's matches join a collection in). */
export function idsByDate(db: Db, ids: number[]): number[] {
  return db
    .prepare('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY date DESC, id DESC')
    .pluck()
    .all(JSON.stringify(ids)) as number[];
}
