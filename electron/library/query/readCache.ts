/**
 * Counts and facets, remembered for the library's current state, so scrolling a list
 * (a search at a higher offset), re-opening a query, the sidebar's parent-tag counts and
 * the export dialog's count never recount what was just counted.
 *
 * An entry's key is the call, the query as compiled (the same SQL and values whatever the
 * spacing or order it was typed in) and its options. Every entry belongs to one state of
 * the library, read on the service's (writer's) connection before each call:
 * - `PRAGMA data_version` moves when ANY OTHER connection commits: the import workers, a
 *   `gleaner import` in a terminal, a second app. It never moves for this connection's own
 *   commits, so on its own it would miss every tag, star and note;
 * - `total_changes()` counts the rows this connection has changed since it opened: every
 *   curation write, undo, folder label, and imports run on this thread.
 * Together they move on any write from anywhere, and the cache is emptied when they do.
 * Reading both costs a few microseconds; a count of a common word costs milliseconds.
 * The read workers cannot write (read-only connections), so they never move either.
 */
import type { Db } from '../db/connection.js';
import type { Facets, SearchPage } from '../../../shared/types.js';
import type { ReadCall, ReadResults } from './reads.js';
import type { SearchRequest } from './search.js';
import { compileRead } from './reads.js';

/** Runs a read (on a worker, or on the service's thread when there are none). */
export type ReadRunner = <C extends ReadCall>(read: C, lane: string | null) => Promise<ReadResults[C['call']]>;

/** Entries kept per state; a facets answer is a few kilobytes, a count a number. */
const MAX_ENTRIES = 400;

interface Entry<T> {
  /** Shared by callers asking the same thing at once, so a burst runs it once. */
  promise: Promise<T>;
  /** Set once answered: a search may then take its total without waiting. */
  value?: T;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private state = '';
  private readonly dataVersion;
  private readonly totalChanges;
  /** How many reads reached the runner (for tests and the bench: a hit does not add one). */
  reads = 0;

  constructor(
    db: Db,
    private readonly runner: ReadRunner,
  ) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.totalChanges = db.prepare('SELECT total_changes()').pluck();
  }

  /** The list's page; its total (and facets, when asked) come from the cache when known. */
  async search(args: SearchRequest, lane: string | null): Promise<SearchPage> {
    this.checkState();
    const query = queryKey(args.query, args.onePerStory ?? false);
    const total = this.settled<number>(`count\u0000${query}`);
    const knownFacets = args.facets ? this.settled<Facets>(`facets\u0000${query}`) : undefined;
    const request: SearchRequest = { ...args, knownTotal: total, facets: args.facets && knownFacets === undefined };
    const state = this.state;
    const page = await this.run({ call: 'search', args: request }, lane);
    if (state === this.state) {
      if (total === undefined) this.remember(`count\u0000${query}`, page.total);
      if (page.facets) this.remember(`facets\u0000${query}`, page.facets);
    }
    return knownFacets ? { ...page, facets: knownFacets } : page;
  }

  count(query: string, onePerStory = false): Promise<number> {
    this.checkState();
    return this.cached(`count\u0000${queryKey(query, onePerStory)}`, () => this.run({ call: 'count', args: { query, onePerStory } }, null));
  }

  /** Facets run in the facets lane: a newer facets call supersedes one still waiting or running. */
  facets(query: string, onePerStory = false): Promise<Facets> {
    this.checkState();
    return this.cached(`facets\u0000${queryKey(query, onePerStory)}`, () => this.run({ call: 'facets', args: { query, onePerStory } }, 'facets'));
  }

  /** Counts for several queries: what is cached is answered at once, the rest in one read. */
  async counts(queries: string[]): Promise<number[]> {
    this.checkState();
    const keys = queries.map((q) => `count\u0000${queryKey(q, false)}`);
    const missing = [...new Set(keys.filter((k) => !this.entries.has(k)))];
    if (missing.length > 0) {
      const byKey = new Map(keys.map((k, i) => [k, queries[i]!]));
      const batch = this.run({ call: 'counts', args: { queries: missing.map((k) => byKey.get(k)!) } }, null);
      missing.forEach((key, i) =>
        this.store(
          key,
          batch.then((all) => all[i]!),
        ),
      );
    }
    return Promise.all(keys.map((k) => this.entries.get(k)!.promise as Promise<number>));
  }

  private run<C extends ReadCall>(read: C, lane: string | null): Promise<ReadResults[C['call']]> {
    this.reads++;
    return this.runner(read, lane);
  }

  /** Empties the cache when anything was written since the last call, here or elsewhere. */
  private checkState(): void {
    const now = `${this.dataVersion.get()}/${this.totalChanges.get()}`;
    if (now === this.state) return;
    this.state = now;
    this.entries.clear();
  }

  private cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, hit);
      return hit.promise as Promise<T>;
    }
    return this.store(key, compute());
  }

  private store<T>(key: string, promise: Promise<T>): Promise<T> {
    const entry: Entry<T> = { promise };
    const state = this.state;
    this.entries.set(key, entry);
    promise.then(
      (value) => (entry.value = value),
      // A failed or superseded read is not an answer: the next caller asks again.
      () => state === this.state && this.entries.get(key) === entry && this.entries.delete(key),
    );
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return promise;
  }

  private remember(key: string, value: unknown): void {
    this.store(key, Promise.resolve(value));
    (this.entries.get(key) as Entry<unknown>).value = value;
  }

  private settled<T>(key: string): T | undefined {
    return this.entries.get(key)?.value as T | undefined;
  }
}

/**
 * The query as compiled: two spellings of one search share an entry. Compiling is pure
 * (no dates relative to today), and a bad query throws its QueryError here as it would
 * on a worker.
 */
function queryKey(query: string, onePerStory: boolean): string {
  // One row per story compiles to a different condition, so its counts get their own entries.
  const { where, params } = compileRead(query, onePerStory);
  return JSON.stringify([where, params]);
}
