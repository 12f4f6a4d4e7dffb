/**
 * Browser mode's export downloads. A web page cannot be shown a save dialog that yields a
 * path, so a one-file export is written where the host chooses (a private temporary folder
 * it owns) and the page then downloads it.
 *
 * Web-only on purpose, not a contract method: the desktop app writes where its save dialog
 * points and the CLI where --out says; only this host has a temporary folder to hand out
 * over HTTP. As a LibraryApi method it would be reachable over IPC too, writing files that
 * nothing could ever fetch. The job itself is the contract's `exports.start` (through the
 * same dispatch and validation), so progress, cancel and status are the usual ones.
 *
 * - POST /api/downloads (Bearer token): `exports.start`'s arguments without `out` and
 *   `overwrite` (the schema refuses them: the page never names a server path).
 * - GET /api/downloads/<id>?token=… streams the file as an attachment. The token rides in
 *   the URL because a download started by a link cannot send headers (like the event
 *   stream); the id is 144 random bits, known only for finished downloads of this server.
 * - Only the file the export wrote is sent: opened without following links, and only while it
 *   is the same file (device, inode, size, time) the finished export left.
 * - The file is deleted once it has been sent in full, when the job fails or is cancelled,
 *   after RETENTION_MS unclaimed, and with the whole folder when the server stops.
 */
