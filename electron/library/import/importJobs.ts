import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportJob, LibraryEvent } from '../../../shared/api.js';
import type { ImportProgress, ImportReport } from '../../../shared/types.js';
import type { Db } from '../db/connection.js';
import { checkFolder, emptyReport, importFolders, importHeapMb } from './importer.js';
import { JobRetention, type RetentionOptions } from '../jobRetention.js';

/** What one import job reads: the folders, and the options the importer and its worker both take. */
interface ImportRequest {
  folders: string[];
  maxFileBytes: number | undefined;
  only: Record<string, string[]> | undefined;
}

/** A started import, inline or on its worker: its report when it ends, and how to stop it. */
interface ImportRun {
  done: Promise<ImportReport>;
  cancel: () => void;
}

/** Messages from the import worker thread (electron/library/import/importWorker.ts). */
export type ImportWorkerMessage =
  { type: 'progress'; progress: ImportProgress } | { type: 'done'; report: ImportReport } | { type: 'error'; message: string };

export interface ImportWorkerData {
  dbPath: string;
  folders: string[];
  maxFileBytes?: number;
  /** See ImportOptions.only. */
  only?: Record<string, string[]>;
  parseWorkerScript: string;
  parseWorkers: number;
  /** See ImportOptions.stories (the benchmark turns grouping off to measure its cost). */
  stories?: boolean;
}

interface RunningJob {
  job: ImportJob;
  cancel: () => void;
}

/**
 * Runs imports in the background and keeps their state for `imports.status`.
 *
 * With a built worker bundle (the app, `gleaner serve`, `gleaner import`) an import runs
 * on its own thread with its own SQLite connection, so the event loop that serves the
 * window never stalls; in tests from source it runs inline on the shared connection.
 * This is the one place that chooses.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, RunningJob>();
  /** Imports run one after another: SQLite has one writer, and two would only contend. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Resolves when a job ends (the watcher waits on this before importing a folder again). */
  private readonly endings = new Map<string, Promise<ImportJob>>();

  /** Finished jobs are dropped after a while (jobRetention.ts). */
  private readonly retention: JobRetention;
  /** Parse threads per import on a worker (`gleaner import --workers`). */
  private readonly parseWorkers: number;

  constructor(
    private readonly db: Db,
    private readonly dbPath: string,
    private readonly emit: (event: LibraryEvent) => void,
    private readonly workerDir: string | null,
    { parseWorkers = 1, ...retention }: Partial<RetentionOptions> & { parseWorkers?: number } = {},
  ) {
    this.parseWorkers = parseWorkers;
    this.retention = new JobRetention((jobId) => {
      this.jobs.delete(jobId);
      this.endings.delete(jobId);
    }, retention);
  }

  /** `only` limits a folder's import to some paths (the watcher's reports; see ImportOptions.only). */
  start(folders: string[], maxFileBytes?: number, only?: Record<string, string[]>): string {
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
    let signalEnd: (job: ImportJob) => void = () => {};
    this.endings.set(jobId, new Promise((resolve) => (signalEnd = resolve)));
    const running: RunningJob = { job, cancel: () => (cancelledEarly = true) };
    let cancelledEarly = false;
    this.jobs.set(jobId, running);
    this.queue = this.queue.then(
      () =>
        new Promise<void>((resolve) => {
          const finish = (report: ImportReport | null, error: string | null) => {
            job.report = report;
            job.error = error;
            job.state = error ? 'failed' : report?.cancelled ? 'cancelled' : 'done';
            this.emit({ type: 'import-finished', job: { ...job } });
            // A watcher's catch-up that found nothing new changes nothing on screen: no refresh.
            if (!report || changedAnything(report)) this.emit({ type: 'library-changed' });
            this.onFinished?.(job);
            signalEnd({ ...job });
            this.retention.ended(jobId);
            resolve();
          };
          if (cancelledEarly) return finish({ ...emptyReport(folders), cancelled: true }, null);
          const script = this.workerDir ? join(this.workerDir, 'importWorker.cjs') : null;
          const request = { folders, maxFileBytes, only };
          const run =
            script && existsSync(script) && this.dbPath !== ':memory:'
              ? this.runOnWorker(script, request, onProgress)
              : this.runInline(request, onProgress);
          running.cancel = run.cancel;
          run.done.then(
            (report) => finish(report, null),
            (error: Error) => finish(null, error.message),
          );
        }),
    );
    return jobId;
  }

  /** Whether an import is queued or running (its commits come with their own events). */
  get busy(): boolean {
    for (const { job } of this.jobs.values()) if (job.state === 'running') return true;
    return false;
  }

  /** Called after every job (the service uses it to watch newly imported folders). */
  onFinished?: (job: ImportJob) => void;

  /** Waits for a job to end. */
  ended(jobId: string): Promise<ImportJob> {
    return this.endings.get(jobId) ?? Promise.reject(new Error(`No import job ${jobId}`));
  }

  cancel(jobId: string): boolean {
    const running = this.jobs.get(jobId);
    if (!running || running.job.state !== 'running') return false;
    running.cancel();
    return true;
  }

  /** A job's state; a finished one is forgotten a while after it ended or was read (undefined then). */
  status(jobId: string): ImportJob | undefined {
    this.retention.read(jobId);
    const running = this.jobs.get(jobId);
    return running ? { ...running.job } : undefined;
  }

  private runInline(request: ImportRequest, onProgress: (p: ImportProgress) => void): ImportRun {
    const controller = new AbortController();
    const { folders, maxFileBytes, only } = request;
    const done = importFolders(this.db, folders, { maxFileBytes, only, signal: controller.signal, onProgress });
    return { done, cancel: () => controller.abort() };
  }

  private runOnWorker(script: string, request: ImportRequest, onProgress: (p: ImportProgress) => void): ImportRun {
    return runImportWorker({ script, dbPath: this.dbPath, ...request, workerDir: this.workerDir!, parseWorkers: this.parseWorkers }, onProgress);
  }
}

