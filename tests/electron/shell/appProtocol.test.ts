import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../electron/web/security.js';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  appProtocolHandler,
  isAppUrl,
  resolveAppFile,
} from '../../../electron/shell/appProtocol.js';
import { tempDir } from '../../helpers/tmp.js';

function rendererDir(): string {
  const root = tempDir();
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Gleaner</title>');
  writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside');
  return renderer;
}

describe('app:// protocol', () => {
  it('is a standard, secure scheme without CORS or CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled');
    expect(APP_INDEX_URL.startsWith(APP_ORIGIN + '/')).toBe(true);
  });

  it('knows its own origin and nothing else', () => {
    expect(isAppUrl('app://gleaner/index.html')).toBe(true);
    expect(isAppUrl('app://gleaner/')).toBe(true);
    for (const url of ['app://other/index.html', 'app://gleaner.evil/', 'file:///index.html', 'http://127.0.0.1/', 'about:srcdoc', 'not a url']) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('maps URLs to files inside the renderer folder only', () => {
    const root = rendererDir();
    expect(resolveAppFile(root, 'app://gleaner/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://gleaner/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
    for (const url of [
      'app://gleaner/../secret.txt',
      'app://gleaner/%2e%2e/secret.txt',
      'app://gleaner/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://gleaner/..%5csecret.txt',
      'app://gleaner/%2fetc%2fpasswd',
      'app://gleaner//etc/passwd',
      'app://gleaner/C:/Windows/win.ini',
      'app://gleaner/index.html%00.js',
      'app://gleaner/%E0%A4%A',
      'app://elsewhere/index.html',
      'file:///etc/passwd',
    ]) {
      const file = resolveAppFile(root, url);
      expect(file === null || file.startsWith(root + '/'), `${url} → ${file}`).toBe(true);
      expect(file).not.toBe(join(root, '..', 'secret.txt'));
    }
  });

  it('serves pages with the app CSP and nosniff, and nothing for the rest', async () => {
    const handler = appProtocolHandler(rendererDir());
    const page = await handler(new Request('app://gleaner/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Gleaner</title>');

    const script = await handler(new Request('app://gleaner/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    expect((await handler(new Request('app://gleaner/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://gleaner/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://gleaner/assets'))).status).toBe(404); // a folder
    expect((await handler(new Request('app://gleaner/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
