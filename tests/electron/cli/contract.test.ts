/**
 * The CLI is a transport like Electron IPC and HTTP: its calls pass the same dispatch, so
 * what the contract refuses the CLI refuses too, with the message the app's own page gets
 * (`search --offset abc` once reached SQLite and failed there as "datatype mismatch").
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api.js';
import { registerLibraryIpc } from '../../../electron/ipc.js';
import { createLibraryService, type LibraryService } from '../../../electron/library/service.js';
import { PathGrants } from '../../../electron/shell/pathGrants.js';
import { seedLike } from '../../helpers/articles.js';
import { cli, cliLibrary } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { eventFrom, FakeIpcMain, fakeWindow } from '../shell/fakes.js';

const opened: LibraryService[] = [];
afterEach(() => opened.splice(0).forEach((service) => service.close()));

/** What the desktop app's page gets for this call on this library: the IPC transport, sender check and all. */
async function overIpc(db: string, channel: string, args: unknown): Promise<Envelope<unknown>> {
  const service = createLibraryService({ dbPath: db });
  opened.push(service);
  const ipcMain = new FakeIpcMain();
  const win = fakeWindow();
  registerLibraryIpc({ ipcMain, api: service.api, getWindow: () => win, onEvent: service.onEvent, grants: new PathGrants() });
  return (await ipcMain.invoke(channel, eventFrom(win), args)) as Envelope<unknown>;
}

describe('the CLI refuses what the contract refuses, as the app does', () => {
  it.each([
    {
      argv: ['search', 'harbour', '--offset', 'abc'],
      channel: 'articles:search',
      args: { query: 'harbour', sort: 'relevance', limit: 20, offset: Number.NaN, facets: false },
      field: 'offset',
    },
    {
      argv: ['list', '--offset', 'abc'],
      channel: 'articles:search',
      args: { query: '', sort: 'date-desc', limit: 20, offset: Number.NaN, facets: false },
      field: 'offset',
    },
    {
      argv: ['list', '--limit', '501'],
      channel: 'articles:search',
      args: { query: '', sort: 'date-desc', limit: 501, offset: 0, facets: false },
      field: 'limit',
    },
    { argv: ['stories', '--offset', 'abc'], channel: 'stories:list', args: { query: '', limit: 20, offset: Number.NaN }, field: 'offset' },
    { argv: ['highlights', '--offset=-3'], channel: 'highlights:list', args: { query: '', limit: 100, offset: -3 }, field: 'offset' },
  ])('$argv: exit 2 and the contract’s message', async ({ argv, channel, args, field }) => {
    const { db } = await cliLibrary({ 'a.txt': seedLike({ title: 'Harbour plan' }) });
    const envelope = await overIpc(db, channel, args);
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining(`Invalid arguments for ${channel} (${field}):`) },
    });
    const message = (envelope as { error: { message: string } }).error.message;

    const { code, stdout, stderr } = await cli(...argv, '--db', db);
    expect(stderr).toBe(`gleaner: ${message}\n`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('keeps a valid page the same as before: the contract’s answer, printed', async () => {
    const { db } = await cliLibrary({ 'a.txt': seedLike({ title: 'Harbour plan' }), 'b.txt': seedLike({ title: 'Ferry times' }) });
    const printed = JSON.parse((await cli('list', '--offset', '1', '--limit', '1', '--db', db, '--json')).stdout) as {
      items: { title: string }[];
      total: number;
      offset: number;
    };
    const envelope = (await overIpc(db, 'articles:search', { query: '', sort: 'date-desc', limit: 1, offset: 1, facets: true })) as {
      ok: true;
      value: typeof printed;
    };
    expect(printed).toMatchObject({ total: 2, offset: 1, items: [{ title: envelope.value.items[0]!.title }] });
  });

  it('says a missing folder before opening (and so creating) a library', async () => {
    const db = join(tempDir(), 'never.db');
    const { code, stderr } = await cli('import', join(tempDir(), 'absent'), '--db', db);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gleaner: Folder not found: /);
    expect(existsSync(db)).toBe(false);
  });
});
