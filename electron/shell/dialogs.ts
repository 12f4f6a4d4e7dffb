import { basename, join } from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { SaveFileOptions } from '../../shared/shell.js';

type DialogLike = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/** The system folder picker; null when cancelled. Modal to the window when there is one. */
export async function pickFolder(dialog: DialogLike, window: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Import a folder of articles',
    buttonLabel: 'Import',
    properties: ['openDirectory', 'dontAddToRecent'],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The system save dialog, opening in `documentsDir`; null when cancelled. */
export async function pickSaveFile(
  dialog: DialogLike,
  window: BrowserWindow | null,
  options: SaveFileOptions,
  documentsDir: string,
): Promise<string | null> {
  // Only a name: a page must not pick the folder the dialog opens in.
  const name = options.defaultName ? basename(options.defaultName.replace(/\\/g, '/')) : undefined;
  const dialogOptions: SaveDialogOptions = {
    title: options.title ?? 'Export',
    defaultPath: name ? join(documentsDir, name) : documentsDir,
    filters: options.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = window ? await dialog.showSaveDialog(window, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  return result.canceled || !result.filePath ? null : result.filePath;
}
