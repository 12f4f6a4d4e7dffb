/**
 * Chooses how the renderer reaches the library, once, at start: the Electron preload's
 * transport when present, else HTTP to `gleaner serve` with the token from the URL. Either
 * way the client is built from a `call` and an `on` by the same shared/client.ts.
 */
import type { Envelope, GleanerClient, LibraryEvent } from '../../shared/api.js';
import { buildClient, ClientError, type Transport } from '../../shared/client.js';
import { DOWNLOADS_PATH, type DownloadArgs, type DownloadStarted } from '../../shared/downloads.js';
import { CODE_PARAM, SESSION_PATH } from '../../shared/session.js';

const TOKEN_KEY = 'gleaner.token';

/**
 * The access token: taken out of the address bar (so it is not bookmarked or shared) and
 * kept for this tab. `serve --open` opens the page with a one-time code instead (a command
 * line is readable by other users); the page trades it for the token, once.
 */
async function takeToken(): Promise<string> {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  const code = url.searchParams.get(CODE_PARAM);
  if (fromUrl !== null || code !== null) {
    url.searchParams.delete('token');
    url.searchParams.delete(CODE_PARAM);
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  const token = fromUrl ?? (code ? await tradeCode(code) : null);
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  return token ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function tradeCode(code: string): Promise<string | null> {
  try {
    const res = await fetch(SESSION_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    const envelope = (await res.json()) as Envelope<{ token: string }>;
    return envelope.ok ? envelope.value.token : null;
  } catch {
    return null;
  }
}

function httpTransport(token: Promise<string>): Transport {
  const call = async (domain: string, method: string, args: unknown): Promise<Envelope<unknown>> => {
    const res = await fetch(`api/${domain}/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await token}` },
      body: JSON.stringify(args ?? {}),
    });
    return (await res.json()) as Envelope<unknown>;
  };
  const listeners = new Set<(event: LibraryEvent) => void>();
  let source: Promise<EventSource> | null = null;
  const on = (listener: (event: LibraryEvent) => void) => {
    listeners.add(listener);
    source ??= token.then((t) => {
      const events = new EventSource(`api/events?token=${encodeURIComponent(t)}`);
      events.onmessage = (message) => {
        const event = JSON.parse(message.data as string) as LibraryEvent;
        for (const l of listeners) l(event);
      };
      return events;
    });
    return () => {
      listeners.delete(listener);
    };
  };
  return { call, on };
}

const webToken = window.gleaner ? null : takeToken();
/** The token once known (download links are built after an export ends, long after the trade). */
let webTokenValue = '';
void webToken?.then((t) => (webTokenValue = t));

export const client: GleanerClient = buildClient(window.gleaner ?? httpTransport(webToken ?? Promise.resolve('')));
/** 'desktop' inside Electron; 'browser' for `gleaner serve`. Decides folder picker vs path field. */
export const transportKind: 'desktop' | 'browser' = window.gleaner ? 'desktop' : 'browser';

/**
 * Browser mode's export downloads (a route beside the contract: electron/web/downloads.ts
 * says why); null in the desktop app, which writes where its save dialog points.
 */
export const webDownloads =
  webToken === null
    ? null
    : {
        /** Starts an export the host writes into its own temporary folder. */
        async start(args: DownloadArgs): Promise<DownloadStarted> {
          const res = await fetch(DOWNLOADS_PATH, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await webToken}` },
            body: JSON.stringify(args),
          });
          const envelope = (await res.json()) as Envelope<DownloadStarted>;
          if (!envelope.ok) throw new ClientError(envelope.error);
          return envelope.value;
        },
        /** Where the finished file downloads from; a link cannot send headers, so the token rides along. */
        href: (started: DownloadStarted) => `${started.url}?token=${encodeURIComponent(webTokenValue)}`,
      };
