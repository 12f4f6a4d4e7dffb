import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WebHost } from '../../../electron/web/server.js';
import type { Envelope, ImportJob, LibraryEvent } from '../../../shared/api.js';
import type { SearchPage } from '../../../shared/types.js';
import { seedLike, writeTree } from '../../helpers/articles.js';
import { send } from '../../helpers/http.js';
import { tempDir } from '../../helpers/tmp.js';
import { startTestHost } from '../../helpers/webHost.js';

async function start(): Promise<WebHost> {
  return (await startTestHost()).host;
}

const call = (h: WebHost, path: string, args: unknown, headers: Record<string, string> = {}) =>
  send(h, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}`, ...headers },
    body: JSON.stringify(args),
  });

describe('browser-mode host', () => {
  it('listens on loopback with a random port and a token in the URL it prints', async () => {
    const h = await start();
    expect(h.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${h.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    expect(h.port).toBeGreaterThan(0);
  });

  it('serves the app with a CSP that allows no remote script or connection', async () => {
    const h = await start();
    const page = await send(h, '/');
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('answers API calls only with the token', async () => {
    const h = await start();
    expect((await call(h, '/api/library/stats', {}, { authorization: '' })).status).toBe(401);
    expect((await call(h, '/api/library/stats', {}, { authorization: 'Bearer wrong' })).status).toBe(401);
    const ok = await call(h, '/api/library/stats', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { articles: 0 } });
  });

  it('refuses other Host names (DNS rebinding) and other Origins (cross-site calls)', async () => {
    const h = await start();
    expect((await call(h, '/api/library/stats', {}, { host: `evil.example:${h.port}` })).status).toBe(403);
    expect((await send(h, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await call(h, '/api/library/stats', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call(h, '/api/library/stats', {}, { origin: `http://127.0.0.1:${h.port + 1}` })).status).toBe(403);
    expect((await call(h, '/api/library/stats', {}, { origin: `http://localhost:${h.port}`, host: `localhost:${h.port}` })).status).toBe(200);
  });

  it('validates arguments against the shared schema before any handler runs', async () => {
    const h = await start();
    const bad = await call(h, '/api/articles/search', { query: 42 });
    expect(bad.status).toBe(400);
    const envelope = JSON.parse(bad.body) as Envelope<unknown>;
    expect(envelope).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('query') } });
    const extra = JSON.parse((await call(h, '/api/articles/get', { id: 1, sql: 'DROP' })).body) as Envelope<unknown>;
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const unknown = JSON.parse((await call(h, '/api/library/dropEverything', {})).body) as Envelope<unknown>;
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'Unknown call library:dropEverything' } });
    const proto = JSON.parse((await call(h, '/api/articles/constructor', {})).body) as Envelope<unknown>;
    expect(proto).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('keeps error codes across the wire: bad query with its position, not found', async () => {
    const h = await start();
    const badQuery = JSON.parse((await call(h, '/api/articles/search', { query: 'a "open' })).body) as Envelope<unknown>;
    expect(badQuery).toMatchObject({ ok: false, error: { code: 'bad-query', span: { start: 2 } } });
    const missing = JSON.parse((await call(h, '/api/articles/get', { id: 12345 })).body) as Envelope<unknown>;
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const folder = JSON.parse((await call(h, '/api/imports/start', { folders: [join(tempDir(), 'gone')] })).body) as Envelope<unknown>;
    expect(folder).toMatchObject({ ok: false, error: { code: 'folder', message: expect.stringMatching(/Folder not found/) } });
  });

  it('never serves files outside the app folder', async () => {
    const h = await start();
    for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../lib.db']) {
      const reply = await send(h, path);
      expect(reply.body, path).not.toMatch(/root:|SQLite format/);
    }
  });

  it('runs an import and streams progress and the report as server-sent events', async () => {
    const h = await start();
    const folder = tempDir();
    writeTree(folder, { 'a.txt': seedLike({ title: 'Streamed' }), 'b.md': '+++\nbroken' });
    const events: LibraryEvent[] = [];
    const finished = new Promise<ImportJob>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: h.port, path: `/api/events?token=${h.token}`, headers: { host: `127.0.0.1:${h.port}` } },
        (res) => {
          res.on('data', (chunk: Buffer) => {
            for (const line of chunk.toString().split('\n')) {
              if (!line.startsWith('data: ')) continue;
              const event = JSON.parse(line.slice(6)) as LibraryEvent;
              events.push(event);
              if (event.type === 'import-finished') resolve(event.job);
            }
          });
        },
      );
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    const started = JSON.parse((await call(h, '/api/imports/start', { folders: [folder] })).body) as Envelope<{ jobId: string }>;
    expect(started.ok).toBe(true);
    const job = await finished;
    expect(job.state).toBe('done');
    expect(job.report).toMatchObject({ added: 1, failed: 1 });
    expect(events.some((e) => e.type === 'import-progress')).toBe(true);
    const page = JSON.parse((await call(h, '/api/articles/search', { query: 'streamed' })).body) as Envelope<SearchPage>;
    expect(page.ok && page.value.total).toBe(1);
  });
});
