/**
 * Remote images in exports: links by default (and no request at all), embedded from the local
 * image cache when asked, downloaded first only when the person allows it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../electron/library/db/connection.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { ImageEmbedder } from '../../../../electron/library/export/imageEmbedder.js';
import type { ExportArticle, ExportRequest } from '../../../../electron/library/export/types.js';
import { ImageCache } from '../../../../electron/library/db/queries/imageCache.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { cli } from '../../../helpers/cli.js';
import { tempDir } from '../../../helpers/tmp.js';
import { GIF, png, serve, startImageServer, SVG, WEBP_HEAD, type ImageServer } from '../images/imageServer.js';
import { EPUBCHECK, itNeeding } from '../../../helpers/requirements.js';
import { epubcheck, libraryFrom, suiteDir, zipEntries } from './helpers.js';

let server: ImageServer;
let db: Db;
let ids: { html: number; md: number; clean: number; plain: number };
const CACHED = png(6, 4, [200, 30, 30]);
const FRESH = png(3, 3, [30, 200, 30]);
const MD_IMAGE = png(2, 5, [30, 30, 200]);
const url = (path: string) => `${server.origin}${path}`;

beforeAll(async () => {
  server = await startImageServer();
  server.route('/cached.png', serve(CACHED));
  server.route('/fresh.png', serve(FRESH, 'application/octet-stream'));
  server.route('/photo.gif', serve(GIF, 'image/gif'));
  server.route('/md.png', serve(MD_IMAGE));
  server.route('/pixel.gif', serve(GIF, 'image/gif'));
  server.route('/evil.svg', serve(SVG, 'image/svg+xml'));
  server.route('/photo.webp', serve(WEBP_HEAD, 'image/webp'));
  const dir = suiteDir('gleaner-embed-');
  writeTree(dir, {
    'images.txt': seedLike({
      title: 'Images',
      body: [
        `<p>Cached <img src="${url('/cached.png')}" alt="cached one" width="60" height="40"></p>`,
        `<p>Fresh <img src="${url('/fresh.png')}" alt="fresh one"> and again <img src="${url('/fresh.png')}"></p>`,
        `<figure><img src="${url('/photo.gif')}" alt="a gif"><figcaption>Caption</figcaption></figure>`,
        `<p>Pixel <img src="${url('/pixel.gif')}" width="1" height="1"></p>`,
        `<p>Broken <img src="${url('/missing.png')}" alt="gone"> svg <img src="${url('/evil.svg')}" alt="svg"> webp <img src="${url('/photo.webp')}" alt="webp"></p>`,
        `<p>A <a href="${url('/page')}">link</a> stays a link.</p>`,
      ].join('\n'),
    }),
    'markdown.md': `---\ntitle: Markdown body\n---\nSome *text* with ![md alt](${url('/md.png')}) inside.\n`,
    'clean.txt': seedLike({
      title: 'Clean',
      body: `<p>Only <img src="${url('/cached.png')}" alt="again"> and <img src="${url('/photo.gif')}" alt="gif"></p>`,
    }),
    'plain.txt': seedLike({ title: 'No images', body: '<p>Nothing remote here.</p>' }),
  });
  db = await libraryFrom([dir]);
  const id = (rel: string) => db.prepare('SELECT id FROM articles WHERE rel_path = ?').pluck().get(rel) as number;
  ids = { html: id('images.txt'), md: id('markdown.md'), clean: id('clean.txt'), plain: id('plain.txt') };
});
afterAll(() => server.close());

/** Empties the cache and puts only /cached.png in it (as an earlier download would have). */
function resetCache(): void {
  db.prepare('DELETE FROM image_cache').run();
  new ImageCache(db).put(url('/cached.png'), { mime: 'image/png', bytes: CACHED });
}

const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;
const imgSrcs = (html: string) => DomUtils.findAll((el) => el.name === 'img', parseDocument(html).children).map((el) => el.attribs.src!);

async function run(format: ExportRequest['format'], options: Partial<ExportRequest> = {}, articleIds = [ids.html, ids.md, ids.clean, ids.plain]) {
  const out = join(tempDir(), `out.${format}`);
  const before = server.requests.length;
  const report = await exportArticles(db, { ids: articleIds, format, out, ...options });
  return { report, out, requests: server.requests.slice(before) };
}

