import type { Db } from '../db/connection.js';
import { ServiceError } from '../errors.js';
import { compileText, countMatches, QueryError } from '../query/search.js';
import type { SavedSearchInfo, SortOrder } from '../../../shared/types.js';
import type { History } from './history.js';
import { checkName } from './names.js';
import type { Applied } from './tags.js';

interface SavedRow {
  id: number;
  name: string;
  query: string;
  sort: SortOrder;
  position: number;
  created_at: string;
}

/** Saved searches: any query and sort under a name, shown in the sidebar with a live count. */
export class SavedSearchOps {
  constructor(
    private readonly db: Db,
    private readonly history: History,
  ) {}

  /** Every saved search with its live count; one whose query no longer parses says why. */
  list(): SavedSearchInfo[] {
    const rows = this.db.prepare('SELECT id, name, query, sort FROM saved_searches ORDER BY position, name COLLATE NOCASE').all() as SavedRow[];
    return rows.map((row) => {
      try {
        const count = countMatches(this.db, compileText(row.query));
        return { id: row.id, name: row.name, query: row.query, sort: row.sort, count, error: null };
      } catch (error) {
        return { id: row.id, name: row.name, query: row.query, sort: row.sort, count: null, error: (error as Error).message };
      }
    });
  }

  get(id: number): SavedRow {
    const row = this.db.prepare('SELECT * FROM saved_searches WHERE id = ?').get(id) as SavedRow | undefined;
    if (!row) throw new ServiceError('not-found', `No saved search with id ${id}`);
    return row;
  }

  create(rawName: string, query: string, sort: SortOrder): Applied & { id: number } {
    const name = checkName('saved search', rawName);
    checkQuery(query);
    this.unique(name);
    const row: SavedRow = {
      id: 0,
      name,
      query,
      sort,
      position: this.db.prepare('SELECT coalesce(max(position), 0) + 1 FROM saved_searches').pluck().get() as number,
      created_at: new Date().toISOString(),
    };
    row.id = this.insert(row);
    const label = `Save search "${name}"`;
    this.history.record({ label, undo: () => this.drop(row.id), redo: () => this.insert(row) });
    return { id: row.id, changed: 0, label };
  }

  update(id: number, changes: { name?: string; query?: string; sort?: SortOrder }): Applied {
    const before = this.get(id);
    const after = { ...before };
    if (changes.name !== undefined) {
      after.name = checkName('saved search', changes.name);
      this.unique(after.name, id);
    }
    if (changes.query !== undefined) after.query = checkQuery(changes.query);
    if (changes.sort !== undefined) after.sort = changes.sort;
    const set = (r: SavedRow) => this.db.prepare('UPDATE saved_searches SET name = ?, query = ?, sort = ? WHERE id = ?').run(r.name, r.query, r.sort, id);
    set(after);
    const label = `Edit saved search "${after.name}"`;
    this.history.record({ label, undo: () => set(before), redo: () => set(after) });
    return { changed: 0, label };
  }

  delete(id: number): Applied {
    const row = this.get(id);
    this.drop(id);
    const label = `Delete saved search "${row.name}"`;
    this.history.record({ label, undo: () => this.insert(row), redo: () => this.drop(id) });
    return { changed: 0, label };
  }

  private unique(name: string, except?: number): void {
    const clash = this.db.prepare('SELECT id, name FROM saved_searches WHERE name = ?').get(name) as { id: number; name: string } | undefined;
    if (clash && clash.id !== except) throw new ServiceError('conflict', `A saved search named "${clash.name}" already exists`);
  }

  private insert(row: SavedRow): number {
    return Number(
      this.db
        .prepare('INSERT INTO saved_searches (id, name, query, sort, position, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(row.id || null, row.name, row.query, row.sort, row.position, row.created_at).lastInsertRowid,
    );
  }

  private drop(id: number): void {
    this.db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id);
  }
}

/** A saved search must run today; a query that does not parse is refused with the reason. */
function checkQuery(query: string): string {
  try {
    compileText(query);
  } catch (error) {
    if (error instanceof QueryError) throw new ServiceError('bad-request', `The search cannot be saved: ${error.message}`);
    throw error;
  }
  return query;
}
