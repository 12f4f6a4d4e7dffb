import { existsSync } from 'node:fs';
import type { LibraryEvent } from '../../shared/api.js';
import type { FolderInfo } from '../../shared/types.js';
import type { Db } from './db/connection.js';
import { listFolders } from './db/queries/folders.js';
import type { ImportJobs } from './importJobs.js';
import { existsSync as fileExists } from 'node:fs';
import { join } from 'node:path';
import { FolderWatcher } from './watch/folderWatcher.js';
import { RemoteWatcher, type Watcher } from './watch/remoteWatcher.js';

/**
 * Keeps watched folders in step with the library: a change on disk becomes an
 * (incremental) import through the same job queue as a person's import.
 */
export class Watching {
  private readonly watcher: Watcher;

  private startTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    jobs: ImportJobs,
    private readonly emit: (event: LibraryEvent) => void,
    delayMs = 0,
    workerDir: string | null = null,
  ) {
    const options = {
      reimport: async (folder: string) => jobs.ended(jobs.start([folder])),
      onStatus: (folder: string, status: 'online' | 'offline') => {
        const info = this.folders().find((f) => f.path === folder);
        if (info) this.emit({ type: 'folder-status', folderId: info.id, path: folder, status });
      },
      onError: () => {}, // failures show in the import report; a watch fallback is not the person's problem
    };
    // With the built bundles (app, browser mode) the watcher runs on its own thread.
    const script = workerDir ? join(workerDir, 'watchWorker.cjs') : null;
    this.watcher = script && fileExists(script) ? new RemoteWatcher(script, options) : inProcess(new FolderWatcher(options));
    const start = () => {
      for (const folder of this.folders()) if (folder.watched) void this.watcher.add(folder.path, { catchUp: true });
    };
    if (delayMs > 0) this.startTimer = setTimeout(start, delayMs);
    else start();
    // A folder imported for the first time is watched from then on (unless turned off).
    jobs.onFinished = () => {
      for (const folder of this.folders()) if (folder.watched && this.watcher.status(folder.path) === undefined) void this.watcher.add(folder.path);
    };
  }

  folders(): FolderInfo[] {
    return listFolders(this.db, (path) => this.watcher.status(path) ?? (existsSync(path) ? 'online' : 'offline'));
  }

  async setWatched(id: number, watched: boolean): Promise<FolderInfo | undefined> {
    this.db.prepare('UPDATE folders SET watched = ? WHERE id = ?').run(watched ? 1 : 0, id);
    const folder = this.folders().find((f) => f.id === id);
    if (folder) {
      if (watched) this.watcher.add(folder.path, { catchUp: true });
      else this.watcher.remove(folder.path);
    }
    return this.folders().find((f) => f.id === id);
  }

  close(): Promise<void> {
    if (this.startTimer) clearTimeout(this.startTimer);
    return this.watcher.close();
  }
}

/** The in-process FolderWatcher behind the same small interface (tests from source). */
function inProcess(watcher: FolderWatcher): Watcher {
  return {
    add: (folder, options) => void watcher.add(folder, options),
    remove: (folder) => void watcher.remove(folder),
    status: (folder) => watcher.status(folder),
    close: () => watcher.close(),
  };
}
