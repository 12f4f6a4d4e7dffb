import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { LibraryEvent } from '../../../shared/api.js';
import { channels, EVENT_CHANNEL } from '../../../shared/channels.js';
import { registerLibraryIpc } from '../../../electron/ipc.js';
import { createLibraryService } from '../../../electron/library/service.js';
import { importFolders } from '../../../electron/library/import/importer.js';
import { seedLike, writeTree } from '../../helpers/articles.js';
import { tempDir } from '../../helpers/tmp.js';
import { PathGrants } from '../../../electron/shell/pathGrants.js';
import { eventFrom, FakeIpcMain, fakeWindow, spyApi } from './fakes.js';

function setup() {
  const ipcMain = new FakeIpcMain();
  const win = fakeWindow();
  const { api, spies } = spyApi();
  const listeners = new Set<(event: LibraryEvent) => void>();
  const log = vi.fn();
  const grants = new PathGrants();
  const dispose = registerLibraryIpc({
    ipcMain,
    api,
    grants,
    getWindow: () => win,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    log,
  });
  const emit = (event: LibraryEvent) => listeners.forEach((l) => l(event));
  return { ipcMain, win, spies, emit, dispose, listeners, log, grants };
}

describe('registerLibraryIpc', () => {
  it('registers every contract channel, and only those', () => {
    const { ipcMain } = setup();
    const expected = channels().map((c) => c.channel);
    expect(expected.length).toBeGreaterThan(10);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...expected].sort());
  });

  it('passes a valid call from our page to its handler and returns the envelope', async () => {
    const { ipcMain, win, spies } = setup();
    const result = await ipcMain.invoke('articles:search', eventFrom(win), { query: 'solar', limit: 5 });
    expect(result).toEqual({ ok: true, value: { called: 'articles:search' } });
    expect(spies.get('articles:search')).toHaveBeenCalledWith({ query: 'solar', limit: 5 });
  });

  it.each([
    ['an unknown key', 'articles:search', { query: 'x', evil: true }],
    ['a wrong type', 'articles:get', { id: '1; DROP TABLE articles' }],
    ['a missing argument', 'imports:start', {}],
    ['a NUL in a folder path', 'imports:start', { folders: ['/tmp/\0etc'] }],
    ['no argument object', 'articles:get', 'hello'],
  ])('refuses %s before the handler runs', async (_what, channel, args) => {
    const { ipcMain, win, spies } = setup();
    const result = (await ipcMain.invoke(channel, eventFrom(win), args)) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('bad-request');
    expect(spies.get(channel)).not.toHaveBeenCalled();
  });

  it.each([
    ['a subframe (the article preview)', { parent: {} }],
    ['another page in the main frame', { url: 'https://evil.example.com/' }],
    ['a file:// page', { url: 'file:///tmp/x.html' }],
    ['a lookalike app origin', { url: 'app://gleaner.evil/index.html' }],
    ['a frame from another renderer process', { processId: 99 }],
    ['another frame in the same process', { routingId: 7 }],
  ])('refuses %s and never calls the handler', async (_what, frame) => {
    const { ipcMain, win, spies, log } = setup();
    const result = (await ipcMain.invoke('articles:search', eventFrom(win, frame), { query: '' })) as { ok: boolean; error: { message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.message).toMatch(/Refused/);
    expect(spies.get('articles:search')).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('refuses a destroyed frame, another web contents, and calls while there is no window', async () => {
    const { ipcMain, win, spies } = setup();
    expect(await ipcMain.invoke('library:stats', eventFrom(win, null), {})).toMatchObject({ ok: false });
    expect(await ipcMain.invoke('library:stats', eventFrom(win, {}, { other: 'webContents' }), {})).toMatchObject({ ok: false });
    win.destroyed = true;
    expect(await ipcMain.invoke('library:stats', eventFrom(win), {})).toMatchObject({ ok: false });
    expect(spies.get('library:stats')).not.toHaveBeenCalled();
  });

  it('forwards service events to the window, and stops when disposed', () => {
    const { win, emit, dispose, ipcMain, listeners } = setup();
    emit({ type: 'library-changed' });
    expect(win.sent).toEqual([{ channel: EVENT_CHANNEL, args: [{ type: 'library-changed' }] }]);
    win.destroyed = true;
    emit({ type: 'library-changed' });
    expect(win.sent).toHaveLength(1);
    dispose();
    expect(listeners.size).toBe(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('carries a real service call end to end, error codes included', async () => {
    const folder = tempDir();
    writeTree(folder, { 'a.txt': seedLike({ title: 'Harbour lights', date: '2025-01-02T00:00:00Z' }) });
    const service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
    await importFolders(service.db, [folder]);
    const ipcMain = new FakeIpcMain();
    const win = fakeWindow();
    registerLibraryIpc({ ipcMain, api: service.api, getWindow: () => win, onEvent: service.onEvent, grants: new PathGrants() });
    const page = await ipcMain.invoke('articles:search', eventFrom(win), { query: '' });
    expect(page).toMatchObject({ ok: true, value: { total: 1, items: [{ title: 'Harbour lights' }] } });
    const bad = await ipcMain.invoke('articles:search', eventFrom(win), { query: 'after:' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-query' } });
    const missing = await ipcMain.invoke('articles:get', eventFrom(win), { id: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    service.close();
  });

  it('takes no raw path for an import or an export: only grants for what the person chose', async () => {
    const { ipcMain, win, spies, grants, log } = setup();
    const attempts: [string, unknown][] = [
      ['imports:start', { folders: ['/etc'] }],
      ['imports:start', { folders: [grants.grant('/home/me/articles').grant, '/etc'] }],
      ['exports:start', { source: { all: true }, format: 'json', out: '/home/me/.bashrc', overwrite: true }],
      ['exports:start', { source: { all: true }, format: 'json', out: 'grant:guessed-by-the-page-xxxxx' }],
    ];
    for (const [channel, args] of attempts) {
      expect(await ipcMain.invoke(channel, eventFrom(win), args), channel).toEqual({
        ok: false,
        error: {
          code: 'bad-request',
          message: `Refused ${channel}: a folder or file must be chosen in a dialog, dropped on the window or given on the command line`,
        },
      });
    }
    expect(spies.get('imports:start')).not.toHaveBeenCalled();
    expect(spies.get('exports:start')).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('ipc: refused imports:start: a path the person did not choose');

    const folder = grants.grant('/home/me/articles');
    const target = grants.grant('/home/me/Documents/library.json');
    expect(await ipcMain.invoke('imports:start', eventFrom(win), { folders: [folder.grant] })).toMatchObject({ ok: true });
    expect(spies.get('imports:start')).toHaveBeenCalledWith({ folders: ['/home/me/articles'] });
    expect(
      await ipcMain.invoke('exports:start', eventFrom(win), { source: { all: true }, format: 'json', out: target.grant, overwrite: true }),
    ).toMatchObject({ ok: true });
    expect(spies.get('exports:start')).toHaveBeenCalledWith({
      source: { all: true },
      format: 'json',
      out: '/home/me/Documents/library.json',
      overwrite: true,
    });
  });

  it('lets the page name the folders the main process offers as they are (the bundled samples)', async () => {
    const { ipcMain, win, spies, grants } = setup();
    grants.offer('/opt/gleaner/resources/samples/articles');
    expect(await ipcMain.invoke('imports:start', eventFrom(win), { folders: ['/opt/gleaner/resources/samples/articles'] })).toMatchObject({
      ok: true,
    });
    expect(spies.get('imports:start')).toHaveBeenCalledWith({ folders: ['/opt/gleaner/resources/samples/articles'] });
  });
});
