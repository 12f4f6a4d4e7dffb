import { isAppUrl } from './appProtocol.js';

/** The parts of Electron's IPC event that the sender check reads (injected for tests). */
export interface FrameLike {
  url: string;
  parent: unknown;
  processId: number;
  routingId: number;
}

export interface IpcEventLike {
  sender: unknown;
  senderFrame: FrameLike | null;
}

export interface WindowLike {
  isDestroyed(): boolean;
  webContents: {
    mainFrame: FrameLike;
    send(channel: string, ...args: unknown[]): void;
    isDestroyed(): boolean;
  };
}

/**
 * Whether an IPC message comes from our window's own page: the main frame (not the
 * article preview or any other subframe) of our window's web contents, showing one of
 * our app:// pages. Anything else (a frame that navigated away, a second window, a
 * subframe that somehow got IPC) is refused before a handler sees its arguments.
 */
export function isTrustedSender(event: IpcEventLike, window: WindowLike | null): boolean {
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return false;
  if (event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const main = window.webContents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppUrl(frame.url);
}
