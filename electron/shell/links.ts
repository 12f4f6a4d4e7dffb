/**
 * Which URLs may leave the app for the system's handlers. Only web pages and mail:
 * `file:` would open local programs or documents, `javascript:`/`data:` would run in
 * whatever opens them, and custom schemes (`ms-msdt:`, `vscode:`, `smb:`) are how
 * "click a link, run a program" exploits reach the OS. Everything else is dropped.
 */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const MAX_URL_LENGTH = 8192;

/** The URL, normalized, when it may be handed to `shell.openExternal`; null otherwise. */
export function externalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  // Control characters have no business in a link and confuse OS URL handlers.
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.href;
}

/** Opens an allowed URL in the system browser (or mail client); anything else is dropped. */
export function openIfExternal(raw: unknown, openExternal: (url: string) => Promise<void>): boolean {
  const url = externalUrl(raw);
  if (!url) return false;
  openExternal(url).catch(() => {
    // No browser registered, or the OS refused: nothing the app can do about it.
  });
  return true;
}
