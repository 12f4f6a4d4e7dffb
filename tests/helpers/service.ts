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
