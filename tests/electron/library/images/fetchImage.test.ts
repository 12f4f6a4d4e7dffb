import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchImage, inParallel } from '../../../../electron/library/images/fetchImage.js';
import { describeRefusal, sniffImage } from '../../../../electron/library/images/sniff.js';
import { AVIF_HEAD, GIF, png, redirect, serve, startImageServer, SVG, WEBP_HEAD, type ImageServer } from './imageServer.js';

let server: ImageServer;
beforeAll(async () => {
  server = await startImageServer();
});
afterAll(() => server.close());

describe('sniffImage', () => {
  it('knows the five raster types by their bytes and nothing else', () => {
    expect(sniffImage(png(2, 2))).toBe('image/png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffImage(GIF)).toBe('image/gif');
    expect(sniffImage(WEBP_HEAD)).toBe('image/webp');
    expect(sniffImage(AVIF_HEAD)).toBe('image/avif');
    // HEIC shares AVIF's container; browsers cannot show it.
    expect(sniffImage(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(4), Buffer.from('mif1heic')]))).toBeNull();
    expect(sniffImage(SVG)).toBeNull();
    expect(sniffImage(Buffer.from('<html><body>hi</body></html>'))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
    expect(sniffImage(Buffer.from([0x89, 0x50]))).toBeNull();
  });

  it('says why bytes were refused', () => {
    expect(describeRefusal(SVG)).toMatch(/SVG/);
    expect(describeRefusal(Buffer.from('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatch(/SVG/);
    expect(describeRefusal(Buffer.from('<!doctype html><p>x'))).toMatch(/web page/);
    expect(describeRefusal(Buffer.from('BM\u0000\u0000'))).toMatch(/not a PNG, JPEG, GIF, WebP or AVIF/);
  });
});

describe('fetchImage', () => {
  it('fetches an image and decides its type from the bytes, whatever the Content-Type says', async () => {
    const bytes = png(3, 2);
    server.route('/liar.bin', serve(bytes, 'text/html'));
    const result = await fetchImage(`${server.origin}/liar.bin`);
    expect(result).toEqual({ ok: true, mime: 'image/png', bytes });
  });

  it('refuses SVG and web pages even when they claim to be PNG', async () => {
    server.route('/evil.png', serve(SVG, 'image/png'));
    server.route('/svg', serve(SVG, 'image/svg+xml'));
    server.route('/page.png', serve('<!DOCTYPE html><title>Login</title>', 'image/png'));
    expect(await fetchImage(`${server.origin}/evil.png`)).toEqual({ ok: false, reason: expect.stringMatching(/SVG/) });
    expect(await fetchImage(`${server.origin}/svg`)).toEqual({ ok: false, reason: expect.stringMatching(/SVG/) });
    expect(await fetchImage(`${server.origin}/page.png`)).toEqual({ ok: false, reason: expect.stringMatching(/web page/) });
  });

  it('only fetches http and https, and never asks anything for another scheme', async () => {
    const before = server.requests.length;
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/x.png', 'data:image/png;base64,AAAA', 'javascript:alert(1)', 'not a url']) {
      const result = await fetchImage(url);
      expect(result.ok, url).toBe(false);
      expect((result as { reason: string }).reason).toMatch(/never fetched|not a valid URL/);
    }
    expect(server.requests.length).toBe(before);
  });

  it('re-checks the scheme of every redirect: file: and ftp: targets are refused', async () => {
    server.route('/to-file', redirect('file:///etc/passwd'));
    server.route('/to-ftp', redirect('ftp://127.0.0.1/secret.png', 301));
    server.route('/hop1', redirect('/hop2', 307));
    server.route('/hop2', redirect(`${server.origin}/to-file`, 308));
    for (const path of ['/to-file', '/to-ftp', '/hop1']) {
      const result = await fetchImage(`${server.origin}${path}`);
      expect(result, path).toEqual({
        ok: false,
        reason: expect.stringMatching(/redirected to a refused address: (file|ftp): URLs are never fetched/),
      });
    }
  });

  it('follows up to 5 redirects (relative ones too), and no more', async () => {
    const bytes = png(1, 2);
    server.route('/img.png', serve(bytes));
    for (let i = 1; i <= 6; i++) server.route(`/r${i}`, redirect(i === 1 ? '/img.png' : `r${i - 1}`));
    expect(await fetchImage(`${server.origin}/r5`)).toEqual({ ok: true, mime: 'image/png', bytes });
    const before = server.requests.length;
    expect(await fetchImage(`${server.origin}/r6`)).toEqual({ ok: false, reason: 'more than 5 redirects' });
    expect(server.requests.length - before).toBe(6); // r6 … r1: the image itself is never asked for
  });

  it('drops a body past the size cap, declared or not, without reading the rest', async () => {
    server.route('/declared', serve(Buffer.concat([png(1, 1), Buffer.alloc(5000)]), 'image/png'));
    let sent = 0;
    let closed = false;
    server.route('/endless', (req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(png(1, 1));
      const timer = setInterval(() => {
        sent += 64 * 1024;
        res.write(Buffer.alloc(64 * 1024));
      }, 5);
      res.on('close', () => {
        closed = true;
        clearInterval(timer);
      });
    });
    const declared = await fetchImage(`${server.origin}/declared`, { limits: { maxBytes: 1000 } });
    expect(declared).toEqual({ ok: false, reason: 'it is larger than 1000 bytes' });
    const endless = await fetchImage(`${server.origin}/endless`, { limits: { maxBytes: 1024 * 1024 } });
    expect(endless).toEqual({ ok: false, reason: 'it is larger than 1 MB' });
    await expect.poll(() => closed).toBe(true);
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });

  it('gives up after the time limit, whether the server is silent or trickles', async () => {
    server.route('/silent', () => undefined);
    server.route('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(png(1, 1).subarray(0, 10));
    });
    for (const path of ['/silent', '/trickle']) {
      const started = Date.now();
      const result = await fetchImage(`${server.origin}${path}`, { limits: { timeoutMs: 300 } });
      expect(result, path).toEqual({ ok: false, reason: 'no complete answer within 300 ms', unreachable: true });
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });

  it('explains HTTP errors, unreachable hosts and cancellation', async () => {
    expect(await fetchImage(`${server.origin}/nothing.png`)).toEqual({ ok: false, reason: 'the server answered 404 Not Found' });
    const closed = await startImageServer();
    await closed.close();
    const refused = await fetchImage(`${closed.origin}/x.png`);
    expect(refused).toEqual({ ok: false, reason: 'could not download it (ECONNREFUSED)', unreachable: true });
    const controller = new AbortController();
    server.route('/slow', () => undefined);
    const pending = fetchImage(`${server.origin}/slow`, { signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ ok: false, reason: 'the export was cancelled' });
  });
});

describe('inParallel', () => {
  it('runs every item with at most `limit` at once', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await inParallel([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5 + (n % 3)));
      seen.push(n);
      running--;
    });
    expect(most).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
