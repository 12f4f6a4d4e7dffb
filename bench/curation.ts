/** Curation at scale: bulk tag, undo, rename, merge and sidebar counts on a bench library. */
import { createLibraryService } from '../electron/library/service.js';

const ms = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return +(performance.now() - started).toFixed(1);
};

export async function runCuration(dbPath: string) {
  const service = createLibraryService({ dbPath });
  const { api } = service;
  try {
    // About 10,000 of 100,000 articles: one source out of twelve, weighted.
    const query = 'source:"Tech Herald" OR source:"Policy Review"';
    const matching = (await api.articles.search({ query, limit: 1 })).total;
    const tag = await ms(() => api.tags.add({ name: 'bench/bulk', target: { query } }));
    const undo = await ms(() => api.history.undo({}));
    const redo = await ms(() => api.history.redo({}));
    const rename = await ms(() => api.tags.rename({ from: 'bench', to: 'bench2' }));
    await api.tags.add({ name: 'bench-other', target: { query: 'source:"Civic Tribune"' } });
    const merge = await ms(() => api.tags.merge({ from: 'bench-other', into: 'bench2/bulk' }));
    const counts = await ms(async () => {
      await api.library.counts({});
      await api.tags.list({});
      await api.saved.list({});
      await api.collections.list({});
    });
    const star = await ms(() => api.articles.setStarred({ target: { query }, starred: true }));
    // Leave the library as it was for the next run.
    for (let i = 0; i < 5; i++) await api.history.undo({});
    return { matching, tagMs: tag, undoMs: undo, redoMs: redo, renameMs: rename, mergeMs: merge, sidebarCountsMs: counts, starMs: star };
  } finally {
    service.close();
  }
}
