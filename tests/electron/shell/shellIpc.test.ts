import { describe, expect, it, vi } from 'vitest';
import { SHELL_CHANNELS, type ShellCommand } from '../../../shared/shell.js';
import { CommandQueue } from '../../../electron/shell/commands.js';
import { PathGrants } from '../../../electron/shell/pathGrants.js';
import { registerShellIpc } from '../../../electron/shell/shellIpc.js';
import { eventFrom, FakeIpcMain, fakeWindow } from './fakes.js';

function setup() {
  const ipcMain = new FakeIpcMain();
  const win = fakeWindow();
  const sent: ShellCommand[] = [];
  const commands = new CommandQueue((command) => {
    sent.push(command);
    return true;
  });
  const deps = {
    pickFolder: vi.fn(async (): Promise<string | null> => '/a'),
    pickSaveFile: vi.fn(async () => '/home/me/Documents/export.epub'),
  };
  const grants = new PathGrants();
  const dispose = registerShellIpc({ ipcMain, getWindow: () => win, commands, grants, isFolder: (path) => path.startsWith('/home/me/'), ...deps });
  return { ipcMain, win, commands, sent, dispose, grants, ...deps };
}

describe('registerShellIpc', () => {
  it('opens the folder picker for our page and hands back a grant for the chosen folder', async () => {
    const { ipcMain, win, pickFolder, grants } = setup();
    const one = (await ipcMain.invoke(SHELL_CHANNELS.pickFolder, eventFrom(win))) as { path: string; grant: string };
    expect(one).toEqual({ path: '/a', grant: expect.stringMatching(/^grant:[A-Za-z0-9_-]{24}$/) });
    expect(grants.resolve(one.grant)).toBe('/a');
    pickFolder.mockResolvedValueOnce(null); // cancelled
    expect(await ipcMain.invoke(SHELL_CHANNELS.pickFolder, eventFrom(win))).toBeNull();
    expect(pickFolder).toHaveBeenCalledTimes(2);
    // A grant is not the path, and a path is not a grant.
    expect(grants.resolve('/a')).toBeNull();
    expect(grants.resolve('grant:made-up-by-the-page-xxxx')).toBeNull();
  });

  it('grants a dropped folder, and nothing for a file, a relative path or a non-string', async () => {
    const { ipcMain, win, grants } = setup();
    const dropped = (await ipcMain.invoke(SHELL_CHANNELS.grantDropped, eventFrom(win), '/home/me/articles')) as { path: string; grant: string };
    expect(grants.resolve(dropped.grant)).toBe('/home/me/articles');
    for (const bad of ['/etc', 'home/me/articles', '/home/me/a\0b', 42, null]) {
      expect(await ipcMain.invoke(SHELL_CHANNELS.grantDropped, eventFrom(win), bad), String(bad)).toBeNull();
    }
    expect(await ipcMain.invoke(SHELL_CHANNELS.grantDropped, eventFrom(win, { url: 'https://evil.example.com/' }), '/home/me/articles')).toBeNull();
  });

  it('refuses every shell call from a subframe or another page, doing nothing', async () => {
    const { ipcMain, win, pickFolder, pickSaveFile, sent, commands } = setup();
    for (const frame of [{ parent: {} }, { url: 'https://evil.example.com/' }]) {
      const event = eventFrom(win, frame);
      expect(await ipcMain.invoke(SHELL_CHANNELS.pickFolder, event)).toBeNull();
      expect(await ipcMain.invoke(SHELL_CHANNELS.pickSaveFile, event, {})).toBeNull();
      expect(await ipcMain.invoke(SHELL_CHANNELS.grantDropped, event, '/home/me/articles')).toBeNull();
      commands.post({ type: 'find' });
      ipcMain.emit(SHELL_CHANNELS.ready, event);
    }
    expect(pickFolder).not.toHaveBeenCalled();
    expect(pickSaveFile).not.toHaveBeenCalled();
    expect(sent).toEqual([]); // commands stay queued until our own page is ready
  });

  it('validates save dialog options', async () => {
    const { ipcMain, win, pickSaveFile } = setup();
    const ok = { title: 'Export', defaultName: 'library.epub', filters: [{ name: 'EPUB', extensions: ['epub'] }] };
    expect(await ipcMain.invoke(SHELL_CHANNELS.pickSaveFile, eventFrom(win), ok)).toEqual({
      path: '/home/me/Documents/export.epub',
      grant: expect.stringMatching(/^grant:/),
    });
    expect(pickSaveFile).toHaveBeenCalledWith(ok);
    for (const bad of [{ defaultPath: '/etc/passwd' }, { filters: [{ name: 'x', extensions: ['../x'] }] }, 'string', { title: 'x'.repeat(500) }]) {
      expect(await ipcMain.invoke(SHELL_CHANNELS.pickSaveFile, eventFrom(win), bad)).toBeNull();
    }
    expect(pickSaveFile).toHaveBeenCalledTimes(1);
  });

  it('delivers queued commands once the page listens', () => {
    const { ipcMain, win, commands, sent } = setup();
    commands.post({ type: 'import-folder', path: '/media/usb/articles', grant: 'grant:1' });
    commands.post({ type: 'open-folder' });
    expect(sent).toEqual([]);
    ipcMain.emit(SHELL_CHANNELS.ready, eventFrom(win));
    expect(sent).toEqual([{ type: 'import-folder', path: '/media/usb/articles', grant: 'grant:1' }, { type: 'open-folder' }]);
    commands.post({ type: 'find' });
    expect(sent.at(-1)).toEqual({ type: 'find' });
  });

  it('unregisters everything', () => {
    const { ipcMain, dispose } = setup();
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listeners.size).toBe(0);
  });
});

describe('CommandQueue', () => {
  it('holds commands across a reload and while there is no window', () => {
    const sent: ShellCommand[] = [];
    let windowOpen = true;
    const queue = new CommandQueue((c) => windowOpen && (sent.push(c), true));
    queue.pageListening();
    queue.post({ type: 'find' });
    queue.pageGone(); // reloading
    queue.post({ type: 'toggle-theme' });
    expect(sent).toEqual([{ type: 'find' }]);
    windowOpen = false;
    queue.pageListening();
    expect(queue.pending()).toEqual([{ type: 'toggle-theme' }]);
    windowOpen = true;
    queue.pageListening();
    expect(sent).toEqual([{ type: 'find' }, { type: 'toggle-theme' }]);
    expect(queue.pending()).toEqual([]);
  });

  it('keeps at most the last 50', () => {
    const queue = new CommandQueue(() => true);
    for (let i = 0; i < 60; i++) queue.post({ type: 'import-folder', path: `/f${i}`, grant: `grant:${i}` });
    expect(queue.pending()).toHaveLength(50);
    expect(queue.pending()[0]).toEqual({ type: 'import-folder', path: '/f10', grant: 'grant:10' });
  });
});
