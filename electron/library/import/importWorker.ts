/** Worker-thread entry: one import, on its own SQLite connection, off the UI's event loop. */
import { parentPort, workerData } from 'node:worker_threads';
import { BACKGROUND_BUSY_TIMEOUT_MS, openLibrary } from '../db/connection.js';
import type { ImportWorkerData, ImportWorkerMessage } from './importJobs.js';
import { importFolders } from './importer.js';
import { DEFAULT_MAX_BYTES } from './parseFile.js';
import { workerParseStage } from './parseStage.js';

const data = workerData as ImportWorkerData;
const controller = new AbortController();
parentPort!.on('message', (msg) => {
  if (msg === 'cancel') controller.abort();
});
const post = (msg: ImportWorkerMessage) => parentPort!.postMessage(msg);

async function run(): Promise<void> {
  const db = openLibrary(data.dbPath, { busyTimeoutMs: BACKGROUND_BUSY_TIMEOUT_MS });
  db.pragma('cache_size = -16384'); // 16 MB: the import's working set, not the whole library
  const maxBytes = data.maxFileBytes ?? DEFAULT_MAX_BYTES;
  const stage = workerParseStage(data.parseWorkerScript, data.parseWorkers, maxBytes, {}, data.stories !== false);
  let lastPost = 0;
  try {
    const report = await importFolders(db, data.folders, {
      maxFileBytes: maxBytes,
      only: data.only,
      signal: controller.signal,
      parseStage: stage,
      stories: data.stories,
      onProgress: (progress) => {
        // Progress at most every 50 ms: enough for a smooth bar, cheap for the UI thread.
        const now = Date.now();
        if (now - lastPost >= 50 || progress.phase !== 'importing') {
          lastPost = now;
          post({ type: 'progress', progress });
        }
      },
    });
    post({ type: 'done', report });
  } catch (error) {
    post({ type: 'error', message: (error as Error).message });
  } finally {
    await stage.close();
    db.close();
    parentPort!.close();
  }
}
void run();