describe('remote images in exports', () => {
  it('by default: links, no request, and the same bytes as an export that embeds but finds nothing cached', async () => {
    db.prepare('DELETE FROM image_cache').run();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-08-01T12:00:00Z') });
    try {
      for (const format of ['html', 'md'] as const) {
        const plain = await run(format);
        expect(plain.requests).toEqual([]);
        const text = readFileSync(plain.out, 'utf8');
        expect(text).not.toContain('data:image');
        if (format === 'html') expect(imgSrcs(text)).toEqual([]);
        const embedding = await run(format, { embedLocalImages: true });
        expect(embedding.requests).toEqual([]);
        expect(readFileSync(embedding.out, 'utf8')).toBe(text);
        expect(embedding.report.warnings).toContain('7 image(s) are not in the local image cache (allow downloading to embed them); they are links');
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('embedLocalImages: cached images become data: URLs, uncached ones stay links, and nothing is requested', async () => {
    resetCache();
    const { report, out, requests } = await run('html', { embedLocalImages: true });
    expect(requests).toEqual([]);
    const html = readFileSync(out, 'utf8');
    expect(imgSrcs(html)).toEqual([dataUrl('image/png', CACHED), dataUrl('image/png', CACHED)]);
    expect(html).toContain(`<img src="${dataUrl('image/png', CACHED)}" alt="cached one" width="60" height="40">`);
    expect(html).toContain(`<a href="${url('/fresh.png')}" class="gleaner-blocked"`);
    expect(html).not.toMatch(/<img[^>]+src="https?:/);
    expect(report.warnings).toContain('6 image(s) are not in the local image cache (allow downloading to embed them); they are links');
  });

  it('fetchRemoteImages: downloads what the cache lacks (never the tracking pixel), embeds it, and keeps it', async () => {
    resetCache();
    const { report, out, requests } = await run('html', { embedLocalImages: true, fetchRemoteImages: true });
    // Each missing image once, however often it is shown; never the pixel, never the cached one, never the link.
    expect([...requests].sort()).toEqual(['/evil.svg', '/fresh.png', '/md.png', '/missing.png', '/photo.gif', '/photo.webp']);
    const html = readFileSync(out, 'utf8');
    expect(imgSrcs(html)).toEqual(
      expect.arrayContaining([
        dataUrl('image/png', CACHED),
        dataUrl('image/png', FRESH),
        dataUrl('image/gif', GIF),
        dataUrl('image/png', MD_IMAGE),
        dataUrl('image/webp', WEBP_HEAD),
      ]),
    );
    expect(imgSrcs(html).every((src) => src.startsWith('data:image/'))).toBe(true);
    expect(html).toContain(`<a href="${url('/missing.png')}" class="gleaner-blocked"`);
    expect(html).toContain(`<a href="${url('/evil.svg')}" class="gleaner-blocked"`);
    expect(html).not.toContain(url('/pixel.gif'));
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        `image not embedded, ${url('/missing.png')}: the server answered 404 Not Found`,
        `image not embedded, ${url('/evil.svg')}: it is an SVG image, which can carry scripts and is never embedded`,
      ]),
    );
    const cache = new ImageCache(db);
    expect(cache.get(url('/fresh.png'))).toEqual({ mime: 'image/png', bytes: FRESH });
    expect(cache.get(url('/md.png'))).toEqual({ mime: 'image/png', bytes: MD_IMAGE });
    expect(cache.has(url('/evil.svg'))).toBe(false);
    expect(cache.has(url('/pixel.gif'))).toBe(false);

    // Everything the clean articles show is cached now: a second export asks nothing.
    const again = await run('html', { embedLocalImages: true, fetchRemoteImages: true }, [ids.clean, ids.md]);
    expect(again.requests).toEqual([]);
    expect(imgSrcs(readFileSync(again.out, 'utf8'))).toEqual([
      dataUrl('image/png', CACHED),
      dataUrl('image/gif', GIF),
      dataUrl('image/png', MD_IMAGE),
    ]);
  });

  it('Markdown digest: embedded images are data: URLs, in Markdown bodies too', async () => {
    resetCache();
    new ImageCache(db).put(url('/md.png'), { mime: 'image/png', bytes: MD_IMAGE });
    const { out, requests } = await run('md', { embedLocalImages: true });
    expect(requests).toEqual([]);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain(`![md alt](${dataUrl('image/png', MD_IMAGE)})`);
    expect(md).toContain(`![cached one](${dataUrl('image/png', CACHED)})`);
    expect(md).not.toContain(`](${url('/md.png')})`);
    expect(md).toContain(`[\\[image: fresh one\\]](${url('/fresh.png')}`);
    expect(md).toContain('Nothing remote here.');
  });

  it('EPUB: embedded images are files of the book with manifest items, written once; WebP stays a link', async () => {
    resetCache();
    const { report, out, requests } = await run('epub', { embedLocalImages: true, fetchRemoteImages: true, title: 'Pictures' });
    expect(requests).not.toContain('/pixel.gif');
    const entries = zipEntries(readFileSync(out));
    const images = entries.filter((e) => e.name.startsWith('OEBPS/images/'));
    expect(images.map((e) => e.name).sort()).toEqual([
      'OEBPS/images/i00001.png',
      'OEBPS/images/i00002.png',
      'OEBPS/images/i00003.gif',
      'OEBPS/images/i00004.png',
    ]);
    expect(images.map((e) => e.data()).sort(Buffer.compare)).toEqual([CACHED, FRESH, GIF, MD_IMAGE].sort(Buffer.compare));
    const opf = entries
      .find((e) => e.name === 'OEBPS/content.opf')!
      .data()
      .toString('utf8');
    expect(opf).toContain('<item id="img00001" href="images/i00001.png" media-type="image/png"/>');
    expect(opf).toContain('<item id="img00003" href="images/i00003.gif" media-type="image/gif"/>');
    const chapters = entries
      .filter((e) => e.name.startsWith('OEBPS/text/'))
      .map((e) => e.data().toString('utf8'))
      .join('\n');
    expect(chapters).toContain('<img src="../images/i00001.png" alt="cached one" width="60" height="40"/>');
    expect(chapters.match(/src="\.\.\/images\/i00001\.png"/g)).toHaveLength(2); // shown twice, stored once
    expect(chapters).not.toMatch(/<img[^>]+src="(?:https?|data):/);
    expect(report.warnings).toContain('1 image(s) not embedded: WebP and AVIF are not types every EPUB reader shows; they are links');
  }, 120_000);

  itNeeding(
    [EPUBCHECK],
    'EPUB: a book with embedded images passes epubcheck',
    async () => {
      resetCache();
      const { out } = await run('epub', { embedLocalImages: true, fetchRemoteImages: true, title: 'Pictures' });
      const check = epubcheck(out);
      expect(check.output).toMatch(/No errors or warnings detected/);
      expect(check.status).toBe(0);
    },
    120_000,
  );

  it('formats that keep bodies as written say so and make no request', async () => {
    resetCache();
    for (const format of ['json', 'ndjson', 'csv', 'folder'] as const) {
      const { report, requests } = await run(format, { embedLocalImages: true, fetchRemoteImages: true });
      expect(requests).toEqual([]);
      expect(report.warnings).toContain(
        `images are embedded only in the HTML digest, the Markdown digest, EPUB and the Obsidian vault; the ${format} export keeps bodies as written`,
      );
    }
  });

  it('CLI: --embed-images uses the cache only, --fetch-images also downloads', async () => {
    db.prepare('DELETE FROM image_cache').run();
    const dir = tempDir();
    const before = server.requests.length;
    const embedOnly = await cli(
      'export',
      '--db',
      db.name,
      '--ids',
      String(ids.clean),
      '--format',
      'html',
      '--out',
      join(dir, 'a.html'),
      '--embed-images',
    );
    expect(embedOnly.code).toBe(0);
    expect(embedOnly.stdout).toContain('warning: 2 image(s) are not in the local image cache (allow downloading to embed them); they are links');
    expect(server.requests.length).toBe(before);
    const fetching = await cli(
      'export',
      '--db',
      db.name,
      '--ids',
      String(ids.clean),
      '--format',
      'html',
      '--out',
      join(dir, 'b.html'),
      '--fetch-images',
    );
    expect(fetching.code).toBe(0);
    expect([...server.requests.slice(before)].sort()).toEqual(['/cached.png', '/photo.gif']);
    expect(imgSrcs(readFileSync(join(dir, 'b.html'), 'utf8'))).toEqual([dataUrl('image/png', CACHED), dataUrl('image/gif', GIF)]);
    expect((await cli('--help')).stdout).toMatch(/--embed-images\] \[--fetch-images\]/);
  });

  it('a host that does not answer is tried once per export, not once per image', async () => {
    let asked = 0;
    for (const name of ['a', 'b', 'c']) server.route(`/hang-${name}.png`, () => void asked++);
    const embedder = new ImageEmbedder(db, { fetch: true, limits: { timeoutMs: 300 }, parallel: 1 });
    const article = {
      body: ['a', 'b', 'c'].map((n) => `<img src="${url(`/hang-${n}.png`)}">`).join(''),
      bodyFormat: 'html',
      extra: {},
    } as unknown as ExportArticle;
    await embedder.prefetch([article]);
    expect(asked).toBe(1);
    expect(embedder.warnings()).toEqual([
      `image not embedded, ${url('/hang-a.png')}: no complete answer within 300 ms`,
      `image not embedded, ${url('/hang-b.png')}: not tried: ${new URL(server.origin).host} failed earlier in this export (no complete answer within 300 ms)`,
      `image not embedded, ${url('/hang-c.png')}: not tried: ${new URL(server.origin).host} failed earlier in this export (no complete answer within 300 ms)`,
    ]);
  });

  it('a cancelled export stops downloading and leaves nothing', async () => {
    db.prepare('DELETE FROM image_cache').run();
    let started = 0;
    server.route('/slow-a.png', () => void started++);
    const controller = new AbortController();
    const slow = db.prepare('UPDATE article_bodies SET body = ? WHERE article_id = ?');
    const original = db.prepare('SELECT body FROM article_bodies WHERE article_id = ?').pluck().get(ids.plain) as string;
    slow.run(`<p><img src="${url('/slow-a.png')}"></p>`, ids.plain);
    try {
      const dir = tempDir();
      const out = join(dir, 'cancelled.html');
      const pending = exportArticles(db, { ids: [ids.plain], format: 'html', out, fetchRemoteImages: true }, { signal: controller.signal });
      await vi.waitFor(() => expect(started).toBe(1));
      controller.abort();
      await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      slow.run(original, ids.plain);
    }
  });
});
