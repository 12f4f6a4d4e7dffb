/**
 * The preload: runs sandboxed, in an isolated world, before the page. It exposes two
 * objects and nothing else (never ipcRenderer itself):
 *
 * - `window.gleaner`: the transport (shared/client.ts `Transport`): `call` (envelopes in,
 *   envelopes out, over ipcRenderer.invoke) and `on` (the service's events). Unknown calls
 *   are refused here against the plain channel table (shared/channels.ts); the arguments
 *   are validated in the main process (electron/library/dispatch.ts), which holds the
 *   schemas. The page builds its client from these two, as browser mode does over HTTP.
 * - `window.gleanerShell`: the desktop-only extras (shared/shell.ts `GleanerShell`: folder
 *   picker, save dialog, dropped folders, menu commands). Chosen paths come back as grants
 *   (electron/shell/pathGrants.ts): the contract takes nothing else for a path over IPC.
 *
 * Imports only `electron` and shared/ (a lint rule checks it), and only plain tables from
 * shared/, so the bundle stays small enough to read.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { Envelope, LibraryEvent } from '../shared/api.js';
import { EVENT_CHANNEL, isContractCall } from '../shared/channels.js';
import type { Transport } from '../shared/client.js';
import { SHELL_CHANNELS as SHELL, type GleanerShell, type PathGrant, type ShellCommand } from '../shared/shell.js';

const failure = (message: string, code: 'bad-request' | 'internal'): Envelope<never> => ({ ok: false, error: { code, message } });

/** Subscribes to a main → page channel; the page's listener gets the payload only, never the IPC event. */
function listen<T>(channel: string, listener: (payload: T) => void): () => void {
  if (typeof listener !== 'function') return () => undefined;
  const handler = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, handler);
  // Braces on purpose: removeListener returns ipcRenderer, which must never reach the page.
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const transport: Transport = {
  /** Only contract channels are ever invoked, whatever the page passes; a failure is an envelope, never a throw. */
  call: async (domain, method, args) => {
    if (!isContractCall(domain, method)) return failure(`Unknown call ${String(domain)}:${String(method)}`, 'bad-request');
    try {
      return (await ipcRenderer.invoke(`${domain}:${method}`, args)) as Envelope<unknown>;
    } catch (error) {
      return failure((error as Error)?.message ?? String(error), 'internal');
    }
  },
  on: (listener: (event: LibraryEvent) => void) => listen(EVENT_CHANNEL, listener),
};

contextBridge.exposeInMainWorld('gleaner', transport);

const shell = {
  pickFolder: () => ipcRenderer.invoke(SHELL.pickFolder) as Promise<PathGrant | null>,
  pickSaveFile: (options) => ipcRenderer.invoke(SHELL.pickSaveFile, options ?? {}) as Promise<PathGrant | null>,
  /**
   * The path is read here from the File (webUtils; File.path is gone since Electron 32),
   * never taken from the page: a File a script made has none.
   */
  grantDropped: async (file) => {
    let path: string;
    try {
      path = webUtils.getPathForFile(file);
    } catch {
      return null;
    }
    return path ? ((await ipcRenderer.invoke(SHELL.grantDropped, path)) as PathGrant | null) : null;
  },
  /** Subscribing also releases the commands queued before the page was ready. */
  onCommand: (listener) => {
    const unsubscribe = listen<ShellCommand>(SHELL.command, listener);
    ipcRenderer.send(SHELL.ready);
    return unsubscribe;
  },
} satisfies GleanerShell;

contextBridge.exposeInMainWorld('gleanerShell', shell);
