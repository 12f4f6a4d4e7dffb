import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { LibraryEvent } from '../../shared/api.js';
import { dispatch } from '../library/dispatch.js';
import type { LibraryService } from '../library/service.js';
import { IMAGE_ROUTE_PREFIX, imageHeaders } from '../library/local/imageRoute.js';
import { createDownloads } from './downloads.js';
import { jsonBody, refuse, send } from './http.js';
import { createOneTimeCodes, type OneTimeCodes } from './oneTimeCodes.js';
import { createExportGuard } from './exportGuard.js';
import { CODE_PARAM, SESSION_PATH } from '../../shared/session.js';
import { APP_CSP, hostAllowed, originAllowed, tokenMatches } from './security.js';

export interface WebHost {
  /** The address with the token in it, for the person's own terminal. */
  url: string;
  port: number;
  token: string;
  /** The address with a new one-time code instead of the token, for a command line (`serve --open`). */
  codeUrl(): string;
  close(): Promise<void>;
}

export interface WebHostOptions {
  service: LibraryService;
  /** The built renderer (vite build output). */
  staticDir: string;
  port?: number;
  token?: string;
  /** How long a finished browser download waits to be fetched (tests shorten it). */
  downloadRetentionMs?: number;
  /** One-time codes (tests pass a short-lived one). */
  codes?: OneTimeCodes;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Browser mode: serves the built renderer and the typed API over HTTP on loopback.
 * Every API call needs the random token (printed in the URL); Host and Origin are
 * checked so other sites and rebinding DNS cannot reach the library.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const sseClients = new Set<ServerResponse>();
  const unsubscribe = options.service.onEvent((event: LibraryEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of sseClients) res.write(line);
  });
  const downloads = createDownloads(options.service, options.downloadRetentionMs);
  const codes = options.codes ?? createOneTimeCodes();
  const exportGuard = createExportGuard(options.service.onEvent);

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: Error) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: error.message } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // The preview frame is same-origin (no scripts: only so the app can read its selection and draw
    // highlight marks), so its image requests carry this origin or none. `Origin: null` (a sandboxed
    // or opaque page) is still let through to images only: any page can say it, and the image
    // path's mac, which only the token-holding API hands out, is what keeps them out.
    const opaqueImageRequest = url.pathname.startsWith(IMAGE_ROUTE_PREFIX) && req.headers.origin === 'null';
    if (!hostAllowed(req, port) || !(originAllowed(req, port) || opaqueImageRequest)) {
      send(res, 403, { ok: false, error: { code: 'bad-request', message: 'Refused: not a loopback host or not this app’s origin' } });
      return;
    }
    if (url.pathname.startsWith('/api/')) return api(req, res, url);
    if (url.pathname.startsWith(IMAGE_ROUTE_PREFIX)) return serveImage(req, res, url.pathname);
    return serveStatic(res, url.pathname);
  }

  // An article's local image for the preview frame. The frame's <img> cannot send the token;
  // the path's mac stands in for it (only the API, which takes the token, hands such paths out).
  function serveImage(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { ok: false, error: { code: 'bad-request', message: 'Images are only read' } });
      return;
    }
    const image = options.service.localImage(pathname);
    if (!image.ok) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`Image not shown: ${image.reason}`);
      return;
    }
    res.writeHead(200, imageHeaders(image.mime, image.bytes.length));
    res.end(req.method === 'HEAD' ? undefined : image.bytes);
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === `/${SESSION_PATH}` && req.method === 'POST') return tradeCode(req, res);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    // EventSource and download links cannot send headers, so those two take the token in the URL.
    const given = url.pathname === '/api/events' || downloads.tokenInUrl(req, url) ? url.searchParams.get('token') : bearer;
    if (!tokenMatches(given, token)) {
      send(res, 401, { ok: false, error: { code: 'bad-request', message: 'Missing or wrong access token' } });
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (await downloads.handle(req, res, url)) return;
    const match = /^\/api\/([a-z]+)\/([a-zA-Z]+)$/.exec(url.pathname);
    if (!match || req.method !== 'POST') {
      send(res, 404, { ok: false, error: { code: 'not-found', message: `No API at ${req.method} ${url.pathname}` } });
      return;
    }
    const args = await jsonBody(req, res);
    if (args === undefined) return;
    const refusal = match[1] === 'exports' && match[2] === 'start' ? await exportGuard.refusal(args) : null;
    if (refusal !== null) return refuse(res, 400, 'bad-request', refusal);
    const envelope = await dispatch(options.service.api, match[1]!, match[2]!, args);
    send(res, envelope.ok ? 200 : envelope.error.code === 'internal' ? 500 : 400, envelope);
  }

  /** The page opened with `?code=…` asks for the token with it; the code works once. */
  async function tradeCode(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await jsonBody(req, res);
    if (body === undefined) return;
    if (!codes.redeem((body as { code?: unknown } | null)?.code)) {
      return send(res, 401, {
        ok: false,
        error: { code: 'bad-request', message: 'This sign-in code was used already or has expired: open the address `gleaner serve` printed' },
      });
    }
    send(res, 200, { ok: true, value: { token } });
  }

  function serveStatic(res: ServerResponse, pathname: string): void {
    let rel: string;
    try {
      rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      return refuse(res, 400, 'bad-request', `Bad percent-encoding in the path ${pathname.slice(0, 200)}`);
    }
    const file = normalize(join(options.staticDir, rel));
    const inside = file.startsWith(normalize(options.staticDir) + sep);
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(options.staticDir, 'index.html');
    if (!existsSync(target)) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The renderer is not built: run `npm run build`.');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
      'Content-Security-Policy': APP_CSP,
      'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    createReadStream(target).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    codeUrl: () => `http://127.0.0.1:${port}/?${CODE_PARAM}=${codes.issue()}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        exportGuard.close();
        downloads.close();
        for (const res of sseClients) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
