import type { Db } from '../db/connection.js';
import {
  collectionArticleIds,
  collectionById,
  collectionItems,
  collectionNamed,
  deleteCollection,
  idsByDate,
  insertCollection,
  lastItemPosition,
  listCollections,
  nextCollectionPosition,
  putCollectionItems,
  removeCollectionItems,
  renameCollection,
  type CollectionItem,
  type CollectionRow,
} from '../db/queries/collections.js';
import { ServiceError } from '../errors.js';
import type { CollectionInfo, Target } from '../../../shared/types.js';
import type { History } from './history.js';
import { checkName } from './names.js';
import type { Applied } from './tags.js';
import { plural, resolveTarget } from './targets.js';

/** Manual collections: named, ordered sets of articles. Every edit is undoable. */
export class CollectionOps {
  constructor(
    private readonly db: Db,
    private readonly history: History,
  ) {}

  list(): CollectionInfo[] {
    return listCollections(this.db);
  }

  /** The collection's article ids in the person's order. */
  articleIds(id: number): number[] {
    this.require(id);
    return collectionArticleIds(this.db, id);
  }

  create(rawName: string): Applied & { id: number } {
    const name = checkName('collection', rawName);
    this.unique(name);
    const row: CollectionRow = {
      id: 0,
      name,
      position: nextCollectionPosition(this.db) ?? 1,
      created_at: new Date().toISOString(),
    };
    row.id = insertCollection(this.db, row);
    const label = `Create collection "${name}"`;
    this.history.record({ label, undo: () => deleteCollection(this.db, row.id), redo: () => insertCollection(this.db, row) });
    return { id: row.id, changed: 0, label };
  }

  rename(id: number, rawName: string): Applied {
    const row = this.require(id);
    const name = checkName('collection', rawName);
    this.unique(name, id);
    const set = (n: string) => renameCollection(this.db, id, n);
    set(name);
    const label = `Rename collection "${row.name}" to "${name}"`;
    this.history.record({ label, undo: () => set(row.name), redo: () => set(name) });
    return { changed: 0, label };
  }

  delete(id: number): Applied {
    const row = this.require(id);
    const items = collectionItems(this.db, id);
    deleteCollection(this.db, id);
    const label = `Delete collection "${row.name}"`;
    this.history.record({
      label,
      undo: () => {
        insertCollection(this.db, row);
        putCollectionItems(this.db, id, items);
      },
      redo: () => deleteCollection(this.db, id),
    });
    return { changed: items.length, label };
  }

  /** Appends articles not yet in the collection, in the target's order (ids as given; queries by date). */
  add(id: number, target: Target): Applied {
    const row = this.require(id);
    return this.db.transaction(() => {
      const ids = 'ids' in target ? orderedExisting(target.ids, resolveTarget(this.db, target)) : idsByDate(this.db, resolveTarget(this.db, target));
      const present = new Set(collectionItems(this.db, id).map(([articleId]) => articleId));
      let position = lastItemPosition(this.db, id) ?? 0;
      const now = new Date().toISOString();
      const added: CollectionItem[] = ids.filter((a) => !present.has(a)).map((a) => [a, ++position, now]);
      putCollectionItems(this.db, id, added);
      const label = `Add ${plural(added.length, 'article')} to "${row.name}"`;
      this.history.record({ label, undo: () => removeCollectionItems(this.db, id, added), redo: () => putCollectionItems(this.db, id, added) });
      return { changed: added.length, label };
    })();
  }

  /** Takes out every article of the target that is in the collection (all of a query's matches). */
  remove(id: number, target: Target): Applied {
    const row = this.require(id);
    return this.db.transaction(() => {
      const wanted = new Set(resolveTarget(this.db, target));
      const removed = collectionItems(this.db, id).filter(([a]) => wanted.has(a));
      removeCollectionItems(this.db, id, removed);
      const label = `Remove ${plural(removed.length, 'article')} from "${row.name}"`;
      this.history.record({ label, undo: () => putCollectionItems(this.db, id, removed), redo: () => removeCollectionItems(this.db, id, removed) });
      return { changed: removed.length, label };
    })();
  }

  /** Moves articles (keeping their relative order) to just before `beforeId`, or to the end. */
  move(id: number, articleIds: number[], beforeId: number | null): Applied {
    const row = this.require(id);
    return this.db.transaction(() => {
      const before = collectionItems(this.db, id);
      const moving = new Set(articleIds);
      const rest = before.filter(([a]) => !moving.has(a)).map(([a]) => a);
      const moved = before.filter(([a]) => moving.has(a)).map(([a]) => a);
      const at = beforeId === null ? rest.length : rest.indexOf(beforeId);
      if (at < 0) throw new ServiceError('bad-request', `Article ${beforeId} is not in "${row.name}"`);
      const order = [...rest.slice(0, at), ...moved, ...rest.slice(at)];
      const added = new Map(before.map(([a, , t]) => [a, t]));
      const after: CollectionItem[] = order.map((a, i) => [a, i + 1, added.get(a)!]);
      const apply = (items: CollectionItem[]) => {
        removeCollectionItems(this.db, id, items);
        putCollectionItems(this.db, id, items);
      };
      apply(after);
      const label = `Reorder "${row.name}"`;
      this.history.record({ label, undo: () => apply(before), redo: () => apply(after) });
      return { changed: moved.length, label };
    })();
  }

  private require(id: number): CollectionRow {
    const row = collectionById(this.db, id);
    if (!row) throw new ServiceError('not-found', `No collection with id ${id}`);
    return row;
  }

  private unique(name: string, except?: number): void {
    const clash = collectionNamed(this.db, name);
    if (clash && clash.id !== except) throw new ServiceError('conflict', `A collection named "${clash.name}" already exists`);
  }
}

/** The given ids in the given order, without duplicates or ids that do not exist. */
function orderedExisting(given: number[], existing: number[]): number[] {
  const ok = new Set(existing);
  return [...new Set(given)].filter((id) => ok.has(id));
}
