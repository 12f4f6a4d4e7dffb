import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ScannedFile } from './scan.js';
import type { ParseResult } from './types.js';
import { parseArticleFile, tooLargeReason } from './parseFile.js';

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
}

export interface ParseResponse {
  id: number;
  parsed: ParsedFile[];
}

/** Reads and parses one file; a read error becomes a failure with a reason, never a throw. */
export function readAndParse(file: ScannedFile, maxBytes: number): ParsedFile {
  if (file.size > maxBytes) {
    return { file, result: { ok: false, reason: tooLargeReason(file.size, maxBytes) } };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.absPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the file disappeared during import' : String(code ?? error);
    return { file, result: { ok: false, reason: `could not read the file: ${why}` } };
  }
  try {
    return { file, result: parseArticleFile(bytes, file.relPath, { maxBytes }) };
  } catch (error) {
    // parseArticleFile is meant never to throw; if it does, the file fails, not the import.
    return { file, result: { ok: false, reason: `could not be parsed: ${(error as Error).message}` } };
  }
}

/** Parses on the calling thread: tests, tiny imports, and the watcher's single-file updates. */
export function inlineParseStage(maxBytes: number): ParseStage {
  return {
    parse: async (files) => files.map((f) => readAndParse(f, maxBytes)),
    close: async () => {},
  };
}

/**
 * Parses on worker threads so reading, front matter, Markdown and text extraction
 * overlap with the single SQLite writer (the largest cost of an import, as measured).
 * Requests go round-robin; results are awaited in order by the importer.
 *
 * A worker that dies (a pathological file exhausting its capped heap) is replaced, and
 * the files it held are retried one per request, so only the file that kills a worker
 * fails, with a reason, and the import carries on.
 */
export function workerParseStage(workerScript: string, workers: number, maxBytes: number): ParseStage {
  let nextId = 0;
  type Waiter = { files: ScannedFile[]; resolve: (p: ParsedFile[]) => void };
  const spawn = (): { worker: Worker; pending: Map<number, Waiter> } => {
    // A capped heap makes V8 collect the high allocation rate early instead of growing.
    const worker = new Worker(workerScript, { resourceLimits: { maxOldGenerationSizeMb: 128 } });
    const slot = { worker, pending: new Map<number, Waiter>() };
    worker.on('message', (msg: ParseResponse) => {
      const waiter = slot.pending.get(msg.id);
      slot.pending.delete(msg.id);
      waiter?.resolve(msg.parsed);
    });
    const died = (error: unknown) => {
      if (closed) return;
      const orphans = [...slot.pending.values()];
      slot.pending.clear();
      pool[pool.indexOf(slot)] = spawn();
      for (const waiter of orphans) void retrySingly(waiter, error);
    };
    worker.on('error', died);
    worker.on('exit', (code) => code !== 0 && died(new Error(`parse worker exited with code ${code}`)));
    return slot;
  };
  let closed = false;
  const pool = Array.from({ length: Math.max(1, workers) }, spawn);

  const send = (files: ScannedFile[]): Promise<ParsedFile[]> => {
    const id = nextId++;
    const slot = pool[id % pool.length]!;
    return new Promise((resolve) => {
      slot.pending.set(id, { files, resolve });
      slot.worker.postMessage({ id, files, maxBytes } satisfies ParseRequest);
    });
  };

  /**
   * After a crash: the orphaned files go one at a time through a worker of their own, so
   * a death can be blamed on exactly the file in flight; that file fails, the rest parse.
   */
  async function retrySingly(waiter: Waiter, _error: unknown): Promise<void> {
    const results: ParsedFile[] = [];
    let isolated: Worker | null = null;
    for (const file of waiter.files) {
      isolated ??= new Worker(workerScript, { resourceLimits: { maxOldGenerationSizeMb: 128 } });
      const worker: Worker = isolated;
      const outcome = await new Promise<ParsedFile | Error>((resolve) => {
        worker.once('message', (msg: ParseResponse) => resolve(msg.parsed[0]!));
        worker.once('error', (error) => resolve(error));
        worker.once('exit', (code) => resolve(new Error(`parse worker exited with code ${code}`)));
        worker.postMessage({ id: -1, files: [file], maxBytes } satisfies ParseRequest);
      });
      if (outcome instanceof Error) {
        const why = /memory/i.test(outcome.message) ? 'ran out of memory' : outcome.message;
        results.push({ file, result: { ok: false, reason: `could not be parsed: ${why} (the file may be too large or too deeply nested)` } });
        isolated = null; // it died; the next file gets a fresh one
      } else results.push(outcome);
      worker.removeAllListeners();
    }
    await isolated?.terminate();
    waiter.resolve(results);
  }

  return {
    parse: send,
    async close() {
      closed = true;
      await Promise.all(pool.map((slot) => slot.worker.terminate()));
    },
  };
}
