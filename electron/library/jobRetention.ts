/**
 * How long finished import and export jobs are kept for `status`. A long-running app or
 * `gleaner serve` starts jobs for weeks (the folder watcher starts one per change), and each
 * ended job holds its report: without pruning the maps only grow.
 *
 * A finished job stays readable `keepMs` after it ended, or `afterReadMs` after its result was
 * first read (a page polls once more after the event; a second reader may be a moment late),
 * whichever comes first; and no more than `maxKept` finished jobs are kept (the oldest go
 * first). Running jobs are never pruned. Pruning happens when jobs are started, read or end,
 * so no timer outlives the service.
 */

export interface RetentionOptions {
  keepMs: number;
  afterReadMs: number;
  maxKept: number;
  /** The clock (tests pass a fake one). */
  now: () => number;
}

export const DEFAULT_RETENTION: RetentionOptions = { keepMs: 10 * 60_000, afterReadMs: 60_000, maxKept: 100, now: Date.now };

export class JobRetention {
  private readonly options: RetentionOptions;
  /** Finished jobs → when they may be dropped, in the order they ended. */
  private readonly expiries = new Map<string, number>();

  /** `forget` drops a job from its owner's maps. */
  constructor(
    private readonly forget: (jobId: string) => void,
    options: Partial<RetentionOptions> = {},
  ) {
    this.options = { ...DEFAULT_RETENTION, ...options };
  }

  /** A job ended: it is kept for a while from now. */
  ended(jobId: string): void {
    this.expiries.set(jobId, this.options.now() + this.options.keepMs);
    this.prune();
  }

  /** A job's state was read: a finished one is kept a short while more at most. */
  read(jobId: string): void {
    const expiry = this.expiries.get(jobId);
    if (expiry !== undefined) this.expiries.set(jobId, Math.min(expiry, this.options.now() + this.options.afterReadMs));
    this.prune();
  }

  /** Drops what has expired and the oldest beyond `maxKept`. */
  prune(): void {
    const now = this.options.now();
    let excess = this.expiries.size - this.options.maxKept;
    for (const [jobId, expiry] of this.expiries) {
      if (excess-- > 0 || expiry <= now) {
        this.expiries.delete(jobId);
        this.forget(jobId);
      }
    }
  }
}
