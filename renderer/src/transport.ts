/**
 * Chooses how the renderer reaches the library, once, at start: the Electron preload
 * object when present, else HTTP to `gleaner serve` with the token from the URL.
 */
import type { Envelope, GleanerClient, LibraryEvent } from '../../shared/api.js';
import { buildClient, ClientError } from '../../shared/client.js';
import { DOWNLOADS_PATH, type DownloadArgs, type DownloadStarted } from '../../shared/downloads.js';

declare global {
  interface Window {
    /**
     * The preload's contract object. Its methods throw plain Errors (contextBridge drops
     * error codes), so the renderer uses `call`, which returns envelopes, to keep them.
     */
    gleaner?: GleanerClient & { call?: (domain: string, method: string, args: unknown) => Promise<Envelope<unknown>> };
  }
}

const TOKEN_KEY = 'gleaner.token';

/** Takes the token out of the address bar (so it is not bookmarked or shared) and keeps it for this tab. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpClient(token: string): GleanerClient {
  const call = async (domain: string, method: string, args: unknown): Promise<Envelope<unknown>> => {
    const res = await fetch(`api/${domain}/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(args ?? {}),
    });
    return (await res.json()) as Envelope<unknown>;
  };
  const listeners = new Set<(event: LibraryEvent) => void>();
  let source: EventSource | null = null;
  const onEvent = (listener: (event: LibraryEvent) => void) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource(`api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => {
        const event = JSON.parse(message.data as string) as LibraryEvent;
        for (const l of listeners) l(event);
      };
    }
    return () => listeners.delete(listener);
  };
  return buildClient(call, onEvent);
}

function desktopClient(bridge: NonNullable<Window['gleaner']>): GleanerClient {
  return bridge.call ? buildClient(bridge.call, bridge.onEvent) : bridge;
}

const webToken = window.gleaner ? null : takeToken();

export const client: GleanerClient = window.gleaner ? desktopClient(window.gleaner) : httpClient(webToken ?? '');
/** 'desktop' inside Electron; 'browser' for `gleaner serve`. Decides folder picker vs path field. */
export const transportKind: 'desktop' | 'browser' = window.gleaner ? 'desktop' : 'browser';

/**
 * Browser mode's export downloads (a route beside the contract: electron/web/downloads.ts
 * says why); null in the desktop app, which writes where its save dialog points.
 */
export const webDownloads = webToken === null ? null : {
  /** Starts an export the host writes into its own temporary folder. */
  async start(args: DownloadArgs): Promise<DownloadStarted> {
    const res = await fetch(DOWNLOADS_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${webToken}` },
      body: JSON.stringify(args),
    });
    const envelope = (await res.json()) as Envelope<DownloadStarted>;
    if (!envelope.ok) throw new ClientError(envelope.error);
    return envelope.value;
  },
  /** Where the finished file downloads from; a link cannot send headers, so the token rides along. */
  href: (started: DownloadStarted) => `${started.url}?token=${encodeURIComponent(webToken)}`,
};
