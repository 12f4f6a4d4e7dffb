/** A browser-mode host on a fresh library for one test, closed (with its library) after it. */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createLibraryService, type LibraryService } from '../../electron/library/service.js';
import { startWebHost, type WebHost, type WebHostOptions } from '../../electron/web/server.js';
import { writeTree } from './articles.js';
import { tempDir } from './tmp.js';

const running: { host: WebHost; service: LibraryService }[] = [];
afterEach(async () => {
  for (const { host, service } of running.splice(0)) {
    await host.close();
    service.close();
  }
});

/** Serves a stub renderer (index.html, assets/app.js); `prepare` fills the library first. */
export async function startTestHost(
  options: Partial<Omit<WebHostOptions, 'service' | 'staticDir'>> & { prepare?: (service: LibraryService) => Promise<void> | void } = {},
): Promise<{ host: WebHost; service: LibraryService }> {
  const { prepare, ...hostOptions } = options;
  const staticDir = tempDir();
  writeTree(staticDir, { 'index.html': '<!doctype html><title>Gleaner</title>', 'assets/app.js': 'console.log(1)' });
  const service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
  await prepare?.(service);
  const host = await startWebHost({ service, staticDir, ...hostOptions });
  running.push({ host, service });
  return { host, service };
}
