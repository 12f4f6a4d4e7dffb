import type { Db } from '../db/connection.js';
import { ServiceError } from '../errors.js';
import type { CollectionInfo, Target } from '../../../shared/types.js';
import type { History } from './history.js';
import { checkName } from './names.js';
import type { Applied } from './tags.js';
import { plural, resolveTarget } from './targets.js';

interface CollectionRow {
  id: number;
  name: string;
  position: number;
  created_at: string;
}
type Item = [articleId: number, position: number, addedAt: string];

/** Manual collections: named, ordered sets of articles. Every edit is undoable. */
export class CollectionOps {
  constructor(
    private readonly db: Db,
    private readonly history: History,
  ) {}

  list(): CollectionInfo[] {
    return this.db
      .prepare(
        `SELECT c.id, c.name, (SELECT count(*) FROM collection_items i WHERE i.collection_id = c.id) AS count
           FROM collections c ORDER BY c.position, c.name COLLATE NOCASE`,
      )
      .all() as CollectionInfo[];
  }

  /** The collection's article ids in the person's order. */
  articleIds(id: number): number[] {
    this.require(id);
    return this.db.prepare('SELECT article_id FROM collection_items WHERE collection_id = ? ORDER BY position').pluck().all(id) as number[];
  }

  create(rawName: string): Applied & { id: number } {
    const name = checkName('collection', rawName);
    this.unique(name);
    const row: CollectionRow = {
      id: 0,
      name,
      position: (this.db.prepare('SELECT coalesce(max(position), 0) + 1 FROM collections').pluck().get() as number) ?? 1,
      created_at: new Date().toISOString(),
    };
    row.id = this.insert(row);
    const label = `Create collection "${name}"`;
    this.history.record({ label, undo: () => this.drop(row.id), redo: () => this.insert(row) });
    return { id: row.id, changed: 0, label };
  }

  rename(id: number, rawName: string): Applied {
    const row = this.require(id);
    const name = checkName('collection', rawName);
    this.unique(name, id);
    const set = (n: string) => this.db.prepare('UPDATE collections SET name = ? WHERE id = ?').run(n, id);
    set(name);
    const label = `Rename collection "${row.name}" to "${name}"`;
    this.history.record({ label, undo: () => set(row.name), redo: () => set(name) });
    return { changed: 0, label };
  }

  delete(id: number): Applied {
    const row = this.require(id);
    const items = this.items(id);
    this.drop(id);
    const label = `Delete collection "${row.name}"`;
    this.history.record({
      label,
      undo: () => {
        this.insert(row);
        this.putItems(id, items);
      },
      redo: () => this.drop(id),
    });
    return { changed: items.length, label };
  }

  /** Appends articles not yet in the collection, in the target's order (ids as given; queries by date). */
  add(id: number, target: Target): Applied {
    const row = this.require(id);
    return this.db.transaction(() => {
      const ids = 'ids' in target ? orderedExisting(target.ids, resolveTarget(this.db, target)) : this.byDate(resolveTarget(this.db, target));
      const present = new Set(this.items(id).map(([articleId]) => articleId));
      let position = (this.db.prepare('SELECT coalesce(max(position), 0) FROM collection_items WHERE collection_id = ?').pluck().get(id) as number) ?? 0;
      const now = new Date().toISOString();
      const added: Item[] = ids.filter((a) => !present.has(a)).map((a) => [a, ++position, now]);
      this.putItems(id, added);
      const label = `Add ${plural(added.length, 'article')} to "${row.name}"`;
      this.history.record({ label, undo: () => this.removeItems(id, added), redo: () => this.putItems(id, added) });
      return { changed: added.length, label };
    })();
  }

  /** Takes out every article of the target that is in the collection (all of a query's matches). */
  remove(id: number, target: Target): Applied {
    const row = this.require(id);
    return this.db.transaction(() => {
      const wanted = new Set(resolveTarget(this.db, target));
      const removed = this.items(id).filter(([a]) => wanted.has(a));
      this.removeItems(id, removed);
      const label = `Remove ${plural(removed.length, 'article')} from "${row.name}"`;
      this.history.record({ label, undo: () => this.putItems(id, removed), redo: () => this.removeItems(id, removed) });
      return { changed: removed.length, label };
    })();
  }

  /** Moves articles (keeping their relative order) to just before `beforeId`, or to the end. */
  move(id: number, articleIds: number[], beforeId: number | null): Applied {
    const row = this.require(id);
    return this.db.transaction(() => {
      const before = this.items(id);
      const moving = new Set(articleIds);
      const rest = before.filter(([a]) => !moving.has(a)).map(([a]) => a);
      const moved = before.filter(([a]) => moving.has(a)).map(([a]) => a);
      const at = beforeId === null ? rest.length : rest.indexOf(beforeId);
      if (at < 0) throw new ServiceError('bad-request', `Article ${beforeId} is not in "${row.name}"`);
      const order = [...rest.slice(0, at), ...moved, ...rest.slice(at)];
      const added = new Map(before.map(([a, , t]) => [a, t]));
      const after: Item[] = order.map((a, i) => [a, i + 1, added.get(a)!]);
      const apply = (items: Item[]) => {
        this.removeItems(id, items);
        this.putItems(id, items);
      };
      apply(after);
      const label = `Reorder "${row.name}"`;
      this.history.record({ label, undo: () => apply(before), redo: () => apply(after) });
      return { changed: moved.length, label };
    })();
  }

  private require(id: number): CollectionRow {
    const row = this.db.prepare('SELECT id, name, position, created_at FROM collections WHERE id = ?').get(id) as CollectionRow | undefined;
    if (!row) throw new ServiceError('not-found', `No collection with id ${id}`);
    return row;
  }

  private unique(name: string, except?: number): void {
    const clash = this.db.prepare('SELECT id, name FROM collections WHERE name = ?').get(name) as { id: number; name: string } | undefined;
    if (clash && clash.id !== except) throw new ServiceError('conflict', `A collection named "${clash.name}" already exists`);
  }

  private insert(row: CollectionRow): number {
    const info = this.db
      .prepare('INSERT INTO collections (id, name, position, created_at) VALUES (?, ?, ?, ?)')
      .run(row.id || null, row.name, row.position, row.created_at);
    return Number(info.lastInsertRowid);
  }

  private drop(id: number): void {
    this.db.prepare('DELETE FROM collections WHERE id = ?').run(id);
  }

  private items(id: number): Item[] {
    return this.db
      .prepare('SELECT article_id, position, added_at FROM collection_items WHERE collection_id = ? ORDER BY position')
      .raw()
      .all(id) as Item[];
  }

  private putItems(id: number, items: Item[]): void {
    if (items.length === 0) return;
    this.db
      .prepare(
        `INSERT OR REPLACE INTO collection_items (collection_id, article_id, position, added_at)
         SELECT ?, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`,
      )
      .run(id, JSON.stringify(items));
  }

  private removeItems(id: number, items: Item[]): void {
    if (items.length === 0) return;
    this.db
      .prepare('DELETE FROM collection_items WHERE collection_id = ? AND article_id IN (SELECT value ->> 0 FROM json_each(?))')
      .run(id, JSON.stringify(items));
  }

  private byDate(ids: number[]): number[] {
    return this.db
      .prepare('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY date DESC, id DESC')
      .pluck()
      .all(JSON.stringify(ids)) as number[];
  }
}

/** The given ids in the given order, without duplicates or ids that do not exist. */
function orderedExisting(given: number[], existing: number[]): number[] {
  const ok = new Set(existing);
  return [...new Set(given)].filter((id) => ok.has(id));
}
