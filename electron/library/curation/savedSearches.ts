import type { Db } from '../db/connection.js';
import {
  deleteSavedSearch,
  insertSavedSearch,
  listSavedSearches,
  nextSavedPosition,
  savedSearchById,
  savedSearchNamed,
  updateSavedSearch,
  type SavedRow,
} from '../db/queries/savedSearches.js';
import { ServiceError } from '../errors.js';
import { compileText, countMatches, QueryError } from '../query/search.js';
import type { SavedSearchInfo, SortOrder } from '../../../shared/types.js';
import type { History } from './history.js';
import { checkName } from './names.js';
import type { Applied } from './tags.js';

/** Saved searches: any query and sort under a name, shown in the sidebar with a live count. */
export class SavedSearchOps {
  constructor(
    private readonly db: Db,
    private readonly history: History,
  ) {}

  /** Every saved search with its live count; one whose query no longer parses says why. */
  list(): SavedSearchInfo[] {
    const rows = listSavedSearches(this.db);
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
    const row = savedSearchById(this.db, id);
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
      position: nextSavedPosition(this.db),
      created_at: new Date().toISOString(),
    };
    row.id = insertSavedSearch(this.db, row);
    const label = `Save search "${name}"`;
    this.history.record({ label, undo: () => deleteSavedSearch(this.db, row.id), redo: () => insertSavedSearch(this.db, row) });
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
    const set = (r: SavedRow) => updateSavedSearch(this.db, id, r);
    set(after);
    const label = `Edit saved search "${after.name}"`;
    this.history.record({ label, undo: () => set(before), redo: () => set(after) });
    return { changed: 0, label };
  }

  delete(id: number): Applied {
    const row = this.get(id);
    deleteSavedSearch(this.db, id);
    const label = `Delete saved search "${row.name}"`;
    this.history.record({ label, undo: () => insertSavedSearch(this.db, row), redo: () => deleteSavedSearch(this.db, id) });
    return { changed: 0, label };
  }

  private unique(name: string, except?: number): void {
    const clash = savedSearchNamed(this.db, name);
    if (clash && clash.id !== except) throw new ServiceError('conflict', `A saved search named "${clash.name}" already exists`);
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
