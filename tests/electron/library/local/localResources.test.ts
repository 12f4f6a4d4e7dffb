import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { ImageRoute } from '../../../../electron/library/local/imageRoute.js';
import { LocalFiles } from '../../../../electron/library/local/localResources.js';
import { createLibraryService, type LibraryService } from '../../../../electron/library/service.js';
import { bundleSite } from '../../../helpers/bundle.js';
import { idsByTitle } from '../../../helpers/service.js';
import { tempDir } from '../../../helpers/tmp.js';

let service: LibraryService | null = null;
afterEach(() => {
  service?.close();
  service = null;
});

async function bundleLibrary(): Promise<{ service: LibraryService; site: string; ids: Record<string, number> }> {
  const site = bundleSite(tempDir());
  service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
  await importFolders(service.db, [join(site, 'content')]);
  return { service, site, ids: await idsByTitle(service) };
}

const imageSrcs = (html: string) => [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);

describe('the preview of a page bundle', () => {
  it('shows every local picture through the route, and the route serves exactly those files', async () => {
    const { service, site, ids } = await bundleLibrary();
    const { html, blockedRemote } = await service.api.articles.preview({ id: ids['A Page Bundle With Pictures']! });
    expect(blockedRemote).toEqual([]);
    const srcs = imageSrcs(html);
    expect(srcs).toHaveLength(4);
    for (const src of srcs) expect(src).toMatch(/^\/article-images\/\d+\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]+$/);
    const served = srcs.map((src) => service.localImage(src));
    expect(served.map((s) => s.ok && s.mime)).toEqual(['image/png', 'image/jpeg', 'image/png', 'image/png']);
    const chart = served[0]!;
    expect(chart.ok && chart.bytes.equals(readFileSync(join(site, 'content/posts/my-post/chart.png')))).toBe(true);
    const logo = served[3]!;
    expect(logo.ok && logo.bytes.equals(readFileSync(join(site, 'static/img/logo.png')))).toBe(true);
    expect(html).toContain('alt="Quarterly chart"');
  });

  it('turns links to other articles of the library into in-app links, by file and by Hugo address', async () => {
    const { service, ids } = await bundleLibrary();
    const other = ids['The Other Post']!;
    const { html } = await service.api.articles.preview({ id: ids['A Page Bundle With Pictures']! });
    const links = [...html.matchAll(/<a href="([^"]*)"[^>]*target="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(links).toEqual([
      [`#gleaner-article=${other}`, '_top', 'the other post'],
      [`#gleaner-article=${other}`, '_top', 'by its address'],
    ]);
    const back = await service.api.articles.preview({ id: other });
    expect(back.html).toContain(`href="#gleaner-article=${ids['A Page Bundle With Pictures']}"`);
  });

  it('shows a placeholder naming each refused or missing picture, and loads none of them', async () => {
    const { service, ids } = await bundleLibrary();
    const { html } = await service.api.articles.preview({ id: ids['Pictures That Must Not Load']! });
    expect(imageSrcs(html)).toEqual([]);
    const labels = [...html.matchAll(/data-local-file="[^"]*"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(labels).toEqual([
      '[image: ../../secret.png (outside the imported folder)]',
      '[image: ../../../../../../../../etc/hostname (outside the imported folder)]',
      '[image: linked-out.png (a link that leads outside the imported folder)]',
      '[image: drawing.svg (an SVG image, which can carry scripts)]',
      '[image: notes.png (not a PNG, JPEG, GIF, WebP or AVIF image)]',
      '[image: missing.png (not found)]',
      '[image: /img/nothing-here.png (not found)]',
    ]);
    // The link out of the folder names no article: it keeps its text and loses its target.
    expect(html).toMatch(/<a rel="noopener noreferrer nofollow" target="_blank">secret<\/a>/);
  });
});

describe('the image route', () => {
  it('refuses a path outside the folder even when its URL is genuine, and any URL it did not make', async () => {
    const { service, ids } = await bundleLibrary();
    const route = new ImageRoute(Buffer.alloc(32, 7));
    const files = new LocalFiles(service.db, route);
    const hostile = ids['Pictures That Must Not Load']!;
    expect(files.serve(route.path(hostile, '../../secret.png')!)).toEqual({ ok: false, reason: 'outside the imported folder' });
    expect(files.serve(route.path(hostile, 'linked-out.png')!)).toEqual({ ok: false, reason: 'a link that leads outside the imported folder' });
    expect(files.serve(route.path(hostile, 'drawing.svg')!)).toMatchObject({ ok: false });
    const good = route.path(ids['A Page Bundle With Pictures']!, 'chart.png')!;
    expect(files.serve(good)).toMatchObject({ ok: true, mime: 'image/png' });
    // Another article's id, another src or another key: the mac no longer matches.
    const [, , , mac, src] = good.split('/');
    expect(files.serve(`/article-images/${hostile}/${mac}/${src}`)).toMatchObject({ ok: false, status: 404 });
    expect(files.serve(good.replace(/[^/]+$/, Buffer.from('../../secret.png').toString('base64url')))).toMatchObject({ ok: false, status: 404 });
    expect(service.localImage(good)).toMatchObject({ ok: false, status: 404 });
    expect(files.serve('/article-images/1/../../etc/passwd')).toMatchObject({ ok: false, status: 404 });
  });
});
