/** Saved searches (table `saved_searches`, migration 0030). */
import type { Db } from '../connection.js';
import type { SortOrder } from '../../../../shared/types.js';

export interface SavedRow {
  id: number;
  name: string;
  query: string;
  sort: SortOrder;
  position: number;
  created_at: string;
}

/** Every saved search in the sidebar's order (without position and creation time). */
export function listSavedSearches(db: Db): Pick<SavedRow, 'id' | 'name' | 'query' | 'sort'>[] {
  return db.prepare('SELECT id, name, query, sort FROM saved_searches ORDER BY position, name COLLATE NOCASE').all() as SavedRow[];
}

export function savedSearchById(db: Db, id: number): SavedRow | undefined {
  return db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(id) as SavedRow | undefined;
}

export function savedSearchNamed(db: Db, name: string): { id: number; name: string } | undefined {
  return db.prepare('SELECT id, name FROM saved_searches WHERE name = ?').get(name) as { id: number; name: string } | undefined;
}

/** The position after the last saved search's. */
export function nextSavedPosition(db: Db): number {
  return db.prepare('SELECT coalesce(max(position), 0) + 1 FROM saved_searches').pluck().get() as number;
}

/** Inserts the row (a new id when `row.id` is 0) and returns its id. */
export function insertSavedSearch(db: Db, row: SavedRow): number {
  return Number(
    db
      .prepare('INSERT INTO saved_searches (id, name, query, sort, position, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.id || null, row.name, row.query, row.sort, row.position, row.created_at).lastInsertRowid,
  );
}

export function updateSavedSearch(db: Db, id: number, row: Pick<SavedRow, 'name' | 'query' | 'sort'>): void {
  db.prepare('UPDATE saved_searches SET name = ?, query = ?, sort = ? WHERE id = ?').run(row.name, row.query, row.sort, id);
}

export function deleteSavedSearch(db: Db, id: number): void {
  db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id);
}
