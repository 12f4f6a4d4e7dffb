import { Worker } from 'node:worker_threads';
import type { FolderStatus, FolderWatcherOptions } from './folderWatcher.js';

export type ToWatcher =
  | { type: 'add'; folder: string; catchUp: boolean }
  | { type: 'remove'; folder: string }
  | { type: 'reimported'; id: number }
  | { type: 'close' };

export type FromWatcher =
  | { type: 'reimport'; id: number; folder: string }
  | { type: 'status'; folder: string; status: FolderStatus }
  | { type: 'error'; folder: string; message: string }
  | { type: 'closed' };

/** What the service needs of a watcher, in-process or on a thread. */
export interface Watcher {
  add(folder: string, options?: { catchUp?: boolean }): void;
  remove(folder: string): void;
  status(folder: string): FolderStatus | undefined;
  close(): Promise<void>;
}

/** The FolderWatcher on its own thread (watchWorker.cjs); reimports run here, in the service. */
export class RemoteWatcher implements Watcher {
  private readonly worker: Worker;
  private readonly statuses = new Map<string, FolderStatus>();
  private closing: Promise<void> | null = null;
  private dead = false;

  constructor(script: string, options: Pick<FolderWatcherOptions, 'reimport' | 'onStatus' | 'onError'>) {
    // No heap cap: chokidar's initial scan of a 100k-file library exceeded 256 MB (and a
    // capped worker that dies must not take the service down; see the error handler).
    this.worker = new Worker(script);
    this.worker.unref(); // watching alone never keeps the process alive
    this.worker.on('error', (error) => {
      // The library keeps working without watching; say so for every folder.
      for (const folder of this.statuses.keys()) options.onError?.(folder, new Error(`watching stopped: ${error.message}`));
      this.dead = true;
    });
    this.worker.on('message', (msg: FromWatcher) => {
      if (msg.type === 'reimport') {
        void Promise.resolve(options.reimport(msg.folder))
          .catch((error: Error) => options.onError?.(msg.folder, error))
          .finally(() => this.send({ type: 'reimported', id: msg.id }));
      } else if (msg.type === 'status') {
        this.statuses.set(msg.folder, msg.status);
        options.onStatus?.(msg.folder, msg.status);
      } else if (msg.type === 'error') options.onError?.(msg.folder, new Error(msg.message));
    });
  }

  add(folder: string, options: { catchUp?: boolean } = {}): void {
    this.send({ type: 'add', folder, catchUp: options.catchUp ?? false });
  }

  remove(folder: string): void {
    this.statuses.delete(folder);
    this.send({ type: 'remove', folder });
  }

  status(folder: string): FolderStatus | undefined {
    return this.statuses.get(folder);
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      const done = () => void this.worker.terminate().then(() => resolve(), () => resolve());
      this.worker.on('message', (msg: FromWatcher) => msg.type === 'closed' && done());
      this.send({ type: 'close' });
      setTimeout(done, 2000).unref(); // a watcher mid-scan must not hold shutdown
    });
    return this.closing;
  }

  private send(msg: ToWatcher): void {
    if (!this.dead) this.worker.postMessage(msg);
  }
}
