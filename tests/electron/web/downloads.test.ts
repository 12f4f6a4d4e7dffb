import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFolders } from '../../../electron/library/import/importer.js';
import { createLibraryService, type LibraryService } from '../../../electron/library/service.js';
import { contentDisposition } from '../../../electron/web/downloads.js';
import { startWebHost, type WebHost } from '../../../electron/web/server.js';
import type { Envelope, ExportJob } from '../../../shared/api.js';
import type { DownloadStarted } from '../../../shared/downloads.js';
import { seedLike, writeTree } from '../../helpers/articles.js';
import { send } from '../../helpers/http.js';
import { exportEnded } from '../../helpers/service.js';
import { tempDir } from '../../helpers/tmp.js';

let host: WebHost | null = null;
let service: LibraryService | null = null;

afterEach(async () => {
  await host?.close();
  service?.close();
  host = null;
  service = null;
});

async function start(articles = 3, downloadRetentionMs?: number): Promise<WebHost> {
  const staticDir = tempDir();
  writeTree(staticDir, { 'index.html': '<!doctype html><title>Gleaner</title>' });
  const folder = tempDir();
  const files: Record<string, string> = {};
  for (let i = 1; i <= articles; i++)
    files[`a${i}.txt`] = seedLike({
      title: `Article ${i}`,
      date: `2025-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
      body: `<p>${'Words. '.repeat(40)}</p>`,
    });
  writeTree(folder, files);
  service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
  await importFolders(service.db, [folder]);
  host = await startWebHost({ service, staticDir, downloadRetentionMs });
  return host;
}

const post = (h: WebHost, args: unknown, token = h.token) =>
  send(h, '/api/downloads', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(args),
  });

async function begin(h: WebHost, args: unknown): Promise<DownloadStarted> {
  const reply = await post(h, args);
  const envelope = JSON.parse(reply.body) as Envelope<DownloadStarted>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

const ended = (jobId: string): Promise<ExportJob> => exportEnded(service!, jobId);

describe('export downloads in browser mode', () => {
  it('writes the export into a private folder, streams it once as an attachment, then deletes it', async () => {
    const h = await start();
    const started = await begin(h, { source: { all: true }, format: 'json', title: 'Reading pack' });
    expect(started).toMatchObject({ articles: 3, fileName: 'Reading pack.json', url: expect.stringMatching(/^api\/downloads\/[A-Za-z0-9_-]{24}$/) });
    const job = await ended(started.jobId);
    expect(job.state).toBe('done');
    const file = job.report!.out;
    expect(basename(dirname(dirname(file)))).toMatch(/^gleaner-downloads-/);
    expect(existsSync(file)).toBe(true);

    const reply = await send(h, `/${started.url}?token=${h.token}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="Reading pack.json"; filename*=UTF-8''Reading%20pack.json`);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect((JSON.parse(reply.body) as { articles: { title: string }[] }).articles.map((a) => a.title)).toHaveLength(3);

    await vi.waitFor(() => expect(existsSync(dirname(file))).toBe(false));
    expect((await send(h, `/${started.url}?token=${h.token}`)).status).toBe(404);
  });

  it('needs the token to start and to fetch', async () => {
    const h = await start();
    expect((await post(h, { source: { all: true }, format: 'csv' }, 'wrong')).status).toBe(401);
    const started = await begin(h, { source: { all: true }, format: 'csv' });
    await ended(started.jobId);
    expect((await send(h, `/${started.url}`)).status).toBe(401);
    expect((await send(h, `/${started.url}?token=wrong`)).status).toBe(401);
    // A Bearer header alone is not the link's way, and must not be a way around the check either.
    expect((await send(h, `/${started.url}`, { headers: { authorization: `Bearer ${h.token}` } })).status).toBe(401);
    // Still there for the rightful fetch.
    const reply = await send(h, `/${started.url}?token=${h.token}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-disposition']).toContain('filename="Gleaner export.csv"');
  });

  it('never lets the page name a server path, and has no folder downloads', async () => {
    const h = await start();
    const elsewhere = join(tempDir(), 'x.json');
    const withOut = JSON.parse((await post(h, { source: { all: true }, format: 'json', out: elsewhere })).body) as Envelope<unknown>;
    expect(withOut).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(existsSync(elsewhere)).toBe(false);
    const folder = await post(h, { source: { all: true }, format: 'folder' });
    expect(folder.status).toBe(400);
    expect(JSON.parse(folder.body)).toMatchObject({ ok: false, error: { message: expect.stringContaining('folder') } });
    // A title is only ever a file name inside the private folder.
    const started = await begin(h, { source: { all: true }, format: 'md', title: '../../etc/passwd' });
    expect(started.fileName).not.toMatch(/[/\\]/);
    const job = await ended(started.jobId);
    expect(basename(dirname(dirname(job.report!.out)))).toMatch(/^gleaner-downloads-/);
  });

  it('answers 404 for unknown or malformed ids and path tricks', async () => {
    const h = await start();
    const started = await begin(h, { source: { all: true }, format: 'json' });
    await ended(started.jobId);
    const paths = [
      '/api/downloads/AAAAAAAAAAAAAAAAAAAAAAAA',
      `/api/downloads/${started.jobId}`,
      '/api/downloads/..%2F..%2F..%2Fetc%2Fpasswd',
      '/api/downloads/%2e%2e%2f%2e%2e%2flib.db',
      `/${started.url}%2F..%2F..%2Fetc%2Fpasswd`,
    ];
    for (const path of paths) {
      const reply = await send(h, `${path}?token=${h.token}`);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toMatch(/root:|SQLite format/);
    }
    expect((await send(h, `/${started.url}?token=${h.token}`)).status).toBe(200);
  });

  it('refuses a fetch while the export runs; a cancelled export leaves nothing to fetch', async () => {
    const h = await start(1500);
    const started = await begin(h, { source: { all: true }, format: 'html' });
    expect((await send(h, `/${started.url}?token=${h.token}`)).status).toBe(409);
    expect(await service!.api.exports.cancel({ jobId: started.jobId })).toEqual({ cancelled: true });
    expect((await ended(started.jobId)).state).toBe('cancelled');
    expect((await send(h, `/${started.url}?token=${h.token}`)).status).toBe(404);
  });

  it('deletes a file nobody fetched after the retention time', async () => {
    const h = await start(3, 100);
    const started = await begin(h, { source: { all: true }, format: 'csv' });
    const file = (await ended(started.jobId)).report!.out;
    await vi.waitFor(() => expect(existsSync(dirname(file))).toBe(false), { timeout: 2000 });
    expect((await send(h, `/${started.url}?token=${h.token}`)).status).toBe(404);
  });

  it('deletes files nobody fetched when the server stops', async () => {
    const h = await start();
    const started = await begin(h, { source: { all: true }, format: 'epub' });
    const file = (await ended(started.jobId)).report!.out;
    expect(existsSync(file)).toBe(true);
    await h.close();
    host = null;
    expect(existsSync(dirname(dirname(file)))).toBe(false);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback without quotes or separators and the exact UTF-8 name', () => {
    expect(contentDisposition('Café "notes"; 2025.md')).toBe(
      `attachment; filename="Caf_ _notes__ 2025.md"; filename*=UTF-8''Caf%C3%A9%20%22notes%22%3B%202025.md`,
    );
    expect(contentDisposition('a\\b%c.json')).toBe(`attachment; filename="a_b_c.json"; filename*=UTF-8''a%5Cb%25c.json`);
  });
});
