import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * DNS rebinding defence: a page on evil.example that resolves to 127.0.0.1 still
 * sends `Host: evil.example`, so only loopback names with our port are served.
 */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  if (!host) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.toLowerCase());
  return !!match && LOOPBACK_HOSTS.has(match[1]!) && Number(match[2] ?? 80) === port;
}

/** Cross-site calls: a browser always sends Origin on POST; it must be our own. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // same-origin GET, curl, the CLI
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname === '::1' ? '[::1]' : url.hostname) && Number(url.port) === port;
  } catch {
    return false;
  }
}

/** Constant-time token comparison, so the token cannot be guessed byte by byte. */
export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The app's own CSP. Scripts and styles only from the app; the preview frame is a
 * srcdoc document that inherits this policy and adds its own stricter one.
 * `img-src https:` exists only so a person can allow remote images for an article;
 * the sanitizer and the frame's own CSP still block them unless allowed.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' about:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
