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
 * overlap with the single SQLite writer (the largest cost, see PERF-NOTES.md).
 * Requests go round-robin; each worker answers in order, so results come back in order.
 */
export function workerParseStage(workerScript: string, workers: number, maxBytes: number): ParseStage {
  let nextId = 0;
  const pending = new Map<number, { resolve: (p: ParsedFile[]) => void; reject: (e: Error) => void }>();
  const pool = Array.from({ length: Math.max(1, workers) }, () => {
    // A capped heap makes V8 collect the high allocation rate early instead of growing.
    const worker = new Worker(workerScript, { resourceLimits: { maxOldGenerationSizeMb: 96 } });
    worker.on('message', (msg: ParseResponse) => {
      const waiter = pending.get(msg.id);
      pending.delete(msg.id);
      waiter?.resolve(msg.parsed);
    });
    worker.on('error', (error) => {
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    parse(files) {
      const id = nextId++;
      const worker = pool[id % pool.length]!;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, files, maxBytes } satisfies ParseRequest);
      });
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
