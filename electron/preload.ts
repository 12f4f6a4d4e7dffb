/**
 * The preload: runs sandboxed, in an isolated world, before the page. It exposes two
 * objects and nothing else (never ipcRenderer itself):
 *
 * - `window.gleaner`: the contract client, built from shared/schemas.ts by buildClient
 *   over ipcRenderer.invoke, plus its raw `call` (envelopes in, envelopes out).
 *   contextBridge copies an Error thrown here into the page as a plain Error: the
 *   ClientError class and its `code`/`span` do not survive. A page that needs error
 *   codes builds its own client in its own world: `buildClient(gleaner.call, gleaner.onEvent)`.
 * - `window.gleanerShell`: the desktop-only extras (folder picker, save dialog, external
 *   links, dropped folders, menu commands). Chosen paths come back as grants
 *   (electron/shell/pathGrants.ts): the contract takes nothing else for a path over IPC.
 *
 * Imports only `electron` and shared/ (a lint rule checks it); channel strings for the
 * shell are repeated from electron/shell/channels.ts, and a test keeps them in step.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { Envelope, LibraryEvent } from '../shared/api.js';
import { buildClient, type Call } from '../shared/client.js';
import { schemaFor } from '../shared/schemas.js';
import { SHELL_CHANNELS } from '../shared/shell.js';

const EVENT_CHANNEL = 'gleaner:event';
const SHELL = SHELL_CHANNELS;

const failure = (message: string, code: 'bad-request' | 'internal'): Envelope<never> => ({ ok: false, error: { code, message } });

/** Only contract channels are ever invoked, whatever the page passes. */
const call: Call = async (domain, method, args) => {
  if (typeof domain !== 'string' || typeof method !== 'string' || !schemaFor(domain, method)) {
    return failure(`Unknown call ${String(domain)}:${String(method)}`, 'bad-request');
  }
  try {
    return (await ipcRenderer.invoke(`${domain}:${method}`, args)) as Envelope<unknown>;
  } catch (error) {
    return failure((error as Error)?.message ?? String(error), 'internal');
  }
};

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

const onEvent = (listener: (event: LibraryEvent) => void) => listen(EVENT_CHANNEL, listener);

contextBridge.exposeInMainWorld('gleaner', { ...buildClient(call, onEvent), call });

/** What the shell's pickers and drops yield: the path to show and the grant to pass (shared/shell.ts PathGrant). */
type Granted = { path: string; grant: string };

contextBridge.exposeInMainWorld('gleanerShell', {
  /** The system folder picker; the chosen folder (as a grant), or null when cancelled. */
  pickFolder: (): Promise<Granted | null> => ipcRenderer.invoke(SHELL.pickFolder),
  /** The system folder picker with several selections; [] when cancelled. */
  pickFolders: (): Promise<Granted[]> => ipcRenderer.invoke(SHELL.pickFolders),
  /** The system save dialog (exports); the chosen path (as a grant), or null. */
  pickSaveFile: (options?: { title?: string; defaultName?: string; filters?: { name: string; extensions: string[] }[] }): Promise<Granted | null> =>
    ipcRenderer.invoke(SHELL.pickSaveFile, options ?? {}),
  /** Opens an http(s) or mailto URL in the system's handler; false when refused. */
  openExternal: (url: string): Promise<boolean> => ipcRenderer.invoke(SHELL.openExternal, url),
  /**
   * A folder dropped on the window, as a grant; null if it is not a folder on disk. The path is
   * read here from the File (webUtils; File.path is gone since Electron 32), never taken from
   * the page: a File a script made has none.
   */
  grantDropped: async (file: File): Promise<Granted | null> => {
    let path: string;
    try {
      path = webUtils.getPathForFile(file);
    } catch {
      return null;
    }
    return path ? ((await ipcRenderer.invoke(SHELL.grantDropped, path)) as Granted | null) : null;
  },
  /** Menu actions and folders handed to the app; subscribing also releases the ones queued before the page was ready. */
  onCommand: (listener: (command: { type: string; path?: string; grant?: string }) => void): (() => void) => {
    const unsubscribe = listen(SHELL.command, listener);
    ipcRenderer.send(SHELL.ready);
    return unsubscribe;
  },
});
