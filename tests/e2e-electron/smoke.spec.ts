/**
 * The desktop app end to end: real Electron, real out/ build, a fresh library and
 * profile folder. Opens the fixtures folder through the (stubbed) system folder picker,
 * searches, opens an article, and checks the page is the sandboxed app:// page.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary, MISSING_BINARY, ROOT } from './electronBinary';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'e2e', 'articles');
const binary = findElectronBinary();

test.skip(!binary, MISSING_BINARY);

let app: ElectronApplication;
let dir: string;

test.beforeEach(async () => {
  if (!existsSync(join(ROOT, 'out', 'main.cjs')) || !existsSync(join(ROOT, 'out', 'preload.cjs'))) {
    throw new Error('The desktop app is not built: run `npm run build` first');
  }
  dir = mkdtempSync(join(tmpdir(), 'gleaner-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    // Chromium's sandbox cannot start as root (CI runs as root); everywhere else it stays on.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT, '--db', join(dir, 'library.db')],
    cwd: ROOT,
    env: { ...process.env, GLEANER_USER_DATA: join(dir, 'profile'), ELECTRON_RUN_AS_NODE: '' },
  });
});

test.afterEach(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('opens a folder, searches and opens an article', async () => {
  // Nobody is there to click the native dialogs: answer them in the main process.
  await app.evaluate(({ dialog, shell }, folder) => {
    const opened: string[] = [];
    (globalThis as unknown as { openedExternally: string[] }).openedExternally = opened;
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [folder] })) as typeof dialog.showOpenDialog;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  }, FIXTURES);

  const page = await app.firstWindow();
  expect(page.url()).toBe('app://gleaner/index.html');
  // Sandboxed and isolated: no Node in the page, only the two bridged objects.
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, { call?: unknown; pickFolder?: unknown } | undefined>;
    return [typeof w.require, typeof w.process, typeof w.gleaner?.call, typeof w.gleanerShell?.pickFolder];
  });
  expect(globals).toEqual(['undefined', 'undefined', 'function', 'function']);

  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await page.getByRole('button', { name: /Choose a folder/ }).click();

  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toBeVisible({ timeout: 20_000 });
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('result-count')).toHaveText('12 articles');

  await page.getByRole('searchbox', { name: 'Search articles' }).fill('heliostat');
  await expect(page.getByTestId('result-count')).toHaveText('1 article');
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: 'Desert Solar Farms Add Heliostat Arrays' }).click();
  const pane = page.getByRole('region', { name: 'Reading pane' });
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('Desert Solar Farms Add Heliostat Arrays');
  await expect(page.frameLocator('iframe[title="Article preview"]').getByText('molten-salt storage')).toBeVisible();

  // "Open original" goes to the system browser, never to an Electron window.
  await pane.getByRole('link', { name: 'Open original' }).click();
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as { openedExternally: string[] }).openedExternally))
    .toEqual(['https://news.example.com/202503/1001-solar-farms/']);
  expect(app.windows()).toHaveLength(1);
});
