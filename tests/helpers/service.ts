import type { ExportJob } from '../../shared/api.js';
import { join } from 'node:path';
import { createLibraryService, type LibraryService } from '../../electron/library/service.js';
import { importFolders } from '../../electron/library/import/importer.js';
import { seedLike, writeTree, type SeedLike } from './articles.js';
import { tempDir } from './tmp.js';

/** A service over a fresh library holding the given articles (file name → article). */
export async function serviceWith(articles: Record<string, SeedLike>): Promise<LibraryService> {
  const folder = tempDir();
  writeTree(folder, Object.fromEntries(Object.entries(articles).map(([file, a]) => [file, seedLike(a)])));
  const service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
  await importFolders(service.db, [folder]);
  return service;
}

/** Ids by title, for readable tests. */
export async function idsByTitle(service: LibraryService): Promise<Record<string, number>> {
  const page = await service.api.articles.search({ query: '', limit: 500 });
  return Object.fromEntries(page.items.map((i) => [i.title, i.id]));
}

/** Waits for an export job to leave `running` (10 s at most) and returns how it ended. */
export async function exportEnded(service: LibraryService, jobId: string): Promise<ExportJob> {
  const until = Date.now() + 10_000;
  for (;;) {
    const job = await service.api.exports.status({ jobId });
    if (job.state !== 'running') return job;
    if (Date.now() > until) throw new Error(`export ${jobId} still running after 10 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
