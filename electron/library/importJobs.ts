import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportJob, LibraryEvent } from '../../shared/api.js';
import type { ImportProgress, ImportReport } from '../../shared/types.js';
import type { Db } from './db/connection.js';
import { checkFolder, importFolders } from './import/importer.js';

/** Messages from the import worker thread (electron/library/import/importWorker.ts). */
export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport }
  | { type: 'error'; message: string };

export interface ImportWorkerData {
  dbPath: string;
  folders: string[];
  maxFileBytes?: number;
  parseWorkerScript: string;
  parseWorkers: number;
}

interface RunningJob {
  job: ImportJob;
  cancel: () => void;
}

/**
 * Runs imports in the background and keeps their state for `imports.status`.
 *
 * With a built worker bundle (the app, `gleaner serve`) an import runs on its own
 * thread with its own SQLite connection, so the event loop that serves the window
 * never stalls; in tests from source it runs inline on the shared connection.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(
    private readonly db: Db,
    private readonly dbPath: string,
    private readonly emit: (event: LibraryEvent) => void,
    private readonly workerDir: string | null,
  ) {}

  start(folders: string[], maxFileBytes?: number): string {
    folders.forEach(checkFolder); // a missing folder is the caller's error, said at once
    const jobId = randomUUID();
    const job: ImportJob = {
      jobId,
      state: 'running',
      progress: { phase: 'scanning', filesDone: 0, filesTotal: 0, currentFile: null },
      report: null,
      error: null,
    };
    const onProgress = (progress: ImportProgress) => {
      job.progress = progress;
      this.emit({ type: 'import-progress', jobId, progress });
    };
    const finish = (report: ImportReport | null, error: string | null) => {
      job.report = report;
      job.error = error;
      job.state = error ? 'failed' : report?.cancelled ? 'cancelled' : 'done';
      this.emit({ type: 'import-finished', job: { ...job } });
      this.emit({ type: 'library-changed' });
    };
    const script = this.workerDir ? join(this.workerDir, 'importWorker.cjs') : null;
    const cancel =
      script && existsSync(script) && this.dbPath !== ':memory:'
        ? this.runOnWorker(script, folders, maxFileBytes, onProgress, finish)
        : this.runInline(folders, maxFileBytes, onProgress, finish);
    this.jobs.set(jobId, { job, cancel });
    return jobId;
  }

  cancel(jobId: string): boolean {
    const running = this.jobs.get(jobId);
    if (!running || running.job.state !== 'running') return false;
    running.cancel();
    return true;
  }

  status(jobId: string): ImportJob | undefined {
    const running = this.jobs.get(jobId);
    return running ? { ...running.job } : undefined;
  }

  private runInline(
    folders: string[],
    maxFileBytes: number | undefined,
    onProgress: (p: ImportProgress) => void,
    finish: (r: ImportReport | null, e: string | null) => void,
  ): () => void {
    const controller = new AbortController();
    importFolders(this.db, folders, { maxFileBytes, signal: controller.signal, onProgress }).then(
      (report) => finish(report, null),
      (error: Error) => finish(null, error.message),
    );
    return () => controller.abort();
  }

  private runOnWorker(
    script: string,
    folders: string[],
    maxFileBytes: number | undefined,
    onProgress: (p: ImportProgress) => void,
    finish: (r: ImportReport | null, e: string | null) => void,
  ): () => void {
    const workerData: ImportWorkerData = {
      dbPath: this.dbPath,
      folders,
      maxFileBytes,
      parseWorkerScript: join(this.workerDir!, 'parseWorker.cjs'),
      parseWorkers: 1,
    };
    const worker = new Worker(script, { workerData });
    let ended = false;
    worker.on('message', (msg: ImportWorkerMessage) => {
      if (msg.type === 'progress') onProgress(msg.progress);
      else if (!ended) {
        ended = true;
        if (msg.type === 'done') finish(msg.report, null);
        else finish(null, msg.message);
      }
    });
    worker.on('error', (error) => {
      if (!ended) finish(null, error.message);
      ended = true;
    });
    worker.on('exit', () => {
      if (!ended) finish(null, 'the import stopped unexpectedly');
      ended = true;
    });
    return () => worker.postMessage('cancel');
  }
}
