/**
 * electron/main.ts wired to a fake `electron` module: the real binary cannot run here,
 * but the wiring can. The service, IPC and shell modules are the real ones, on a
 * temporary library.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, EVENT_CHANNEL } from '../../../shared/channels.js';
import { SHELL_CHANNELS } from '../../../shared/shell.js';
import { seedLike, writeTree } from '../../helpers/articles.js';
import { FakeIpcMain } from './fakes.js';

const fake = vi.hoisted(() => {
  const log: string[] = [];
  return { log, windows: [] as unknown[], state: {} as Record<string, unknown> };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { FakeIpcMain } = await import('./fakes.js');
  const { log, windows, state } = fake;
  let readyResolve!: () => void;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setPath: (name: string, value: string) => log.push(`setPath ${name} ${value}`),
    getPath: (name: string) => join(state.profile as string, name),
    getAppPath: () => state.appPath as string,
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: (data: unknown) => {
      log.push('requestSingleInstanceLock');
      state.lockData = data;
      return true;
    },
    quit: vi.fn(() => log.push('quit')),
    exit: vi.fn((code: number) => log.push(`exit ${code}`)),
    isReady: () => true,
    whenReady: () => ready,
    setAppUserModelId: vi.fn(),
    setAboutPanelOptions: vi.fn(),
  });
  state.app = app;
  state.fireReady = () => {
    log.push('ready');
    readyResolve();
  };

  class BrowserWindow extends EventEmitter {
    destroyed = false;
    webContents = Object.assign(new EventEmitter(), {
      mainFrame: { url: 'app://gleaner/index.html', parent: null, processId: 3, routingId: 1 },
      sent: [] as { channel: string; args: unknown[] }[],
      send(this: { sent: unknown[] }, channel: string, ...args: unknown[]) {
        this.sent.push({ channel, args });
      },
      isDestroyed: () => false,
    });
    loadURL = vi.fn(async (url: string) => log.push(`loadURL ${url}`));
    focus = vi.fn();
    show = vi.fn();
    restore = vi.fn();
    maximize = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      log.push('new BrowserWindow');
      windows.push(this);
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1000, height: 700 });
  }

  const ipcMain = new FakeIpcMain();
  state.ipcMain = ipcMain;
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  });
  state.session = session;
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => log.push('registerSchemesAsPrivileged')),
    handle: vi.fn((scheme: string, handler: unknown) => {
      log.push(`protocol.handle ${scheme}`);
      state.protocolHandler = handler;
    }),
  };
  state.protocol = protocol;
  const Menu = { buildFromTemplate: (t: unknown) => ({ template: t }), setApplicationMenu: vi.fn((m: unknown) => (state.menu = m)) };
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [state.pickedFolder] })),
    showSaveDialog: vi.fn(async () => ({ canceled: true })),
    showErrorBox: vi.fn((title: string, body: string) => log.push(`showErrorBox ${title} ${body}`)),
  };
  state.dialog = dialog;
  const shell = { openExternal: vi.fn(async () => {}) };
  state.shell = shell;
  return {
    app,
    BrowserWindow,
    ipcMain,
    session: { defaultSession: session },
    protocol,
    Menu,
    dialog,
    shell,
    nativeTheme: { shouldUseDarkColors: false },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };
});

type Win = EventEmitter & {
  options: { webPreferences: Record<string, unknown> };
  webContents: EventEmitter & { sent: { channel: string; args: unknown[] }[]; mainFrame: unknown };
  focus: ReturnType<typeof vi.fn>;
  destroyed: boolean;
};
const ipc = () => fake.state.ipcMain as FakeIpcMain;
const win = () => fake.windows[0] as Win;
const fromPage = () => ({ sender: win().webContents, senderFrame: win().webContents.mainFrame as never });
const settle = () => new Promise((r) => setTimeout(r, 20));

let root: string;
let library: string;
let second: string;
const argv = process.argv;

beforeAll(async () => {
  // Lives for the whole file (helpers/tmp's folders are removed after each test).
  root = mkdtempSync(join(tmpdir(), 'gleaner-main-'));
  library = join(root, 'articles');
  second = join(root, 'more');
  writeTree(library, { '2025/01/a.txt': seedLike({ title: 'Harbour lights', date: '2025-01-02T00:00:00Z' }) });
  mkdirSync(second);
  fake.state.profile = join(root, 'profile');
  fake.state.appPath = join(root, 'app');
  fake.state.pickedFolder = library;
  process.argv = [process.execPath, join(root, 'app'), '--inspect=0', '--db', join(root, 'lib.db'), library];
  await import('../../../electron/main.js');
  expect(fake.log).toEqual(['registerSchemesAsPrivileged', 'requestSingleInstanceLock']); // nothing else before ready
  (fake.state.fireReady as () => void)();
  await settle();
});

afterAll(() => {
  process.argv = argv;
  (fake.state.app as EventEmitter).emit('will-quit');
  rmSync(root, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('registers app:// before ready and serves it after', () => {
    expect(fake.log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.log.indexOf('ready'));
    expect(fake.log).toContain('protocol.handle app');
    expect(typeof fake.state.protocolHandler).toBe('function');
  });

  it('hardens the session before the window loads', () => {
    const session = fake.state.session as { setPermissionRequestHandler: ReturnType<typeof vi.fn> };
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.log.indexOf('new BrowserWindow')).toBeGreaterThan(fake.log.indexOf('protocol.handle app'));
  });

  it('opens one secure window on the app page with the built preload', () => {
    expect(fake.windows).toHaveLength(1);
    expect(win().options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(win().options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(fake.log).toContain('loadURL app://gleaner/index.html');
  });

  it('registers every contract channel and the shell channels', () => {
    for (const { channel } of channels()) expect(ipc().handlers.has(channel), channel).toBe(true);
    for (const channel of [SHELL_CHANNELS.pickFolder, SHELL_CHANNELS.pickSaveFile, SHELL_CHANNELS.grantDropped]) {
      expect(ipc().handlers.has(channel), channel).toBe(true);
    }
  });

  it('opens the library given with --db and answers the page', async () => {
    const empty = await ipc().invoke('articles:search', fromPage(), { query: '' });
    expect(empty).toMatchObject({ ok: true, value: { total: 0 } });
    expect(
      await ipc().invoke(
        'articles:search',
        { ...fromPage(), senderFrame: { url: 'https://evil.example.com/', parent: null, processId: 3, routingId: 1 } },
        { query: '' },
      ),
    ).toMatchObject({
      ok: false,
    });
  });

  it('hands the command-line folder to the page once it listens, and imports it on request', async () => {
    const commands = () =>
      win()
        .webContents.sent.filter((s) => s.channel === SHELL_CHANNELS.command)
        .map((s) => s.args[0]);
    expect(commands()).toEqual([]);
    ipc().emit(SHELL_CHANNELS.ready, fromPage());
    expect(commands()).toEqual([{ type: 'import-folder', path: library, grant: expect.stringMatching(/^grant:/) }]);

    // What the page does with it: start an import with the grant (the raw path is refused); progress comes back as events.
    expect(await ipc().invoke('imports:start', fromPage(), { folders: [library] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const { grant } = commands()[0] as { grant: string };
    const started = (await ipc().invoke('imports:start', fromPage(), { folders: [grant] })) as { ok: true; value: { jobId: string } };
    expect(started).toMatchObject({ ok: true });
    await expect
      .poll(async () => ((await ipc().invoke('articles:search', fromPage(), { query: '' })) as { value: { total: number } }).value.total)
      .toBe(1);
    expect(win().webContents.sent.some((s) => s.channel === EVENT_CHANNEL && (s.args[0] as { type: string }).type === 'import-finished')).toBe(true);
  });

  it('the folder picker returns the chosen folder', async () => {
    expect(await ipc().invoke(SHELL_CHANNELS.pickFolder, fromPage())).toEqual({ path: library, grant: expect.stringMatching(/^grant:/) });
  });

  it('a second launch focuses the window and hands over its folder', () => {
    const app = fake.state.app as EventEmitter;
    app.emit('second-instance', {}, ['gleaner', 'ignored'], '/', { argv: ['gleaner', second, '--no-sandbox'], cwd: '/' });
    expect(win().focus).toHaveBeenCalled();
    expect(win().webContents.sent.at(-1)).toEqual({
      channel: SHELL_CHANNELS.command,
      args: [{ type: 'import-folder', path: second, grant: expect.stringMatching(/^grant:/) }],
    });
  });

  it('menu actions become page commands', () => {
    const menu = fake.state.menu as { template: { submenu?: { id?: string; click?: () => void }[] }[] };
    const items = menu.template.flatMap((m) => m.submenu ?? []);
    items.find((i) => i.id === 'toggle-theme')!.click!();
    expect(win().webContents.sent.at(-1)).toEqual({ channel: SHELL_CHANNELS.command, args: [{ type: 'toggle-theme' }] });
  });

  it('hardens every web contents created', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    (fake.state.app as EventEmitter).emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('quits when the window is closed (outside macOS)', () => {
    (fake.state.app as EventEmitter).emit('window-all-closed');
    if (process.platform !== 'darwin') expect(fake.log).toContain('quit');
  });
});
