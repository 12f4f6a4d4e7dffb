/** The person's state on articles: read, starred and notes (columns of `articles`, migration 0020). */
import type { Db } from '../connection.js';

export type StateColumn = 'read_at' | 'starred';
export type StateValue = string | number | null;

/** Marks an unread article read; false when it was read already (or does not exist). */
export function markRead(db: Db, id: number, now: string): boolean {
  return db.prepare('UPDATE articles SET read_at = ? WHERE id = ? AND read_at IS NULL').run(now, id).changes > 0;
}

/** The article's note, or undefined when there is no such article. */
export function articleNote(db: Db, id: number): { note: string | null } | undefined {
  return db.prepare('SELECT note FROM articles WHERE id = ?').get(id) as { note: string | null } | undefined;
}

export function setArticleNote(db: Db, id: number, note: string | null): void {
  db.prepare('UPDATE articles SET note = ? WHERE id = ?').run(note, id);
}

/**
 * The articles among `ids` whose column `value` would really change, with their value now.
 * A change of state, not of timestamp: re-marking a read article read changes nothing.
 */
export function stateChanges(db: Db, column: StateColumn, ids: number[], value: StateValue): [number, StateValue][] {
  const changes = column === 'read_at' ? `read_at IS ${value === null ? 'NOT NULL' : 'NULL'}` : `starred != ${value}`;
  return db
    .prepare(`SELECT id, ${column} FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND ${changes}`)
    .raw()
    .all(JSON.stringify(ids)) as [number, StateValue][];
}

export function setState(db: Db, column: StateColumn, ids: number[], value: StateValue): void {
  db.prepare(`UPDATE articles SET ${column} = ? WHERE id IN (SELECT value FROM json_each(?))`).run(value, JSON.stringify(ids));
}

/** Gives each article back its own earlier value. */
export function restoreState(db: Db, column: StateColumn, values: [number, StateValue][]): void {
  db.prepare(`UPDATE articles SET ${column} = value ->> 1 FROM json_each(?) WHERE articles.id = value ->> 0`).run(JSON.stringify(values));
}
