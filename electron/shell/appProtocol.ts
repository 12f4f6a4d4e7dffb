import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { IMAGE_ROUTE_PREFIX, imageHeaders } from '../library/local/imageRoute.js';
import type { ServedImage } from '../library/local/localResources.js';
import { APP_CSP } from '../web/security.js';

/**
 * The renderer is served from `app://gleaner/` by a privileged custom protocol rather
 * than from file://. Why:
 * - file:// pages share one opaque origin with every file on the disk; a page that
 *   could navigate or fetch would reach them. `app://gleaner` is an origin of its own,
 *   and this handler answers only for files inside out/renderer (path containment).
 * - A standard, secure scheme gets real same-origin rules, `'self'` in the CSP means
 *   exactly our files, and the CSP travels as a response header (which file:// cannot
 *   carry), so it also binds the article preview's srcdoc frame.
 * - The sender check in ipc.ts can then trust one exact origin.
 * Not `corsEnabled`: leaving it unset keeps the scheme unreadable cross-origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'gleaner';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** For `protocol.registerSchemesAsPrivileged`, which must run before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Whether a URL is one of our own pages (the only origin trusted with the API). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file under `root` that an app:// URL names, or null when it names nothing we serve:
 * another host, an escape from root (`..`, encoded or not, absolute or drive paths), NUL.
 */
export function resolveAppFile(root: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const rel = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  if (isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return null;
  const base = normalize(root);
  const file = normalize(join(base, rel));
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
  return file;
}

/** The route path of an app:// URL asking for a preview image, or null for any other URL. */
function imageRequest(rawUrl: string): string | null {
  try {
    const url = new URL(rawUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.pathname.startsWith(IMAGE_ROUTE_PREFIX) ? url.pathname : null;
  } catch {
    return null;
  }
}

/** The headers every app page and asset carries; the CSP is the same one browser mode sends. */
export function appHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The `protocol.handle` handler: serves out/renderer and, under IMAGE_ROUTE_PREFIX, the
 * preview's local images (LibraryService.localImage; null while no library is open).
 */
export function appProtocolHandler(
  root: string,
  localImage: (pathname: string) => ServedImage | null = () => null,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const image = imageRequest(request.url);
    if (image !== null) {
      const served = localImage(image);
      if (!served?.ok) return new Response(`Image not shown: ${served?.reason ?? 'no library is open'}`, { status: 404 });
      return new Response(request.method === 'HEAD' ? null : served.bytes, { status: 200, headers: imageHeaders(served.mime, served.bytes.length) });
    }
    const file = resolveAppFile(root, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      if (!(await stat(file)).isFile()) return new Response('Not found', { status: 404 });
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, { status: 200, headers: appHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
