import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { externalUrl, openIfExternal } from '../../../electron/shell/links.js';
import { hardenSession, hardenWebContents, onWillFrameNavigate, onWillNavigate, windowOpenHandler } from '../../../electron/shell/navigation.js';
import { windowOptions } from '../../../electron/shell/windowOptions.js';

const ALLOWED = ['https://example.com/a?b=c#d', 'http://example.org/', 'mailto:editor@example.com?subject=Hi'];
const REFUSED = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'file:///etc/passwd',
  'file://server/share/x.exe',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'ms-msdt:/id PCWDiagnostic',
  'vscode://file/etc/passwd',
  'smb://evil.example.com/share',
  'app://gleaner/index.html',
  'about:blank',
  'blob:https://example.com/uuid',
  'https://',
  '/relative/path',
  'https://exa\u0000mple.com/',
  'https://example.com/\nSet-Cookie: x',
  '',
];

describe('external links', () => {
  it.each(ALLOWED)('hands %s to the system', (url) => {
    expect(externalUrl(url)).not.toBeNull();
    const open = vi.fn(async () => {});
    expect(openIfExternal(url, open)).toBe(true);
    expect(open).toHaveBeenCalledOnce();
  });

  it.each(REFUSED)('drops %j', (url) => {
    const open = vi.fn(async () => {});
    expect(openIfExternal(url, open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('drops what is not a string, and very long URLs', () => {
    const open = vi.fn(async () => {});
    for (const value of [undefined, null, 42, { toString: () => 'https://example.com' }, `https://example.com/${'a'.repeat(9000)}`]) {
      expect(openIfExternal(value, open)).toBe(false);
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('survives the system refusing to open a URL', async () => {
    const open = vi.fn(async () => {
      throw new Error('no handler');
    });
    expect(openIfExternal('https://example.com', open)).toBe(true);
    await Promise.resolve();
  });
});

const navEvent = (url: string, isMainFrame = true) => ({ url, isMainFrame, preventDefault: vi.fn() });

describe('navigation', () => {
  it('never lets the page navigate; web links go to the system browser', () => {
    const open = vi.fn(async () => {});
    const web = navEvent('https://example.com/story');
    onWillNavigate(web, open);
    expect(web.preventDefault).toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith('https://example.com/story');

    for (const url of ['file:///home/me/dropped-folder', 'javascript:void(0)', 'app://gleaner/other.html', 'custom:thing']) {
      const event = navEvent(url);
      open.mockClear();
      onWillNavigate(event, open);
      expect(event.preventDefault).toHaveBeenCalled();
      expect(open).not.toHaveBeenCalled();
    }
  });

  it('lets the preview frame load its srcdoc but sends its links to the system browser', () => {
    const open = vi.fn(async () => {});
    const srcdoc = navEvent('about:srcdoc', false);
    onWillFrameNavigate(srcdoc, open);
    expect(srcdoc.preventDefault).not.toHaveBeenCalled();

    const link = navEvent('https://example.org/source', false);
    onWillFrameNavigate(link, open);
    expect(link.preventDefault).toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith('https://example.org/source');

    const script = navEvent('javascript:alert(1)', false);
    open.mockClear();
    onWillFrameNavigate(script, open);
    expect(script.preventDefault).toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();

    // Main-frame navigations belong to will-navigate (both events fire): not handled twice.
    const main = navEvent('https://example.com', true);
    open.mockClear();
    onWillFrameNavigate(main, open);
    expect(open).not.toHaveBeenCalled();
  });

  it('denies every new window, opening only web and mail links outside', () => {
    const open = vi.fn(async () => {});
    expect(windowOpenHandler({ url: 'https://example.com/original' }, open)).toEqual({ action: 'deny' });
    expect(open).toHaveBeenCalledWith('https://example.com/original');
    open.mockClear();
    for (const url of ['file:///etc/hosts', 'data:text/html,hi', 'javascript:1', 'about:blank', 'x-custom://run']) {
      expect(windowOpenHandler({ url }, open)).toEqual({ action: 'deny' });
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('wires all of it onto every web contents, and blocks <webview>', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    const open = vi.fn(async () => {});
    hardenWebContents(contents as unknown as WebContents, open);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-frame-navigate')).toBe(1);
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, { src: 'https://example.com' });
    expect(webview.preventDefault).toHaveBeenCalled();
    const nav = navEvent('https://example.com/x');
    contents.emit('will-navigate', nav);
    expect(nav.preventDefault).toHaveBeenCalled();
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => unknown;
    expect(handler({ url: 'file:///x' })).toEqual({ action: 'deny' });
  });
});

describe('session', () => {
  it('denies every permission request and check, device access and downloads, and file:// loads', () => {
    const session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    });
    hardenSession(session as unknown as Session);

    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(check({}, 'media', 'app://gleaner', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(device({})).toBe(false);

    const download = { preventDefault: vi.fn() };
    session.emit('will-download', download, {}, {});
    expect(download.preventDefault).toHaveBeenCalled();

    const [onRequest] = session.webRequest.onBeforeRequest.mock.calls[0]! as [(d: { url: string }, cb: (r: unknown) => void) => void];
    const verdict = (url: string) => {
      const cb = vi.fn();
      onRequest({ url }, cb);
      return cb.mock.calls[0]![0];
    };
    expect(verdict('file:///etc/passwd')).toEqual({ cancel: true });
    expect(verdict('FILE://server/share/x')).toEqual({ cancel: true });
    expect(verdict('app://gleaner/assets/index.js')).toEqual({ cancel: false });
    expect(verdict('https://cdn.example.com/a.png')).toEqual({ cancel: false }); // remote images the person allowed
  });
});

describe('windowOptions', () => {
  const options = windowOptions({ preload: '/app/out/preload.cjs', bounds: { width: 1000, height: 700 }, backgroundColor: '#fff', dev: false });

  it('isolates and sandboxes the page', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('enables nothing that weakens the page', () => {
    const prefs = options.webPreferences!;
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.partition).toBeUndefined(); // the hardened default session
    expect(prefs.devTools).toBe(false);
    expect(prefs.spellcheck).toBe(false); // would download dictionaries
    expect(windowOptions({ preload: 'p', bounds: { width: 1, height: 1 }, backgroundColor: '#000', dev: true }).webPreferences!.devTools).toBe(true);
  });

  it('keeps the remembered bounds and shows only when ready', () => {
    const withPlace = windowOptions({ preload: 'p', bounds: { x: 10, y: 20, width: 900, height: 600 }, backgroundColor: '#000', dev: false });
    expect(withPlace).toMatchObject({ x: 10, y: 20, width: 900, height: 600, show: false });
  });
});
