import { readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFolders } from '../../../electron/library/import/importer.js';
import type { Envelope } from '../../../shared/api.js';
import type { DownloadStarted } from '../../../shared/downloads.js';
import { exportEnded } from '../../helpers/service.js';
import { describe, expect, it } from 'vitest';
import { createOneTimeCodes } from '../../../electron/web/oneTimeCodes.js';
import { serve } from '../../../electron/web/serve.js';
import type { WebHost } from '../../../electron/web/server.js';
import { seedLike, writeTree } from '../../helpers/articles.js';
import { send } from '../../helpers/http.js';
import { tempDir } from '../../helpers/tmp.js';
import { startTestHost } from '../../helpers/webHost.js';

async function start(options: { now?: () => number } = {}): Promise<WebHost> {
  return (await startTestHost({ codes: options.now ? createOneTimeCodes(60_000, options.now) : undefined })).host;
}

const post = (h: WebHost, path: string, body: string, headers: Record<string, string> = {}) =>
  send(h, path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}`, ...headers }, body });

const trade = (h: WebHost, code: unknown) => post(h, '/api/session', JSON.stringify({ code }), { authorization: '' });

describe('hostile requests to the browser-mode host', () => {
  it('a body over 1 MB is answered 413 in the envelope, not with a reset connection', async () => {
    const h = await start();
    const big = JSON.stringify({ query: 'x'.repeat(3 * 1024 * 1024) });
    const reply = await post(h, '/api/articles/search', big);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'bad-request', message: 'The request body is larger than 1 MB' } });
    // The host still answers afterwards.
    expect((await post(h, '/api/library/stats', '{}')).status).toBe(200);
  });

  it('a bad percent-encoding in a static path is a 400, not a 500', async () => {
    const h = await start();
    for (const path of ['/%E0%A4%A', '/assets/%zz.js', '/%']) {
      const reply = await send(h, path);
      expect(reply.status, path).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({
        ok: false,
        error: { code: 'bad-request', message: expect.stringMatching(/^Bad percent-encoding in the path/) },
      });
    }
    expect((await send(h, '/assets/app.js')).status).toBe(200);
  });
});

describe('serve --open: a one-time code on the command line, never the token', () => {
  it('opens the browser with a code that the page trades for the token once', async () => {
    const workerDir = tempDir();
    writeTree(workerDir, { 'renderer/index.html': '<!doctype html><title>Gleaner</title>' });
    const opened: string[] = [];
    const lines: string[] = [];
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const serving = serve({
      dbPath: join(tempDir(), 'lib.db'),
      port: 0,
      open: true,
      workerDir,
      watch: false,
      log: (l) => lines.push(l),
      openBrowser: (u) => opened.push(u),
      until: stopped,
    });
    await expect.poll(() => opened.length).toBe(1);
    try {
      const printed = new URL(lines.find((l) => l.startsWith('Open '))!.slice('Open '.length));
      const token = printed.searchParams.get('token')!;
      const url = new URL(opened[0]!);
      // What a process list would show: the address and a code, and nothing of the token.
      expect(url.searchParams.get('token')).toBeNull();
      expect(opened[0]).not.toContain(token);
      const code = url.searchParams.get('code')!;
      expect(code).toMatch(/^[A-Za-z0-9_-]{24}$/);
      const h = { port: Number(url.port) } as WebHost;
      const first = await trade(h, code);
      expect(first.status).toBe(200);
      expect(JSON.parse(first.body)).toEqual({ ok: true, value: { token } });
      // Read from the process list later, the code is worth nothing.
      const again = await trade(h, code);
      expect(again.status).toBe(401);
      expect(JSON.parse(again.body).error.message).toMatch(/used already or has expired/);
    } finally {
      stop();
      await serving;
    }
  });

  it('a code expires unused, and a wrong one gets nothing', async () => {
    let now = 1_000_000;
    const h = await start({ now: () => now });
    const code = new URL(h.codeUrl()).searchParams.get('code');
    expect((await trade(h, 'not-a-code-not-a-code-xx')).status).toBe(401);
    expect((await trade(h, h.token)).status).toBe(401);
    expect((await trade(h, 42)).status).toBe(401);
    now += 60_001;
    const late = await trade(h, code);
    expect(late.status).toBe(401);
    expect(late.body).not.toContain(h.token);
    const fresh = new URL(h.codeUrl()).searchParams.get('code');
    expect(JSON.parse((await trade(h, fresh)).body)).toEqual({ ok: true, value: { token: h.token } });
  });
});

describe('over HTTP an export never replaces a file Gleaner did not write', () => {
  it('overwrite: true is refused for a file of the person, a symlink to one, and an export changed since; honoured for its own', async () => {
    const folder = tempDir();
    writeTree(folder, { 'a.txt': seedLike({ title: 'Exported' }) });
    const { host: h, service } = await startTestHost({ prepare: (s) => importFolders(s.db, [folder]).then(() => undefined) });
    const dir = tempDir();
    const exportTo = (out: string, overwrite?: boolean) =>
      post(h, '/api/exports/start', JSON.stringify({ source: { all: true }, format: 'json', out, overwrite }));

    const mine = join(dir, 'notes.json');
    writeFileSync(mine, 'my own words');
    const link = join(dir, 'link.json');
    symlinkSync(mine, link);
    for (const target of [mine, link]) {
      const refused = await exportTo(target, true);
      expect(refused.status, target).toBe(400);
      expect(JSON.parse(refused.body)).toEqual({
        ok: false,
        error: {
          code: 'bad-request',
          message: `Will not replace ${target}: Gleaner did not write it (over HTTP an export replaces only a file this server exported); choose another name`,
        },
      });
    }
    expect(readFileSync(mine, 'utf8')).toBe('my own words');

    // Its own export it may replace, as often as the person asks…
    const ours = join(dir, 'library.json');
    const first = JSON.parse((await exportTo(ours)).body) as Envelope<{ jobId: string }>;
    expect(first.ok && (await exportEnded(service, first.value.jobId)).state).toBe('done');
    await expect
      .poll(async () => {
        const again = JSON.parse((await exportTo(ours, true)).body) as Envelope<{ jobId: string }>;
        return again.ok && (await exportEnded(service, again.value.jobId)).state;
      })
      .toBe('done');
    expect(JSON.parse(readFileSync(ours, 'utf8')).articles).toHaveLength(1);
    // …until someone else writes to it.
    writeFileSync(ours, 'changed by hand');
    expect((await exportTo(ours, true)).status).toBe(400);
    expect(readFileSync(ours, 'utf8')).toBe('changed by hand');
  });
});

describe('downloads serve only the files the download route wrote', () => {
  it('a finished download swapped for a link to another file (or rewritten) is not sent', async () => {
    const folder = tempDir();
    writeTree(folder, { 'a.txt': seedLike({ title: 'Exported' }) });
    const { host: h, service } = await startTestHost({ prepare: (s) => importFolders(s.db, [folder]).then(() => undefined) });
    const secret = join(tempDir(), 'secret.txt');
    writeFileSync(secret, 'root:x:0:0 SECRET');
    const download = async () => {
      const started = JSON.parse(
        (await post(h, '/api/downloads', JSON.stringify({ source: { all: true }, format: 'json' }))).body,
      ) as Envelope<DownloadStarted>;
      if (!started.ok) throw new Error(started.error.message);
      const job = await exportEnded(service, started.value.jobId);
      return { url: `/${started.value.url}?token=${h.token}`, file: job.report!.out };
    };

    const linked = await download();
    unlinkSync(linked.file);
    symlinkSync(secret, linked.file);
    const refused = await send(h, linked.url);
    expect(refused.status).toBe(404);
    expect(refused.body).not.toContain('SECRET');
    expect(JSON.parse(refused.body).error.message).toMatch(/was replaced; export again/);

    const rewritten = await download();
    unlinkSync(rewritten.file);
    writeFileSync(rewritten.file, 'root:x:0:0 SECRET'); // another file at the same name (the inode number may be reused)
    expect((await send(h, rewritten.url)).status).toBe(404);

    const untouched = await download();
    expect((await send(h, untouched.url)).status).toBe(200);
  });
});
