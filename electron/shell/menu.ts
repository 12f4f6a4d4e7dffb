import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/shell.js';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Development build: Reload and DevTools are offered. */
  dev: boolean;
  appName: string;
  /** Sends a command to the page (the page owns the state these act on). */
  command: (command: MenuCommand) => void;
}

/**
 * The native menus, as a plain template so a test can read it. Standard actions use
 * Electron roles (they get the platform's labels, shortcuts and behaviour for free);
 * the app's own actions become page commands.
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const send = (command: MenuCommand) => () => options.command(command);
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [{ role: 'about' }, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
  };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'open-folder', label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: send('open-folder') },
      { id: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: send('export') },
      sep,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      sep,
      { id: 'find', label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { id: 'toggle-sidebar', label: 'Toggle Sidebar', accelerator: 'CmdOrCtrl+B', click: send('toggle-sidebar') },
      { id: 'toggle-theme', label: 'Toggle Dark Theme', accelerator: 'CmdOrCtrl+Shift+L', click: send('toggle-theme') },
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
      ...(options.dev ? [sep, { role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      // `?` is the page's own shortcut (it must not fire while typing in the search box),
      // so the menu only shows it instead of grabbing the key.
      { id: 'show-shortcuts', label: 'Keyboard Shortcuts', accelerator: '?', registerAccelerator: false, click: send('show-shortcuts') },
      ...(mac ? [] : [sep, { role: 'about', label: `About ${options.appName}` } as const]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}
