/**
 * Records every request the browser sends off this machine, from any frame. Playwright's
 * `request` events miss requests made inside sandboxed `srcdoc` frames (the reading pane's
 * article frame is one: measured, an <img> there hit a server with no event), so the browser
 * context is pointed at this recording proxy instead: whatever leaves for another host
 * arrives here, is written down and refused. Loopback stays direct (the bypass list), so
 * the app itself is served as usual.
 */
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from '@playwright/test';
import type { AddressInfo } from 'node:net';

export interface EgressRecorder {
  /** For `browser.newContext({ proxy })`. */
  proxy: { server: string; bypass: string };
  /** `https://host:443` for CONNECT tunnels, the full URL for plain http. */
  attempts: string[];
  close(): Promise<void>;
}

export async function startEgressRecorder(): Promise<EgressRecorder> {
  const attempts: string[] = [];
  const server: Server = createServer((request, response) => {
    attempts.push(request.url ?? '?');
    response.writeHead(502).end();
  });
  server.on('connect', (request, socket) => {
    attempts.push(`https://${request.url ?? '?'}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    proxy: { server: `http://127.0.0.1:${port}`, bypass: '127.0.0.1,localhost,[::1]' },
    attempts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A page whose off-machine requests, from any frame, go to a recording proxy (see
 * helpers/egress.ts: Playwright's request events miss the sandboxed article frame's).
 */
export async function recordedPage(browser: Browser): Promise<{ page: Page; egress: EgressRecorder; close: () => Promise<void> }> {
  const egress = await startEgressRecorder();
  const context = await browser.newContext({ proxy: egress.proxy, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  return { page, egress, close: async () => (await context.close(), await egress.close()) };
}
