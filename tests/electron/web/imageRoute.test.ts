import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFolders } from '../../../electron/library/import/importer.js';
import { createLibraryService, type LibraryService } from '../../../electron/library/service.js';
import { appProtocolHandler } from '../../../electron/shell/appProtocol.js';
import { startWebHost, type WebHost } from '../../../electron/web/server.js';
import { bundleSite } from '../../helpers/bundle.js';
import { send } from '../../helpers/http.js';
import { idsByTitle } from '../../helpers/service.js';
import { tempDir } from '../../helpers/tmp.js';

let host: WebHost | null = null;
let service: LibraryService | null = null;
afterEach(async () => {
  await host?.close();
  service?.close();
  host = null;
  service = null;
});

/** A library of the bundle fixture, and the route paths of the page bundle's pictures. */
async function library(): Promise<{ service: LibraryService; site: string; srcs: string[] }> {
  const site = bundleSite(tempDir());
  service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
  await importFolders(service.db, [join(site, 'content')]);
  const ids = await idsByTitle(service);
  const { html } = await service.api.articles.preview({ id: ids['A Page Bundle With Pictures']! });
  return { service, site, srcs: [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!) };
}

describe('the preview image route in browser mode', () => {
  it('serves a picture by its bytes with a fixed type, and refuses tampered paths, other hosts and writes', async () => {
    const { service, site, srcs } = await library();
    const staticDir = tempDir();
    host = await startWebHost({ service, staticDir });
    const chart = await send(host, srcs[0]!);
    expect(chart.status).toBe(200);
    expect(chart.headers['content-type']).toBe('image/png');
    expect(chart.headers['x-content-type-options']).toBe('nosniff');
    expect(chart.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(Number(chart.headers['content-length'])).toBe(readFileSync(join(site, 'content/posts/my-post/chart.png')).length);

    const tampered = srcs[0]!.replace(/[^/]+$/, Buffer.from('../../secret.png').toString('base64url'));
    expect((await send(host, tampered)).status).toBe(404);
    // Dot segments sent raw: whatever answers (here the static files' "not built" page), never the file itself.
    const escaped = await send(host, '/article-images/1/../../../etc/passwd');
    expect(escaped.status).not.toBe(200);
    expect(escaped.body).not.toContain('root:');
    expect((await send(host, '/article-images/')).status).toBe(404);
    // DNS rebinding and cross-site requests are refused like every other route.
    expect((await send(host, srcs[0]!, { headers: { host: `evil.example:${host.port}` } })).status).toBe(403);
    expect((await send(host, srcs[0]!, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await send(host, srcs[0]!, { method: 'POST' })).status).toBe(405);
    // The sandboxed preview frame has an opaque origin: its image requests say `Origin: null`.
    expect((await send(host, srcs[0]!, { headers: { origin: 'null' } })).status).toBe(200);
    expect((await send(host, tampered, { headers: { origin: 'null' } })).status).toBe(404);
    expect(
      (await send(host, '/api/library/stats', { method: 'POST', headers: { origin: 'null', authorization: `Bearer ${host.token}` } })).status,
    ).toBe(403);
  });
});

describe('the preview image route in the desktop app', () => {
  it('answers app://gleaner/article-images/… from the library and nothing else', async () => {
    const { service, srcs } = await library();
    const handler = appProtocolHandler(tempDir(), (pathname) => service.localImage(pathname));
    const ok = await handler(new Request(`app://gleaner${srcs[1]}`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/jpeg');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    const tampered = await handler(new Request(`app://gleaner${srcs[1]!.replace(/[^/]+$/, 'Li4vLi4vc2VjcmV0LnBuZw')}`));
    expect(tampered.status).toBe(404);
    expect((await handler(new Request(`app://other${srcs[1]}`))).status).toBe(404);
    const noLibrary = appProtocolHandler(tempDir());
    expect((await noLibrary(new Request(`app://gleaner${srcs[1]}`))).status).toBe(404);
  });
});
