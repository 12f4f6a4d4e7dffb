/** Stand-ins for the Electron objects the shell modules take by injection. */
import { vi } from 'vitest';
import type { LibraryApi } from '../../../shared/api.js';
import { channels } from '../../../shared/channels.js';
import type { IpcMainLike } from '../../../electron/ipc.js';
import type { FrameLike, IpcEventLike, WindowLike } from '../../../electron/shell/senders.js';

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  readonly listeners = new Map<string, Listener[]>();

  handle(channel: string, listener: Listener): void {
    // Electron refuses a second handler for a channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: Listener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  removeAllListeners(channel: string): this {
    this.listeners.delete(channel);
    return this;
  }
  /** What ipcRenderer.invoke(channel, ...args) would reach. */
  async invoke(channel: string, event: IpcEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
  /** What ipcRenderer.send(channel, ...args) would reach. */
  emit(channel: string, event: IpcEventLike, ...args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(event, ...args);
  }
}

export interface FakeWindow extends WindowLike {
  sent: { channel: string; args: unknown[] }[];
  destroyed: boolean;
}

export function fakeWindow(): FakeWindow {
  const mainFrame: FrameLike = { url: 'app://gleaner/index.html', parent: null, processId: 4, routingId: 1 };
  const win: FakeWindow = {
    sent: [],
    destroyed: false,
    isDestroyed: () => win.destroyed,
    webContents: {
      mainFrame,
      send: (channel, ...args) => win.sent.push({ channel, args }),
      isDestroyed: () => win.destroyed,
    },
  };
  return win;
}

/** An IPC event from the window's own page, with parts overridden to impersonate others. */
export function eventFrom(win: WindowLike, frame: Partial<FrameLike> | null = {}, sender: unknown = win.webContents): IpcEventLike {
  return { sender, senderFrame: frame === null ? null : { ...win.webContents.mainFrame, ...frame } };
}

/** An API whose every method is a spy resolving to `{ called: 'domain:method' }`. */
export function spyApi(): { api: LibraryApi; spies: Map<string, ReturnType<typeof vi.fn>> } {
  const spies = new Map<string, ReturnType<typeof vi.fn>>();
  const api: Record<string, Record<string, unknown>> = {};
  for (const { domain, method, channel } of channels()) {
    const spy = vi.fn(async () => ({ called: channel }));
    spies.set(channel, spy);
    (api[domain] ??= {})[method] = spy;
  }
  return { api: api as unknown as LibraryApi, spies };
}
