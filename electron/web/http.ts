/** Small HTTP helpers the browser-mode host and its download route share. */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY = 1024 * 1024;

/** A JSON reply that no cache keeps. */
export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** A refusal in the contract's envelope, so the page shows every failure the same way. */
export function refuse(res: ServerResponse, status: number, code: 'bad-request' | 'not-found' | 'conflict', message: string): void {
  send(res, status, { ok: false, error: { code, message } });
}

/** A body over the limit: answered 413, in the envelope. */
export class BodyTooLarge extends Error {}

/** How much of an oversized body is read and thrown away, so the 413 reaches the client before the connection closes. */
const MAX_DRAINED = 64 * 1024 * 1024;

/**
 * The request body as text (at most 1 MB); `{}` when empty. Past the limit it rejects with
 * BodyTooLarge at once and keeps reading (and dropping) the rest: a connection closed while
 * the client still sends is reset, and the client would never see the answer.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      if (size - chunk.length <= MAX_BODY) {
        chunks.length = 0;
        reject(new BodyTooLarge(`The request body is larger than ${MAX_BODY / 1024 / 1024} MB`));
      }
      if (size > MAX_BODY + MAX_DRAINED) req.destroy();
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8') || '{}'));
    req.on('error', reject);
  });
}

/** Reads and parses a JSON body, answering 415/400 itself; undefined when it did. */
export async function jsonBody(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    refuse(res, 415, 'bad-request', 'Send JSON (Content-Type: application/json)');
    return undefined;
  }
  try {
    return JSON.parse(await readBody(req)) as unknown;
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      refuse(res, 413, 'bad-request', error.message);
      return undefined;
    }
    refuse(res, 400, 'bad-request', `Bad request body: ${(error as Error).message}`);
    return undefined;
  }
}
