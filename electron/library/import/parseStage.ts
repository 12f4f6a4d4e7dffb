import { Worker } from 'node:worker_threads';
import type { ScannedFile } from './scan.js';
import type { ParseResult } from './types.js';
import { parseArticleFile } from './parseFile.js';
import { PARSE_HEAP_MB, readScannedFile } from './readScanned.js';

export interface ParsedFile {
  file: ScannedFile;
  result: ParseResult;
}

/** Turns scanned files into parse results: inline, or on worker threads. */
export interface ParseStage {
  parse(files: ScannedFile[]): Promise<ParsedFile[]>;
  close(): Promise<void>;
}

export interface ParseRequest {
  id: number;
  files: ScannedFile[];
  maxBytes: number;
  /** See ParseOptions.stories. */
  stories: boolean;
}

export interface ParseResponse {
  id: number;
  parsed: ParsedFile[];
}

/** Reads and parses one file; a read error becomes a failure with a reason, never a throw. */
export function readAndParse(file: ScannedFile, maxBytes: number, stories = true): ParsedFile {
  const read = readScannedFile(file, maxBytes);
  if ('reason' in read) return { file, result: { ok: false, reason: read.reason } };
  try {
    return { file, result: parseArticleFile(read.bytes, file.relPath, { maxBytes, stories }) };
  } catch (error) {
    // parseArticleFile is meant never to throw; if it does, the file fails, not the import.
    return { file, result: { ok: false, reason: `could not be parsed: ${(error as Error).message}` } };
  }
}

/** Parses on the calling thread: tests, tiny imports, and the watcher's single-file updates. */
export function inlineParseStage(maxBytes: number, stories = true): ParseStage {
  return {
    parse: async (files) => files.map((f) => readAndParse(f, maxBytes, stories)),
    close: async () => {},
  };
}

/**
 * Each parse worker's limits. The old generation is the memory budget readScanned.ts sizes
 * files against; a file that still exhausts it kills only its worker (Node ends a worker at
 * its limit with ERR_WORKER_OUT_OF_MEMORY) and fails alone. The young generation is kept
 * small so V8 collects the high allocation rate of parsing early instead of growing.
 */
export const PARSE_WORKER_LIMITS = { maxOldGenerationSizeMb: PARSE_HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 } as const;

/**
 * Parses on worker threads so reading, front matter, Markdown and text extraction
 * overlap with the single SQLite writer (the largest cost of an import, as measured).
 * Requests go round-robin; results are awaited in order by the importer.
 *
 * A worker that dies (a pathological file exhausting its capped heap) is replaced once
 * (its death fires both `error` and `exit`), and the files it held are retried one at a
 * time, so only the file that kills a worker fails, with a reason, and the import carries
 * on. Every worker this stage starts, replacements and retry workers included, is ended by
 * `close()`, so a finished import always lets its thread exit.
 */
export function workerParseStage(
  workerScript: string,
  workers: number,
  maxBytes: number,
  limits: Partial<typeof PARSE_WORKER_LIMITS> = {},
  stories = true,
): ParseStage {
  let nextId = 0;
  let closed = false;
  type Waiter = { files: ScannedFile[]; resolve: (p: ParsedFile[]) => void };
  type Slot = { worker: Worker; pending: Map<number, Waiter> };
  const live = new Set<Worker>();
  const start = (): Worker => {
    const worker = new Worker(workerScript, { resourceLimits: { ...PARSE_WORKER_LIMITS, ...limits } });
    live.add(worker);
    worker.once('exit', () => live.delete(worker));
    return worker;
  };
  /** Calls `onDeath` once, however many of `error` and `exit` report the death. */
  const onDeath = (worker: Worker, onDeathOnce: (error: Error) => void) => {
    let dead = false;
    const died = (error: Error) => {
      if (dead) return;
      dead = true;
      onDeathOnce(error);
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`parse worker exited with code ${code}`)));
  };
  const spawn = (): Slot => {
    const slot: Slot = { worker: start(), pending: new Map() };
    slot.worker.on('message', (msg: ParseResponse) => {
      const waiter = slot.pending.get(msg.id);
      slot.pending.delete(msg.id);
      waiter?.resolve(msg.parsed);
    });
    onDeath(slot.worker, (error) => {
      const orphans = [...slot.pending.values()];
      slot.pending.clear();
      if (closed) return orphans.forEach((w) => w.resolve(w.files.map((file) => failed(file, 'the import was stopped'))));
      pool[pool.indexOf(slot)] = spawn();
      for (const waiter of orphans) void retrySingly(waiter, error);
    });
    return slot;
  };
  const pool: Slot[] = Array.from({ length: Math.max(1, workers) }, spawn);

  const send = (files: ScannedFile[]): Promise<ParsedFile[]> => {
    if (closed) return Promise.resolve(files.map((file) => failed(file, 'the import was stopped')));
    const id = nextId++;
    const slot = pool[id % pool.length]!;
    return new Promise((resolve) => {
      slot.pending.set(id, { files, resolve });
      slot.worker.postMessage({ id, files, maxBytes, stories } satisfies ParseRequest);
    });
  };

  /** One file on a worker of its own: its result, or the error its worker died of. */
  const parseAlone = (worker: Worker, file: ScannedFile): Promise<ParsedFile | Error> =>
    new Promise((resolve) => {
      const settle = (outcome: ParsedFile | Error) => {
        worker.off('message', onMessage).off('error', settle).off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (msg: ParseResponse) => settle(msg.parsed[0]!);
      const onExit = (code: number) => settle(new Error(`parse worker exited with code ${code}`));
      worker.on('message', onMessage).on('error', settle).on('exit', onExit);
      worker.postMessage({ id: -1, files: [file], maxBytes, stories } satisfies ParseRequest);
    });

  /**
   * After a crash: the orphaned files go one at a time through a worker of their own, so
   * a death can be blamed on exactly the file in flight; that file fails, the rest parse.
   */
  async function retrySingly(waiter: Waiter, _error: unknown): Promise<void> {
    const results: ParsedFile[] = [];
    let isolated: Worker | null = null;
    for (const file of waiter.files) {
      if (closed) {
        results.push(failed(file, 'the import was stopped'));
        continue;
      }
      isolated ??= start();
      const outcome = await parseAlone(isolated, file);
      if (outcome instanceof Error) {
        const why = /memory/i.test(outcome.message) ? 'ran out of memory' : outcome.message;
        results.push(failed(file, `could not be parsed: ${why} (the file may be too large or too deeply nested)`));
        isolated = null; // it died; the next file gets a fresh one
      } else results.push(outcome);
    }
    await isolated?.terminate();
    waiter.resolve(results);
  }

  return {
    parse: send,
    async close() {
      closed = true;
      await Promise.all([...live].map((worker) => worker.terminate()));
    },
  };
}

const failed = (file: ScannedFile, reason: string): ParsedFile => ({ file, result: { ok: false, reason } });
