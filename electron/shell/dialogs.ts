import { basename, join } from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { SaveFileOptions } from '../../shared/shell.js';

type DialogLike = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/** The system folder picker; [] when cancelled. Modal to the window when there is one. */
export async function pickFolders(dialog: DialogLike, window: BrowserWindow | null, multiple: boolean): Promise<string[]> {
  const options: OpenDialogOptions = {
    title: multiple ? 'Import folders of articles' : 'Import a folder of articles',
    buttonLabel: 'Import',
    properties: multiple ? ['openDirectory', 'multiSelections', 'dontAddToRecent'] : ['openDirectory', 'dontAddToRecent'],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** The system save dialog, opening in `documentsDir`; null when cancelled. */
export async function pickSaveFile(dialog: DialogLike, window: BrowserWindow | null, options: SaveFileOptions, documentsDir: string): Promise<string | null> {
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
