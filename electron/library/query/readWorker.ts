/**
 * A read worker: its own read-only connection to the library (WAL lets it read while the
 * service's connection writes), answering reads for the ReadPool, so a slow query never
 * blocks the service's thread (in the desktop app, Electron's main process).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openLibrary } from '../db/connection.js';
import { runRead } from './reads.js';
import type { ReadReply, ReadRequest } from './readPool.js';

const { dbPath } = workerData as { dbPath: string };
const db = openLibrary(dbPath, { readonly: true });
parentPort!.postMessage({ ready: true } satisfies ReadReply);

parentPort!.on('message', ({ id, ...read }: ReadRequest) => {
  let reply: Exclude<ReadReply, { ready: true }>;
  try {
    reply = { id, ok: true, value: runRead(db, read) };
  } catch (error) {
    const e = error as Error & { start?: number; end?: number };
    reply = { id, ok: false, error: { name: e.name, message: e.message, start: e.start, end: e.end } };
  }
  parentPort!.postMessage(reply);
});
