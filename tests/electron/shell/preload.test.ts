/**
 * The preload, run under Node with `electron` replaced by fakes: what it exposes to the
 * page, which channels it uses, and that raw ipcRenderer never crosses the bridge.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, EVENT_CHANNEL } from '../../../shared/channels.js';
import { buildClient, type Transport } from '../../../shared/client.js';
import { SHELL_CHANNELS } from '../../../shared/shell.js';

const exposed = new Map<string, Record<string, unknown>>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, ...args: unknown[]): Promise<unknown> => {
    if (channel === 'articles:get') return { ok: false, error: { code: 'not-found', message: 'No article with id 9' } };
    if (channel === 'library:stats') throw new Error("No handler registered for 'library:stats'");
    return { ok: true, value: { channel, args } };
  }),
  send: vi.fn(),
  on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
    return ipcRenderer;
  }),
  removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  }),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
  ipcRenderer,
  webUtils: { getPathForFile: (file: { name: string }) => (file.name === 'in-memory' ? '' : `/home/me/${file.name}`) },
}));

type Fn = (...args: unknown[]) => unknown;
const gleaner = () => exposed.get('gleaner') as unknown as Transport;
const shell = () => exposed.get('gleanerShell') as Record<string, Fn>;

beforeAll(async () => {
  await import('../../../electron/preload.js');
});

/** Every function and value reachable from an exposed object (what the page can touch). */
function reachable(value: unknown, seen = new Set<unknown>()): unknown[] {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return [];
  seen.add(value);
  return [value, ...Object.values(value as object).flatMap((v) => reachable(v, seen))];
}

describe('preload', () => {
  it('exposes exactly gleaner and gleanerShell, and never ipcRenderer', () => {
    expect([...exposed.keys()].sort()).toEqual(['gleaner', 'gleanerShell']);
    for (const key of exposed.keys()) expect(reachable(exposed.get(key))).not.toContain(ipcRenderer);
  });

  it('exposes only call and on: the client is built in the page', () => {
    expect(Object.keys(gleaner()).sort()).toEqual(['call', 'on']);
  });

  it('carries every contract channel, invoking exactly that channel', async () => {
    for (const { domain, method, channel } of channels()) {
      ipcRenderer.invoke.mockClear();
      await gleaner().call(domain, method, { x: 1 });
      expect(ipcRenderer.invoke.mock.calls, channel).toEqual([[channel, { x: 1 }]]);
    }
    // The page's client over it: a method per channel, the value unwrapped.
    const client = buildClient(gleaner());
    await expect(client.articles.search({ query: 'solar' })).resolves.toEqual({ channel: 'articles:search', args: [{ query: 'solar' }] });
  });

  it('returns a failed call as an envelope, keeping the code, and the page client throws it with the code', async () => {
    const { call } = gleaner();
    await expect(call('articles', 'get', { id: 9 })).resolves.toEqual({ ok: false, error: { code: 'not-found', message: 'No article with id 9' } });
    await expect(buildClient(gleaner()).articles.get({ id: 9 })).rejects.toMatchObject({
      name: 'ClientError',
      code: 'not-found',
      message: 'No article with id 9',
    });
    // A transport failure is an envelope too, never a throw across the bridge.
    await expect(call('library', 'stats', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('never invokes a channel outside the contract', async () => {
    ipcRenderer.invoke.mockClear();
    const call = gleaner().call as Fn;
    for (const [domain, method] of [
      ['shell', 'pickFolder'],
      ['articles', 'constructor'],
      ['articles', 'hasOwnProperty'],
      ['__proto__', 'x'],
      ['toString', 'call'],
      [1, 2],
    ]) {
      await expect(call(domain, method, {})).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers service events without the IPC event, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = gleaner().on((event: unknown) => seen.push(event)) as () => unknown;
    for (const l of listeners.get(EVENT_CHANNEL) ?? []) l({ sender: ipcRenderer }, { type: 'library-changed' });
    expect(seen).toEqual([{ type: 'library-changed' }]);
    expect(off()).toBeUndefined(); // not ipcRenderer (removeListener's return value)
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });

  it('gives the shell calls their channels', async () => {
    ipcRenderer.invoke.mockClear();
    expect(Object.keys(shell()).sort()).toEqual(['grantDropped', 'onCommand', 'pickFolder', 'pickSaveFile']);
    await shell().pickFolder!();
    await shell().pickSaveFile!({ defaultName: 'x.epub' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([[SHELL_CHANNELS.pickFolder], [SHELL_CHANNELS.pickSaveFile, { defaultName: 'x.epub' }]]);
  });

  it('subscribes to commands, announcing that the page listens', () => {
    const commands: unknown[] = [];
    const off = shell().onCommand!((c: unknown) => commands.push(c)) as () => unknown;
    expect(ipcRenderer.send).toHaveBeenCalledWith(SHELL_CHANNELS.ready);
    for (const l of listeners.get(SHELL_CHANNELS.command) ?? []) l({}, { type: 'open-folder' });
    expect(commands).toEqual([{ type: 'open-folder' }]);
    expect(off()).toBeUndefined();
  });

  it('asks the main process for a grant with the path read from a dropped File, and never for a File a script made', async () => {
    ipcRenderer.invoke.mockClear();
    await shell().grantDropped!({ name: 'articles' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([[SHELL_CHANNELS.grantDropped, '/home/me/articles']]);
    expect(await shell().grantDropped!({ name: 'in-memory' })).toBeNull();
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });
});
