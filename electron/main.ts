/**
 * The desktop app's main process: one window, the library service, the IPC transport,
 * menus and dialogs. Everything with logic lives in electron/shell/ (pure, tested under
 * Node with Electron injected) and electron/library/ (the service shared with the CLI
 * and browser mode); this file only wires them to the real Electron objects.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { registerLibraryIpc } from './ipc.js';
import { createLibraryService, type LibraryService, type ServiceOptions } from './library/service.js';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './shell/appProtocol.js';
import { SHELL_CHANNELS, type ShellCommand } from '../shared/shell.js';
import { CommandQueue } from './shell/commands.js';
import { launchDataFrom, parseCommandLine, type LaunchData } from './shell/commandLine.js';
import { pickFolder, pickSaveFile } from './shell/dialogs.js';
import { menuTemplate } from './shell/menu.js';
import { hardenSession, hardenWebContents } from './shell/navigation.js';
import { libraryPathFor, readSettings, samplesDirFor, workerDirFor } from './shell/paths.js';
import { PathGrants } from './shell/pathGrants.js';
import { registerShellIpc } from './shell/shellIpc.js';
import { fitToDisplays, readWindowState, trackWindowState } from './shell/windowState.js';
import { windowOptions } from './shell/windowOptions.js';

const APP_NAME = 'Gleaner';
/** out/: main.cjs, preload.cjs, the worker bundles and renderer/ sit together. */
const MAIN_DIR = __dirname;
const RENDERER_DIR = join(MAIN_DIR, 'renderer');
const PRELOAD = join(MAIN_DIR, 'preload.cjs');
const dev = !app.isPackaged;

// Tests and portable setups can move the profile folder (window state, settings, and
// the single-instance lock, which lives there). Must happen before anything reads it.
if (process.env.GLEANER_USER_DATA) app.setPath('userData', resolve(process.env.GLEANER_USER_DATA));

// app:// must be known before the app is ready (see shell/appProtocol.ts for why not file://).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

/** Arguments that are the app itself rather than a folder to import. */
const selfPaths = (): string[] => [process.execPath, app.getAppPath(), __filename, MAIN_DIR];
/** Every path the page may import from or export to is one the person chose (shell/pathGrants.ts). */
const grants = new PathGrants();
const folderCommands = (launch: LaunchData): ShellCommand[] =>
  parseCommandLine(launch.argv.slice(1), { cwd: launch.cwd, self: selfPaths() }).folders.map((path) => ({
    type: 'import-folder',
    ...grants.grant(path),
  }));

const launch: LaunchData = { argv: process.argv, cwd: process.cwd() };
if (!app.requestSingleInstanceLock({ ...launch })) {
  // Another Gleaner is running: it receives our command line (second-instance) and
  // comes to the front; this process has nothing more to do.
  app.quit();
} else {
  run();
}

function run(): void {
  const cli = parseCommandLine(process.argv.slice(1), { cwd: process.cwd(), self: selfPaths() });
  let window: BrowserWindow | null = null;
  let service: LibraryService | null = null;
  const disposers: (() => void)[] = [];
  const log = (line: string) => console.warn(`gleaner: ${line}`);
  const openExternal = (url: string) => shell.openExternal(url);

  const commands = new CommandQueue((command) => {
    if (!window || window.isDestroyed()) return false;
    window.webContents.send(SHELL_CHANNELS.command, command);
    return true;
  });
  for (const command of folderCommands(launch)) commands.post(command);

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const data = launchDataFrom(additionalData) ?? { argv, cwd: workingDirectory };
    for (const command of folderCommands(data)) commands.post(command);
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    } else if (app.isReady() && service) createWindow();
  });

  // macOS: a folder dropped on the Dock icon. Registered before ready, as Apple sends it early.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) commands.post({ type: 'import-folder', ...grants.grant(path) });
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!window && service) createWindow();
  });
  app.on('will-quit', () => {
    for (const dispose of disposers.splice(0)) dispose();
    service?.close();
    service = null;
  });

  app.whenReady().then(start).catch(fatal);

  function start(): void {
    if (process.platform === 'win32') app.setAppUserModelId('org.gleaner.app');
    hardenSession(session.defaultSession);
    protocol.handle(
      APP_SCHEME,
      appProtocolHandler(RENDERER_DIR, (pathname) => service?.localImage(pathname) ?? null),
    );

    const dbPath = libraryPathFor(cli.dbPath, readSettings(join(app.getPath('userData'), 'settings.json')));
    const options: ServiceOptions = {
      watch: true,
      dbPath,
      workerDir: workerDirFor(MAIN_DIR),
      samplesDir: samplesDirFor({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, mainDir: MAIN_DIR }),
    };
    grants.offer(options.samplesDir ?? null);
    try {
      service = createLibraryService(options);
    } catch (error) {
      dialog.showErrorBox(`${APP_NAME} cannot open its library`, `${dbPath}\n\n${(error as Error).message}`);
      app.exit(1);
      return;
    }

    disposers.push(registerLibraryIpc({ ipcMain, api: service.api, getWindow: () => window, onEvent: service.onEvent, log, grants }));
    disposers.push(
      registerShellIpc({
        ipcMain,
        getWindow: () => window,
        pickFolder: () => pickFolder(dialog, window),
        pickSaveFile: (saveOptions) => pickSaveFile(dialog, window, saveOptions, app.getPath('documents')),
        commands,
        grants,
        log,
      }),
    );

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate({ platform: process.platform, dev, appName: APP_NAME, command: (type) => commands.post({ type }) })),
    );
    app.setAboutPanelOptions({
      applicationName: APP_NAME,
      applicationVersion: app.getVersion(),
      copyright: 'MIT licensed',
      credits: 'An offline article library.',
    });
    createWindow();
  }

  function createWindow(): void {
    const stateFile = join(app.getPath('userData'), 'window-state.json');
    const state = fitToDisplays(
      readWindowState(stateFile),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const win = new BrowserWindow(
      windowOptions({ preload: PRELOAD, bounds: state.bounds, backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1d20' : '#ffffff', dev }),
    );
    window = win;
    if (state.maximized) win.maximize();
    trackWindowState(win, stateFile);
    // Shown once painted; and regardless after a few seconds, so a page that fails to
    // load (an unbuilt renderer) still leaves a window to look at instead of nothing.
    const showAnyway = setTimeout(() => !win.isDestroyed() && win.show(), 4000);
    win.once('ready-to-show', () => {
      clearTimeout(showAnyway);
      win.show();
    });
    // A reload (dev) or a crashed renderer drops the page's command listener: hold
    // commands until the new page subscribes again.
    win.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) commands.pageGone();
    });
    win.webContents.on('render-process-gone', () => commands.pageGone());
    win.on('closed', () => {
      if (window === win) window = null;
      commands.pageGone();
    });
    win.loadURL(APP_INDEX_URL).catch((error: Error) => log(`the window could not load ${APP_INDEX_URL}: ${error.message}`));
  }

  function fatal(error: unknown): void {
    dialog.showErrorBox(`${APP_NAME} could not start`, (error as Error)?.stack ?? String(error));
    app.exit(1);
  }
}
