import type { LibraryApi } from '../../../shared/api.js';
import type { ChangeResult } from '../../../shared/types.js';
import type { Applied } from '../curation/tags.js';
import { HighlightOps } from './highlightOps.js';

/** The `highlights` domain of the contract; `done` records nothing itself: it tells every window and adds the undo state. */
export function highlightsHandlers(ops: HighlightOps, done: <T extends Applied>(result: T) => T & ChangeResult): LibraryApi['highlights'] {
  return {
    forArticle: async ({ id }) => ops.forArticle(id),
    list: async ({ query, offset, limit }) => ops.list(query, offset, limit),
    add: async ({ articleId, anchor, color, note }) => done(ops.add(articleId, anchor, color, note)),
    update: async ({ id, color, note }) => done(ops.update(id, { color, note })),
    delete: async ({ id }) => done(ops.delete(id)),
  };
}
