import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/shell.js';
import { menuTemplate } from '../../../electron/shell/menu.js';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('menuTemplate', () => {
  it('offers every page command, each sending its command', () => {
    const command = vi.fn();
    const items = flatten(menuTemplate({ platform: 'linux', dev: false, appName: 'Gleaner', command }));
    for (const name of MENU_COMMANDS) {
      const item = items.find((i) => i.id === name);
      expect(item, name).toBeDefined();
      (item!.click as () => void)();
      expect(command).toHaveBeenLastCalledWith(name);
    }
  });

  it('has the usual menus and shortcuts', () => {
    const template = menuTemplate({ platform: 'win32', dev: false, appName: 'Gleaner', command: () => {} });
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const items = flatten(template);
    expect(items.find((i) => i.id === 'open-folder')!.accelerator).toBe('CmdOrCtrl+O');
    const roles = items.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(
      expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'about']),
    );
    // `?` is typed into the search box too: shown, not grabbed.
    expect(items.find((i) => i.id === 'show-shortcuts')).toMatchObject({ accelerator: '?', registerAccelerator: false });
  });

  it('offers reload and DevTools only in development', () => {
    const roles = (dev: boolean) => flatten(menuTemplate({ platform: 'linux', dev, appName: 'Gleaner', command: () => {} })).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('follows macOS conventions there', () => {
    const template = menuTemplate({ platform: 'darwin', dev: false, appName: 'Gleaner', command: () => {} });
    expect(template[0]!.label).toBe('Gleaner');
    expect(flatten([template[0]!]).map((i) => i.role)).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    expect(template.some((m) => m.role === 'windowMenu')).toBe(true);
    const file = flatten([template[1]!]);
    expect(file.map((i) => i.role)).toContain('close');
  });
});
