import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');

/**
 * The Electron executable, or null. Not `require('electron')`: that call downloads a
 * missing binary (and Playwright's `_electron.launch` makes it when given no
 * executablePath). Same lookup as scripts/start.mjs.
 */
export function findElectronBinary(env = process.env): string | null {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = join(ELECTRON_DIR, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}

export const MISSING_BINARY =
  'NOT RUN: the Electron binary is absent (node_modules/electron/dist was never downloaded; `node node_modules/electron/install.js` fetches it where Electron’s download host is reachable)';
