import type { LibraryApi, LibraryEvent } from '../../../shared/api.js';
import type { ChangeResult } from '../../../shared/types.js';
import type { Db } from '../db/connection.js';
import { CollectionOps } from './collections.js';
import { History } from './history.js';
import { SavedSearchOps } from './savedSearches.js';
import { StateOps } from './state.js';
import { TagOps, type Applied } from './tags.js';
import { StoryOps } from '../stories/storyOps.js';

type CurationApi = Pick<LibraryApi, 'tags' | 'collections' | 'saved' | 'history' | 'stories'> &
  Pick<LibraryApi['articles'], 'setRead' | 'setStarred' | 'markOpened' | 'setNote'>;

/** The curation half of the contract: tags, read/star/notes, collections, saved searches, stories, undo. */
export function curationHandlers(
  db: Db,
  emit: (event: LibraryEvent) => void,
): {
  api: CurationApi;
  ops: { collections: CollectionOps; saved: SavedSearchOps; history: History; done: <T extends Applied>(result: T) => T & ChangeResult };
} {
  const history = new History(db);
  const tags = new TagOps(db, history);
  const state = new StateOps(db, history);
  const collections = new CollectionOps(db, history);
  const saved = new SavedSearchOps(db, history);
  const stories = new StoryOps(db, history);
  const changed = () => emit({ type: 'curation-changed', history: history.state() });
  /** Every change answers with what it did and the undo state, and tells every window. */
  const done = <T extends Applied>(result: T): T & ChangeResult => {
    changed();
    return { ...result, history: history.state() };
  };

  const api: CurationApi = {
    setRead: async ({ target, read }) => done(state.setRead(target, read)),
    setStarred: async ({ target, starred }) => done(state.setStarred(target, starred)),
    markOpened: async ({ id }) => {
      const result = state.markOpened(id);
      if (result) changed();
      return { changed: result };
    },
    setNote: async ({ id, note }) => done(state.setNote(id, note)),
    tags: {
      list: async () => tags.list(),
      add: async ({ name, target }) => done(tags.add(name, target)),
      remove: async ({ name, target }) => done(tags.remove(name, target)),
      rename: async ({ from, to }) => done(tags.rename(from, to)),
      merge: async ({ from, into }) => done(tags.merge(from, into)),
      recolor: async ({ name, color }) => done(tags.recolor(name, color)),
      delete: async ({ name }) => done(tags.delete(name)),
    },
    collections: {
      list: async () => collections.list(),
      articleIds: async ({ id }) => collections.articleIds(id),
      create: async ({ name }) => done(collections.create(name)),
      rename: async ({ id, name }) => done(collections.rename(id, name)),
      delete: async ({ id }) => done(collections.delete(id)),
      add: async ({ id, target }) => done(collections.add(id, target)),
      remove: async ({ id, target }) => done(collections.remove(id, target)),
      move: async ({ id, articleIds, beforeId }) => done(collections.move(id, articleIds, beforeId)),
    },
    saved: {
      list: async () => saved.list(),
      create: async ({ name, query, sort }) => done(saved.create(name, query, sort ?? 'date-desc')),
      update: async ({ id, ...changes }) => done(saved.update(id, changes)),
      delete: async ({ id }) => done(saved.delete(id)),
    },
    stories: {
      members: async ({ id }) => stories.members(id),
      compare: async ({ id, otherId }) => stories.compare(id, otherId),
      list: async ({ query = '', offset = 0, limit = 50 }) => stories.list(query, offset, limit),
      split: async ({ id }) => done(stories.split(id)),
      merge: async ({ id, into }) => done(stories.merge(id, into)),
    },
    history: {
      undo: async () => {
        const undone = history.undo();
        changed();
        return { undone, history: history.state() };
      },
      redo: async () => {
        const redone = history.redo();
        changed();
        return { redone, history: history.state() };
      },
      state: async () => history.state(),
    },
  };
  return { api, ops: { collections, saved, history, done } };
}
