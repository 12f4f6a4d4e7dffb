/**
 * The contract over Electron IPC: one `ipcMain.handle` per `domain:method` channel from
 * shared/channels.ts, a sender check, then `dispatch` (which validates the arguments with
 * the same schemas before any handler runs). Electron is injected, so this runs and is
 * tested under plain Node.
 */
import type { Envelope, LibraryApi, LibraryEvent } from '../shared/api.js';
import { channels, EVENT_CHANNEL } from '../shared/channels.js';
import { dispatch } from './library/dispatch.js';
import { isTrustedSender, type IpcEventLike, type WindowLike } from './shell/senders.js';

/** The slice of `ipcMain` this module uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface LibraryIpcOptions {
  ipcMain: IpcMainLike;
  api: LibraryApi;
  /** The app window, or null while there is none. */
  getWindow: () => WindowLike | null;
  /** The service's event subscription (`service.onEvent`). */
  onEvent: (listener: (event: LibraryEvent) => void) => () => void;
  /** Refusals are worth a line in the log: they mean a bug or an attack. */
  log?: (line: string) => void;
  /** What stands for a path the person chose (shell/pathGrants.ts); `imports.start` and `exports.start` take nothing else. */
  grants: { resolve(value: unknown): string | null };
}

/** The arguments that name a path on disk; over IPC each must be a grant. */
const PATH_ARGS: Record<string, (args: Record<string, unknown>, resolve: (value: unknown) => string | null) => Record<string, unknown> | null> = {
  'imports:start': (args, resolve) => {
    if (!Array.isArray(args.folders)) return args; // the schema answers that
    const folders = args.folders.map(resolve);
    return folders.every((f) => f !== null) ? { ...args, folders } : null;
  },
  'exports:start': (args, resolve) => {
    if (args.out === undefined) return args;
    const out = resolve(args.out);
    return out === null ? null : { ...args, out };
  },
};

const refused = (channel: string): Envelope<never> => ({
  ok: false,
  error: { code: 'bad-request', message: `Refused ${channel}: not sent by the app's own page` },
});

const notChosen = (channel: string): Envelope<never> => ({
  ok: false,
  error: {
    code: 'bad-request',
    message: `Refused ${channel}: a folder or file must be chosen in a dialog, dropped on the window or given on the command line`,
  },
});

/** Registers every contract channel and forwards events; returns a function that undoes both. */
export function registerLibraryIpc(options: LibraryIpcOptions): () => void {
  const registered: string[] = [];
  for (const { domain, method, channel } of channels()) {
    options.ipcMain.handle(channel, (event, args) => {
      if (!isTrustedSender(event, options.getWindow())) {
        options.log?.(`ipc: refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return refused(channel);
      }
      const withPaths = PATH_ARGS[channel];
      if (withPaths && args && typeof args === 'object') {
        const resolved = withPaths(args as Record<string, unknown>, (value) => options.grants.resolve(value));
        if (resolved === null) {
          options.log?.(`ipc: refused ${channel}: a path the person did not choose`);
          return notChosen(channel);
        }
        return dispatch(options.api, domain, method, resolved);
      }
      return dispatch(options.api, domain, method, args);
    });
    registered.push(channel);
  }
  const unsubscribe = options.onEvent((event) => {
    const window = options.getWindow();
    if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const channel of registered) options.ipcMain.removeHandler(channel);
  };
}
