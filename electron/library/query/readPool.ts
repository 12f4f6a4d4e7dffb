/**
 * Runs reads (searches, counts, facets) on a small pool of worker threads,
 * each with its own read-only connection, so the service's thread only routes. A request
 * names a lane (the list, the facets): a newer request in the same lane supersedes the older
 * one, which is dropped if still queued or, if running, ended with its worker (a fresh
 * worker takes its place), so a query the person has typed past never holds a worker.
 * A query running past the time limit is ended the same way, and the app carries on.
 */
import { Worker } from 'node:worker_threads';
import type { SearchPage } from '../../../shared/types.js';
import type { SearchRequest } from './search.js';
import type { ReadCall, ReadResults } from './reads.js';
import { QueryError } from './runSql.js';

/** One read sent to a worker: the call's name and arguments (see reads.ts) with the job's id. */
export type ReadRequest = ReadCall & { id: number };

export type ReadReply =
  /** Sent once the worker's connection is open: time limits count from here, not from start-up. */
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; start?: number; end?: number } };

/** Why a request ended without an answer: superseded in its lane, or stopped for time. */
export class ReadAbandoned extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadAbandoned';
  }
}

interface Job {
  id: number;
  read: ReadCall;
  lane: string | null;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export interface ReadPoolOptions {
  /** Worker threads; each holds a connection and its page cache. */
  size?: number;
  /** A query still running after this long is ended (its worker replaced). */
  maxMs?: number;
  /**
   * Where searches go when workers cannot start at all (a missing bundle, a native module
   * that will not load): the service's own thread, so the app still answers.
   */
  fallback?: (read: ReadCall) => unknown;
}

/** Workers that die before they are ready this many times in a row: the pool gives up. */
const START_FAILURES = 3;

export class ReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly lanes = new Map<string, Job>();
  private nextId = 1;
  private closed = false;
  private startFailures = 0;
  /** Why the workers could not start, once the pool has given up on them. */
  private broken: Error | null = null;
  private readonly maxMs: number;
  private readonly fallback: ((read: ReadCall) => unknown) | null;

  constructor(
    private readonly workerFile: string,
    private readonly dbPath: string,
    options: ReadPoolOptions = {},
  ) {
    this.maxMs = options.maxMs ?? 15_000;
    this.fallback = options.fallback ?? null;
    for (let i = 0; i < (options.size ?? 2); i++) this.slots.push(this.spawn());
  }

  /** Runs a search on a worker; `lane` makes a later request in the same lane supersede this one. */
  search(args: SearchRequest, lane: string | null = null): Promise<SearchPage> {
    return this.run({ call: 'search', args }, lane);
  }

  /** Runs any read (search, count, facets, counts) on a worker, in `lane` as search does. */
  run<C extends ReadCall>(read: C, lane: string | null = null): Promise<ReadResults[C['call']]> {
    if (this.closed) return Promise.reject(new ReadAbandoned('the library is closing'));
    if (this.broken) return this.runFallback(read) as Promise<ReadResults[C['call']]>;
    return new Promise<ReadResults[C['call']]>((resolve, reject) => {
      const job: Job = { id: this.nextId++, read, lane, resolve: resolve as (value: unknown) => void, reject };
      if (lane !== null) {
        const previous = this.lanes.get(lane);
        if (previous) this.abandon(previous, 'superseded by a newer request');
        this.lanes.set(lane, job);
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /** Ends every worker; pending requests fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ReadAbandoned('the library is closing'));
    await Promise.all(
      this.slots.map((slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.job?.reject(new ReadAbandoned('the library is closing'));
        slot.job = null;
        return slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.workerFile, { workerData: { dbPath: this.dbPath } }), ready: false, job: null, timer: null };
    slot.worker.on('message', (reply: ReadReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.startFailures = 0;
        this.pump();
      } else this.finish(slot, reply);
    });
    // A worker that dies (out of memory, a crash) fails its job once and is replaced.
    slot.worker.once('error', (error) => this.replace(slot, new Error(`a read worker failed: ${error.message}`)));
    slot.worker.once('exit', () => this.replace(slot, new Error('a read worker stopped unexpectedly')));
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job !== null) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(
        () => this.stop(slot, new ReadAbandoned(`the search took longer than ${this.maxMs / 1000} s and was stopped`)),
        this.maxMs,
      );
      slot.worker.postMessage({ id: job.id, ...job.read } satisfies ReadRequest);
    }
  }

  private finish(slot: Slot, reply: Exclude<ReadReply, { ready: true }>): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    this.release(slot);
    if (reply.ok) job.resolve(reply.value);
    else if (reply.error.name === 'QueryError') job.reject(new QueryError(reply.error.message, reply.error.start ?? 0, reply.error.end ?? 0));
    else job.reject(new Error(reply.error.message));
    this.pump();
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    if (job && job.lane !== null && this.lanes.get(job.lane) === job) this.lanes.delete(job.lane);
  }

  /** Drops a job: from the queue if waiting, else by ending the worker that runs it. */
  private abandon(job: Job, why: string): void {
    const queued = this.queue.indexOf(job);
    if (queued !== -1) {
      this.queue.splice(queued, 1);
      job.reject(new ReadAbandoned(why));
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (slot) this.stop(slot, new ReadAbandoned(why));
  }

  /** Ends a running job with its worker and puts a fresh worker in its place. */
  private stop(slot: Slot, reason: Error): void {
    const job = slot.job;
    this.release(slot);
    job?.reject(reason);
    const index = this.slots.indexOf(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (index !== -1 && !this.closed) this.slots[index] = this.spawn();
    this.pump();
  }

  private replace(slot: Slot, reason: Error): void {
    if (this.closed || this.broken || !this.slots.includes(slot)) return;
    if (!slot.ready && ++this.startFailures >= START_FAILURES) return this.giveUp(reason);
    this.stop(slot, reason);
  }

  /** Workers that cannot start are not restarted for ever: waiting and later searches go to the fallback. */
  private giveUp(reason: Error): void {
    this.broken = reason;
    for (const slot of this.slots) {
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
    }
    for (const job of this.queue.splice(0)) this.runFallback(job.read).then(job.resolve, job.reject);
    this.lanes.clear();
  }

  private runFallback(read: ReadCall): Promise<unknown> {
    if (!this.fallback) return Promise.reject(new Error(`the read workers could not start: ${this.broken!.message}`));
    try {
      return Promise.resolve(this.fallback(read));
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
