/**
 * Turns bursts of file events into single runs, one key (folder) at a time.
 *
 * A run starts after `quietMs` without a new touch, or `maxWaitMs` after the first touch
 * of a burst, whichever comes first: a steady trickle of writes (a sync client copying
 * thousands of files) still gets imported every few seconds instead of never. A key
 * never runs twice at once; touches that arrive during a run cause exactly one more run
 * after it, so nothing written during an import is missed.
 */
export interface CoalescerOptions {
  quietMs: number;
  maxWaitMs: number;
  run: (key: string) => Promise<unknown> | unknown;
  /** A run that threw; the coalescer keeps going. */
  onError?: (key: string, error: Error) => void;
}

interface KeyState {
  quiet: ReturnType<typeof setTimeout> | null;
  max: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  /** Touched while running: run again afterwards. */
  again: boolean;
}

export class Coalescer {
  private readonly keys = new Map<string, KeyState>();
  private closed = false;

  constructor(private readonly options: CoalescerOptions) {}

  /** Something changed under `key`. */
  touch(key: string): void {
    if (this.closed) return;
    const state = this.state(key);
    if (state.running) {
      state.again = true;
      return;
    }
    if (state.quiet) clearTimeout(state.quiet);
    state.quiet = setTimeout(() => this.fire(key), this.options.quietMs);
    state.max ??= setTimeout(() => this.fire(key), this.options.maxWaitMs);
  }

  /** Drops what is pending for `key` (a run in progress finishes, without a follow-up). */
  cancel(key: string): void {
    const state = this.keys.get(key);
    if (!state) return;
    this.clearTimers(state);
    state.again = false;
    if (!state.running) this.keys.delete(key);
  }

  /** Whether a run for `key` is waiting or in progress. */
  busy(key: string): boolean {
    const state = this.keys.get(key);
    return !!state && (state.running !== null || state.quiet !== null);
  }

  /** Resolves once no run is waiting or in progress (tests; orderly shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      const pending = [...this.keys.values()];
      if (pending.length === 0) return;
      const running = pending.map((s) => s.running).filter((p): p is Promise<void> => p !== null);
      if (running.length > 0) await Promise.all(running);
      else await new Promise((resolve) => setTimeout(resolve, Math.min(this.options.quietMs, 50)));
    }
  }

  /** Stops scheduling; waits for runs in progress. */
  async close(): Promise<void> {
    this.closed = true;
    for (const key of [...this.keys.keys()]) this.cancel(key);
    await Promise.all([...this.keys.values()].map((s) => s.running));
  }

  private state(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = { quiet: null, max: null, running: null, again: false };
      this.keys.set(key, state);
    }
    return state;
  }

  private clearTimers(state: KeyState): void {
    if (state.quiet) clearTimeout(state.quiet);
    if (state.max) clearTimeout(state.max);
    state.quiet = state.max = null;
  }

  private fire(key: string): void {
    const state = this.keys.get(key);
    if (!state || state.running) return;
    this.clearTimers(state);
    state.running = (async () => {
      try {
        await this.options.run(key);
      } catch (error) {
        this.options.onError?.(key, error instanceof Error ? error : new Error(String(error)));
      }
    })().finally(() => {
      state.running = null;
      if (state.again && !this.closed) {
        state.again = false;
        this.touch(key);
      } else if (!state.quiet) this.keys.delete(key);
    });
  }
}
