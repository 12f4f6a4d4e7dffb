import { existsSync } from 'node:fs';
import type { LibraryEvent } from '../../../shared/api.js';
import type { FolderInfo } from '../../../shared/types.js';
import type { Db } from '../db/connection.js';
import { listFolders, setFolderWatched } from '../db/queries/folders.js';
import type { ImportJobs } from '../import/importJobs.js';
import { FolderWatcher } from './folderWatcher.js';

/**
 * Keeps watched folders in step with the library: a change on disk becomes an
 * (incremental) import through the same job queue as a person's import.
 */
export class Watching {
  private readonly watcher: FolderWatcher;
  /** Folders handed to the watcher (its status arrives once its watch is set up). */
  private readonly watched = new Set<string>();

  private startTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    jobs: ImportJobs,
    private readonly emit: (event: LibraryEvent) => void,
    delayMs = 0,
    snapshotDir: string | null = null,
  ) {
    // On the service's thread: @parcel/watcher walks and watches in native threads and
    // hands over batches of events, so there is no JavaScript scan left to move off it.
    this.watcher = new FolderWatcher({
      reimport: async (folder: string, paths: string[] | null) => {
        const job = await jobs.ended(jobs.start([folder], undefined, paths ? { [folder]: paths } : undefined));
        // Not `done`: the folder's snapshot is not updated, so the next start catches up.
        if (job.state !== 'done') throw new Error(`reimport of ${folder} ${job.state}`);
      },
      onStatus: (folder: string, status: 'online' | 'offline') => {
        const info = this.folders().find((f) => f.path === folder);
        if (info) this.emit({ type: 'folder-status', folderId: info.id, path: folder, status });
      },
      onError: () => {}, // failures show in the import report; a watch fallback is not the person's problem
      snapshotDir: snapshotDir ?? undefined,
    });
    const start = () => {
      for (const folder of this.folders()) if (folder.watched) this.watch(folder.path, true);
    };
    if (delayMs > 0)
      this.startTimer = setTimeout(() => {
        this.startTimer = null;
        start();
      }, delayMs);
    else start();
    // A folder imported for the first time is watched from then on (unless turned off). It
    // catches up once the watch is ready: a file written between the end of the import and
    // the watch being ready would otherwise wait for the next start. The catch-up compares
    // the folder with its snapshot, else runs an incremental import (unchanged files unread).
    // Not after a cancelled import: the person stopped it, and the rest waits for them.
    jobs.onFinished = (job) => {
      if (this.startTimer) return; // not started yet: start() takes every folder then
      const catchUp = job.state === 'done';
      for (const folder of this.folders()) if (folder.watched && !this.watched.has(folder.path)) this.watch(folder.path, catchUp);
    };
  }

  folders(): FolderInfo[] {
    return listFolders(this.db, (path) => this.watcher.status(path) ?? (existsSync(path) ? 'online' : 'offline'));
  }

  async setWatched(id: number, watched: boolean): Promise<FolderInfo | undefined> {
    setFolderWatched(this.db, id, watched);
    const folder = this.folders().find((f) => f.id === id);
    if (folder) {
      if (watched) this.watch(folder.path, true);
      else {
        this.watched.delete(folder.path);
        void this.watcher.remove(folder.path);
      }
    }
    return this.folders().find((f) => f.id === id);
  }

  private watch(path: string, catchUp: boolean): void {
    if (this.watched.has(path)) return;
    this.watched.add(path);
    void this.watcher.add(path, { catchUp });
  }

  close(): Promise<void> {
    if (this.startTimer) clearTimeout(this.startTimer);
    return this.watcher.close();
  }
}