import { randomBytes } from 'node:crypto';
import { constants, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { lstat, mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportJob } from '../../shared/api.js';
import { DOWNLOADS_PATH, type DownloadStarted } from '../../shared/downloads.js';
import { schemas } from '../../shared/schemas.js';
import type { ExportFormat } from '../../shared/types.js';
import { dispatch } from '../library/dispatch.js';
import { FORMATS } from '../library/export/formats/index.js';
import { safeFileName } from '../library/export/safeNames.js';
import type { LibraryService } from '../library/service.js';
import { jsonBody, refuse, send } from './http.js';

/** How long a finished file waits for its download before it is deleted. */
export const RETENTION_MS = 30 * 60 * 1000;

const ROUTE = `/${DOWNLOADS_PATH}`;
const ID = /^[A-Za-z0-9_-]{24}$/;
const argsSchema = schemas.exports.start.omit({ out: true, overwrite: true });

const CONTENT_TYPES: Record<ExportFormat, string> = {
  folder: 'application/octet-stream',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  epub: 'application/epub+zip',
  md: 'text/markdown; charset=utf-8',
  annotations: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
};

interface Entry {
  jobId: string;
  dir: string;
  file: string;
  fileName: string;
  format: ExportFormat;
  state: 'running' | 'ready' | 'sending';
  expiry?: NodeJS.Timeout;
  /** Device, inode, size and time of the file the export wrote (null: none): only that file is ever sent. */
  written?: Promise<string | null>;
}

const fileIdentity = (info: { dev: number; ino: number; size: number; mtimeMs: number }) => `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;

export interface Downloads {
  /** Answers a request under /api/downloads (the token already checked); false when the path is not its own. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** Whether this request may carry the token in its URL (a download link cannot send headers). */
  tokenInUrl(req: IncomingMessage, url: URL): boolean;
  /** Deletes every file not yet downloaded. */
  close(): void;
}

export function createDownloads(service: LibraryService, retentionMs = RETENTION_MS): Downloads {
  const entries = new Map<string, Entry>();
  let root: string | null = null;
  // Also on a plain exit (e.g. the serve command's shutdown timer), so no export outlives the server.
  const onExit = () => removeRoot();

  function removeRoot(): void {
    if (root) rmSync(root, { recursive: true, force: true });
    root = null;
  }

  function ownRoot(): string {
    if (!root) {
      root = mkdtempSync(join(tmpdir(), 'gleaner-downloads-')); // mode 0700: this user only
      process.once('exit', onExit);
    }
    return root;
  }

  function forget(id: string): void {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    clearTimeout(entry.expiry);
    void rm(entry.dir, { recursive: true, force: true }).catch(() => undefined);
  }

  function settle(id: string, job: ExportJob): void {
    const entry = entries.get(id);
    if (!entry || entry.state !== 'running' || job.state === 'running') return;
    if (job.state !== 'done') return forget(id);
    entry.state = 'ready';
    entry.expiry = setTimeout(() => forget(id), retentionMs);
    entry.expiry.unref();
    entry.written = lstat(entry.file).then(
      (info) => (info.isFile() ? fileIdentity(info) : null),
      () => null,
    );
  }

  /** The file this route wrote, opened without following a link; null if it is gone or is not that file any more. */
  async function openWritten(entry: Entry): Promise<{ handle: FileHandle; size: number } | null> {
    const handle = await open(entry.file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(() => null);
    if (!handle) return null;
    const info = await handle.stat().catch(() => null);
    const written = await entry.written;
    if (info?.isFile() && written && written === fileIdentity(info)) return { handle, size: info.size };
    await handle.close();
    return null;
  }

  const unsubscribe = service.onEvent((event) => {
    if (event.type !== 'export-finished') return;
    for (const [id, entry] of entries) if (entry.jobId === event.job.jobId) settle(id, event.job);
  });

  async function start(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await jsonBody(req, res);
    if (body === undefined) return;
    const parsed = argsSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse(res, 400, 'bad-request', `Invalid download: ${issue?.path.join('.') || 'arguments'}: ${issue?.message ?? 'invalid'}`);
    }
    const args = parsed.data;
    const descriptor = FORMATS[args.format].descriptor;
    if (descriptor.writes !== 'file') {
      return refuse(res, 400, 'bad-request', 'A folder export cannot be downloaded: give the path of a folder on this computer instead');
    }
    const dir = await mkdtemp(join(ownRoot(), 'd-'));
    const fileName = safeFileName(args.title?.trim() || 'Gleaner export', descriptor.extension, 'Gleaner export');
    const file = join(dir, fileName);
    const envelope = await dispatch(service.api, 'exports', 'start', { ...args, out: file });
    if (!envelope.ok) {
      await rm(dir, { recursive: true, force: true });
      return send(res, envelope.error.code === 'internal' ? 500 : 400, envelope);
    }
    const { jobId, articles } = envelope.value as { jobId: string; articles: number };
    const id = randomBytes(18).toString('base64url');
    entries.set(id, { jobId, dir, file, fileName, format: args.format, state: 'running' });
    // A tiny export can end before this line; its event then found no entry.
    settle(id, await service.api.exports.status({ jobId }));
    const value: DownloadStarted = { jobId, articles, fileName, url: `${DOWNLOADS_PATH}/${id}` };
    send(res, 200, { ok: true, value });
  }

  async function fetchFile(res: ServerResponse, id: string): Promise<void> {
    const entry = ID.test(id) ? entries.get(id) : undefined;
    if (!entry) return refuse(res, 404, 'not-found', 'No such download: it was saved already, has expired, or was never made by this server');
    if (entry.state === 'running') return refuse(res, 409, 'conflict', 'The export is still running');
    if (entry.state === 'sending') return refuse(res, 409, 'conflict', 'The download is already in progress');
    const opened = await openWritten(entry);
    if (opened === null) {
      forget(id);
      return refuse(res, 404, 'not-found', 'The exported file is gone from the temporary folder or was replaced; export again');
    }
    const { handle, size } = opened;
    entry.state = 'sending';
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[entry.format],
      'Content-Length': size,
      'Content-Disposition': contentDisposition(entry.fileName),
      'Cache-Control': 'no-store',
      // Opened rather than saved (an HTML digest), it still runs nothing and loads nothing.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    });
    const stream = createReadStream('', { fd: handle });
    stream.once('error', () => res.destroy());
    stream.pipe(res);
    // Sent in full: the file has done its job. Cut off: keep it, so the person can try again.
    res.once('finish', () => forget(id));
    res.once('close', () => {
      if (!res.writableFinished && entries.get(id) === entry) entry.state = 'ready';
      stream.destroy();
    });
  }

  return {
    tokenInUrl: (req, url) => req.method === 'GET' && url.pathname.startsWith(`${ROUTE}/`),
    async handle(req, res, url) {
      if (url.pathname === ROUTE && req.method === 'POST') await start(req, res);
      else if (url.pathname.startsWith(`${ROUTE}/`) && req.method === 'GET') await fetchFile(res, url.pathname.slice(ROUTE.length + 1));
      else if (url.pathname === ROUTE || url.pathname.startsWith(`${ROUTE}/`)) refuse(res, 405, 'bad-request', `No ${req.method} on ${url.pathname}`);
      else return false;
      return true;
    },
    close() {
      unsubscribe();
      for (const entry of entries.values()) clearTimeout(entry.expiry);
      entries.clear();
      removeRoot();
      process.off('exit', onExit);
    },
  };
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 one (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
