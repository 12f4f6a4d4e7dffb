import type { Session, WebContents } from 'electron';
import { openIfExternal } from './links.js';

type OpenExternal = (url: string) => Promise<void>;

/**
 * The page never navigates: the app is one document. A link that would leave it (a
 * click, `location = …`, a file dropped on the window) is stopped, and web and mail
 * links go to the system browser instead.
 */
export function onWillNavigate(event: { url: string; preventDefault(): void }, openExternal: OpenExternal): void {
  event.preventDefault();
  openIfExternal(event.url, openExternal);
}

/** Frames the app itself creates: the article preview is a srcdoc document. */
const OWN_FRAME_URLS = new Set(['about:srcdoc', 'about:blank']);

/**
 * Subframes (the sandboxed article preview) may load only their own srcdoc; a link
 * clicked inside an article goes to the system browser instead of replacing the frame.
 * Main-frame navigations are `will-navigate`'s business (both events fire for them).
 */
export function onWillFrameNavigate(event: { url: string; isMainFrame: boolean; preventDefault(): void }, openExternal: OpenExternal): void {
  if (event.isMainFrame || OWN_FRAME_URLS.has(event.url)) return;
  event.preventDefault();
  openIfExternal(event.url, openExternal);
}

/**
 * `window.open` and `target=_blank` links (the renderer's "Open original", links in the
 * preview frame, which is sandboxed with allow-popups for exactly this) never open an
 * Electron window: web and mail links go to the system browser, the rest nowhere.
 */
export function windowOpenHandler(details: { url: string }, openExternal: OpenExternal): { action: 'deny' } {
  openIfExternal(details.url, openExternal);
  return { action: 'deny' };
}

/** Applied to every web contents the app creates (app.on('web-contents-created')). */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => onWillNavigate(event, openExternal));
  contents.on('will-frame-navigate', (event) => onWillFrameNavigate(event, openExternal));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => windowOpenHandler(details, openExternal));
}

/** Requests the page never needs: local files (the app is served from app://). */
export function isBlockedRequest(url: string): boolean {
  return /^file:/i.test(url);
}

/**
 * The session the window uses grants nothing: no camera, microphone, geolocation,
 * notifications, HID/USB/serial, no downloads, no file:// loads. The app needs none,
 * and an article that slipped past the sanitizer could ask for them.
 */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on' | 'webRequest'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  // No URL filter (its pattern syntax for file: is easy to get wrong, and a bad pattern
  // throws at start): every request is looked at, and the app makes few.
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequest(details.url) }));
}
