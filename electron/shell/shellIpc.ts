import { z } from 'zod';
import type { IpcMainLike } from '../ipc.js';
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { SHELL_CHANNELS, type SaveFileOptions } from '../../shared/shell.js';
import type { CommandQueue } from './commands.js';
import type { PathGrants } from './pathGrants.js';
import { isTrustedSender, type IpcEventLike, type WindowLike } from './senders.js';

export interface ShellIpcOptions {
  ipcMain: IpcMainLike & {
    on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
    removeAllListeners(channel: string): unknown;
  };
  getWindow: () => WindowLike | null;
  /** The system folder picker; null when cancelled. */
  pickFolder: () => Promise<string | null>;
  pickSaveFile: (options: SaveFileOptions) => Promise<string | null>;
  commands: CommandQueue;
  /** Every path a dialog or a drop yields reaches the page as a grant. */
  grants: PathGrants;
  /** Whether a dropped path is a folder (tests fake the disk). */
  isFolder?: (path: string) => boolean;
  log?: (line: string) => void;
}

const folderOnDisk = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

const saveOptions = z
  .object({
    title: z.string().max(200).optional(),
    defaultName: z.string().min(1).max(255).optional(),
    filters: z
      .array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^(\*|[a-zA-Z0-9]{1,16})$/)).max(20) }).strict())
      .max(20)
      .optional(),
  })
  .strict();

/**
 * The main process's side of the desktop-only API next to the contract (shared/shell.ts
 * GleanerShell, exposed by the preload as window.gleanerShell). Same rule as
 * the contract: a message that does not come from our page's main frame is refused
 * before anything happens; arguments are validated; nothing here ever throws across IPC.
 */
export function registerShellIpc(options: ShellIpcOptions): () => void {
  const { ipcMain } = options;
  const trusted = (event: IpcEventLike, channel: string): boolean => {
    if (isTrustedSender(event, options.getWindow())) return true;
    options.log?.(`ipc: refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
    return false;
  };

  const { grants } = options;
  ipcMain.handle(SHELL_CHANNELS.pickFolder, async (event) => {
    if (!trusted(event, SHELL_CHANNELS.pickFolder)) return null;
    const path = await options.pickFolder();
    return path === null ? null : grants.grant(path);
  });
  ipcMain.handle(SHELL_CHANNELS.pickSaveFile, async (event, raw) => {
    if (!trusted(event, SHELL_CHANNELS.pickSaveFile)) return null;
    const parsed = saveOptions.safeParse(raw ?? {});
    if (!parsed.success) return null;
    const path = await options.pickSaveFile(parsed.data);
    return path === null ? null : grants.grant(path);
  });
  // A drop is the one choice the main process does not see: the preload reads the path from
  // the dropped File (webUtils, which gives none for a File a script made) and sends it here.
  // The page's own scripts cannot reach this channel (context isolation); only folders pass.
  ipcMain.handle(SHELL_CHANNELS.grantDropped, (event, path) => {
    if (!trusted(event, SHELL_CHANNELS.grantDropped)) return null;
    if (typeof path !== 'string' || !isAbsolute(path) || path.includes('\0') || !(options.isFolder ?? folderOnDisk)(path)) return null;
    return grants.grant(path);
  });
  ipcMain.on(SHELL_CHANNELS.ready, (event) => {
    if (trusted(event, SHELL_CHANNELS.ready)) options.commands.pageListening();
  });

  return () => {
    ipcMain.removeHandler(SHELL_CHANNELS.pickFolder);
    ipcMain.removeHandler(SHELL_CHANNELS.pickSaveFile);
    ipcMain.removeHandler(SHELL_CHANNELS.grantDropped);
    ipcMain.removeAllListeners(SHELL_CHANNELS.ready);
  };
}
