/**
 * Worker-thread entry: the folder watcher, off the main event loop. chokidar's initial
 * scan of a 100k-file library is seconds of JavaScript; on the thread that serves the
 * window it stalled page loads for 27 s (measured). Protocol: see remoteWatcher.ts.
 */
import { parentPort } from 'node:worker_threads';
import { FolderWatcher } from './folderWatcher.js';
import type { ToWatcher, FromWatcher } from './remoteWatcher.js';

const post = (msg: FromWatcher) => parentPort!.postMessage(msg);
const waiting = new Map<number, () => void>();
let nextId = 0;

const watcher = new FolderWatcher({
  reimport: (folder) =>
    new Promise<void>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      post({ type: 'reimport', id, folder });
    }),
  onStatus: (folder, status) => post({ type: 'status', folder, status }),
  onError: (folder, error) => post({ type: 'error', folder, message: error.message }),
});

parentPort!.on('message', (msg: ToWatcher) => {
  if (msg.type === 'add') void watcher.add(msg.folder, { catchUp: msg.catchUp });
  else if (msg.type === 'remove') void watcher.remove(msg.folder);
  else if (msg.type === 'reimported') {
    waiting.get(msg.id)?.();
    waiting.delete(msg.id);
  } else if (msg.type === 'close') void watcher.close().then(() => post({ type: 'closed' }));
});
