/**
 * Fetches one remote image, carefully: an article's image URL is chosen by whoever wrote the
 * article, so every step is bounded. http(s) only, on the first request and after every
 * redirect (followed by hand, at most `maxRedirects`); one time limit for the whole fetch;
 * the body read as a stream and dropped the moment it passes `maxBytes`; the type decided by
 * the bytes (sniffImage), never by Content-Type; only public addresses, checked again after
 * every redirect (publicAddress.ts). Failures are values with a reason, not
 * exceptions: one bad image must not end an export.
 */
import { refusedHost } from './publicAddress.js';
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

/** Fetches `url` within `limits`; `signal` (the export's) cancels it. */
export async function fetchImage(url: string, options: { limits?: Partial<FetchLimits>; signal?: AbortSignal } = {}): Promise<FetchedImage> {
  const limits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let current = webUrl(url);
  try {
    for (let redirects = 0; ; redirects++) {
      if (typeof current === 'string') return refuse(redirects === 0 ? current : `redirected to a refused address: ${current}`);
      const local = await refusedHost(current);
      if (local !== null) return refuse(redirects === 0 ? local : `redirected to a refused address: ${local}`);
      // Manual redirects: fetch's own would follow one to any scheme it supports without asking us.
      const response = await fetch(current, { redirect: 'manual', signal, credentials: 'omit', referrerPolicy: 'no-referrer', headers: { accept: ACCEPT } });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (location === null) return refuse(`the server answered ${response.status} without a Location`);
        if (redirects >= limits.maxRedirects) return refuse(`more than ${limits.maxRedirects} redirects`);
        current = webUrl(location, current);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return refuse(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const read = await readCapped(response, limits.maxBytes);
      if (typeof read === 'string') return refuse(read);
      const mime = sniffImage(read);
      return mime === null ? refuse(describeRefusal(read)) : { ok: true, mime, bytes: read };
    }
  } catch (error) {
    if (timeout.aborted) return { ok: false, reason: `no complete answer within ${duration(limits.timeoutMs)}`, unreachable: true };
    if (options.signal?.aborted) return refuse('the export was cancelled');
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, reason: `could not download it (${cause?.code ?? cause?.message ?? (error as Error).message})`, unreachable: true };
  }
}

const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);
const size = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${n} bytes`);

/** The body as one Buffer, or the reason it was dropped; stops reading past `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Buffer | string> {
  const tooLarge = `it is larger than ${size(maxBytes)}`;
  // A declared length over the cap is refused before a byte is read; a lying one is caught below.
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    return tooLarge;
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge;
    }
    parts.push(value);
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
