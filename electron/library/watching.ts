import { existsSync } from 'node:fs';
import type { LibraryEvent } from '../../shared/api.js';
import type { FolderInfo } from '../../shared/types.js';
import type { Db } from './db/connection.js';
import { listFolders } from './db/queries/folders.js';
import type { ImportJobs } from './importJobs.js';
import { FolderWatcher } from './watch/folderWatcher.js';

/**
 * Keeps watched folders in step with the library: a change on disk becomes an
 * (incremental) import through the same job queue as a person's import.
 */
export class Watching {
  private readonly watcher: FolderWatcher;

  private startTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    jobs: ImportJobs,
    private readonly emit: (event: LibraryEvent) => void,
    delayMs = 0,
  ) {
    this.watcher = new FolderWatcher({
      reimport: async (folder) => jobs.ended(jobs.start([folder])),
      onStatus: (folder, status) => {
        const info = this.folders().find((f) => f.path === folder);
        if (info) this.emit({ type: 'folder-status', folderId: info.id, path: folder, status });
      },
      onError: () => {}, // failures show in the import report; a watch fallback is not the person's problem
    });
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
    if (folder) await (watched ? this.watcher.add(folder.path, { catchUp: true }) : this.watcher.remove(folder.path));
    return this.folders().find((f) => f.id === id);
  }

  close(): Promise<void> {
    if (this.startTimer) clearTimeout(this.startTimer);
    return this.watcher.close();
  }
}
