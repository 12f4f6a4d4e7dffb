/**
 * Fetches one remote image, carefully: an article's image URL is chosen by whoever wrote the
 * article, so every step is bounded. http(s) only, on the first request and after every
 * redirect (followed by hand, at most `maxRedirects`); one time limit for the whole fetch;
 * the body read as a stream and dropped the moment it passes `maxBytes`; the type decided by
 * the bytes (sniffImage), never by Content-Type; only public addresses, checked by the
 * request's own DNS lookup so the address checked is the one connected to, and again after
 * every redirect (publicAddress.ts). Failures are values with a reason, not exceptions: one
 * bad image must not end an export.
 *
 * node:http rather than fetch: fetch takes no `lookup`, and the check must sit in the
 * connection itself (DNS rebinding).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup, RefusedAddress, refusedLiteral, type Resolve } from './publicAddress.js';
import { sniffImage, describeRefusal, type ImageMime } from './sniff.js';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

/** `unreachable`: the host did not answer at all (no connection, or nothing within the time limit). */
export type FetchedImage = { ok: true; mime: ImageMime; bytes: Buffer } | { ok: false; reason: string; unreachable?: true };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,image/avif;q=0.9,*/*;q=0.1';

const refuse = (reason: string): FetchedImage => ({ ok: false, reason });

function webUrl(value: string, base?: URL): URL | string {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return `"${value.slice(0, 200)}" is not a valid URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol} URLs are never fetched (only http and https)`;
  return url;
}

/**
 * Fetches `url` within `limits`; `signal` (the export's) cancels it. `resolve` answers the DNS
 * questions (the system resolver; tests give a fake one).
 */
export async function fetchImage(
  url: string,
  options: { limits?: Partial<FetchLimits>; signal?: AbortSignal; resolve?: Resolve } = {},
): Promise<FetchedImage> {
  const limits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const lookup = guardedLookup(options.resolve);
  let current = webUrl(url);
  for (let redirects = 0; ; redirects++) {
    const refused = (reason: string) => refuse(redirects === 0 ? reason : `redirected to a refused address: ${reason}`);
    if (typeof current === 'string') return refused(current);
    const literal = refusedLiteral(current);
    if (literal !== null) return refused(literal);
    let response: IncomingMessage;
    try {
      response = await get(current, signal, lookup);
    } catch (error) {
      if (error instanceof RefusedAddress) return refused(error.message);
      return failed(error, timeout, options.signal, limits.timeoutMs);
    }
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.destroy();
      const location = response.headers.location;
      if (location === undefined) return refuse(`the server answered ${status} without a Location`);
      if (redirects >= limits.maxRedirects) return refuse(`more than ${limits.maxRedirects} redirects`);
      current = webUrl(location, current);
      continue;
    }
    if (status < 200 || status > 299) {
      response.destroy();
      return refuse(`the server answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`);
    }
    let read: Buffer | string;
    try {
      read = await readCapped(response, limits.maxBytes);
    } catch (error) {
      return failed(error, timeout, options.signal, limits.timeoutMs);
    }
    if (typeof read === 'string') return refuse(read);
    const mime = sniffImage(read);
    return mime === null ? refuse(describeRefusal(read)) : { ok: true, mime, bytes: read };
  }
}

/** One GET, no redirects followed, no cookies or credentials, a fresh connection through `lookup`. */
function get(url: URL, signal: AbortSignal, lookup: ReturnType<typeof guardedLookup>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    // agent: false, so no pooled socket (connected to whatever a name meant earlier) is reused.
    const req = send(url, { method: 'GET', agent: false, lookup, signal, headers: { accept: ACCEPT } }, resolve);
    req.once('error', reject);
    req.end();
  });
}

function failed(error: unknown, timeout: AbortSignal, cancel: AbortSignal | undefined, timeoutMs: number): FetchedImage {
  if (timeout.aborted) return { ok: false, reason: `no complete answer within ${duration(timeoutMs)}`, unreachable: true };
  if (cancel?.aborted) return refuse('the export was cancelled');
  const code = (error as NodeJS.ErrnoException).code;
  return { ok: false, reason: `could not download it (${code ?? (error as Error).message})`, unreachable: true };
}

const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);
const size = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${n} bytes`);

/** The body as one Buffer, or the reason it was dropped; stops reading past `maxBytes`. */
async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer | string> {
  const tooLarge = `it is larger than ${size(maxBytes)}`;
  // A declared length over the cap is refused before a byte is read; a lying one is caught below.
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    return tooLarge;
  }
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      response.destroy();
      return tooLarge;
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

/** Runs `task` over `items` with at most `limit` running at once; resolves when all are done. */
export async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