export interface WorkerImportOptions {
  script: string;
  dbPath: string;
  folders: string[];
  maxFileBytes?: number;
  only?: Record<string, string[]>;
  workerDir: string;
  parseWorkers: number;
  stories?: boolean;
}

/**
 * Runs one import on its own thread (own SQLite connection, capped heap) and resolves
 * with its report. The app, browser mode, the CLI (through ImportJobs) and the benchmark
 * all import this way.
 */
export function runImportWorker(options: WorkerImportOptions, onProgress: (p: ImportProgress) => void): ImportRun {
  const workerData: ImportWorkerData = {
    dbPath: options.dbPath,
    folders: options.folders,
    maxFileBytes: options.maxFileBytes,
    only: options.only,
    parseWorkerScript: join(options.workerDir, 'parseWorker.cjs'),
    parseWorkers: options.parseWorkers,
    stories: options.stories,
  };
  // The capped heap makes V8 collect early (parsed articles stream through at ~12 KB each),
  // sized so the biggest files a parse accepts still fit (see importHeapMb).
  const worker = new Worker(options.script, { workerData, resourceLimits: { maxOldGenerationSizeMb: importHeapMb(options.maxFileBytes) } });
  const done = new Promise<ImportReport>((resolve, reject) => {
    let ended = false;
    worker.on('message', (msg: ImportWorkerMessage) => {
      if (msg.type === 'progress') onProgress(msg.progress);
      else if (!ended) {
        ended = true;
        if (msg.type === 'done') resolve(msg.report);
        else reject(new Error(msg.message));
      }
    });
    worker.on('error', (error) => {
      if (!ended) reject(error);
      ended = true;
    });
    worker.on('exit', () => {
      if (!ended) reject(new Error('the import stopped unexpectedly'));
      ended = true;
    });
  });
  return { done, cancel: () => worker.postMessage('cancel') };
}

/** Whether an import wrote anything a list, a count or a facet could show. */
function changedAnything(report: ImportReport): boolean {
  return report.added + report.updated + report.restored + report.missing > 0;
}
