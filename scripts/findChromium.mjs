// Finds a Chromium for the end-to-end tests and the UI benchmark, in this order:
// GLEANER_CHROMIUM, Playwright's own browser, chromium / chromium-browser / google-chrome on
// the PATH, the usual macOS and Windows install places. If none is there, it tries
// `npx playwright install chromium` once (it works wherever Playwright's download host is
// reachable), and if that fails too, it says in one line what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Install places outside the PATH on macOS and Windows. */
function platformPlaces(env) {
  if (process.platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      join(env.HOME ?? '', 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
    ];
  }
  if (process.platform === 'win32') {
    return [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA]
      .filter(Boolean)
      .map((base) => join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  }
  return [];
}

function onPath(name, env) {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = join(dir, name + ext);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** Where Playwright keeps its own Chromium, when it has been installed. */
function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The browser found without installing anything: `{ path, how }` or null. */
export function locateChromium(env = process.env) {
  if (env.GLEANER_CHROMIUM) {
    if (!existsSync(env.GLEANER_CHROMIUM)) throw new Error(`GLEANER_CHROMIUM names ${env.GLEANER_CHROMIUM}, which does not exist`);
    return { path: env.GLEANER_CHROMIUM, how: 'GLEANER_CHROMIUM' };
  }
  const own = playwrightChromium();
  if (own) return { path: own, how: "Playwright's own browser" };
  for (const name of PATH_NAMES) {
    const path = onPath(name, env);
    if (path) return { path, how: `${name} on the PATH` };
  }
  const place = platformPlaces(env).find((p) => existsSync(p));
  return place ? { path: place, how: 'installed browser' } : null;
}

export const WHAT_TO_INSTALL =
  'No Chromium found for the browser tests: run `npx playwright install chromium`, or install Chromium or Google Chrome (Debian/Ubuntu: `apt-get install chromium`), or set GLEANER_CHROMIUM to a Chromium executable';

/**
 * The browser's path. When none is found it tries Playwright's installer once per process
 * tree (GLEANER_CHROMIUM_INSTALL_TRIED marks the attempt for the test workers), then throws
 * an error whose message is the one line above.
 */
export function findChromium(env = process.env) {
  const found = locateChromium(env);
  if (found) return found.path;
  if (!env.GLEANER_CHROMIUM_INSTALL_TRIED) {
    env.GLEANER_CHROMIUM_INSTALL_TRIED = '1';
    process.stderr.write('No Chromium found; trying `npx playwright install chromium` once…\n');
    try {
      execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
    } catch {
      // Reported below in one line.
    }
    const after = locateChromium(env);
    if (after) return after.path;
  }
  throw new Error(WHAT_TO_INSTALL);
}

/**
 * Flags for running Chromium in tests. `--no-sandbox` only where the sandbox cannot work:
 * as root (Chromium refuses to start there otherwise), or when asked (GLEANER_NO_SANDBOX=1,
 * e.g. containers without user namespaces).
 */
export function chromiumArgs(env = process.env) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    ...(asRoot || env.GLEANER_NO_SANDBOX === '1' ? ['--no-sandbox'] : []),
    '--disable-gpu',
    // Chromium's own calls home are not the app's: left on, they reach the recording proxy of
    // the no-egress tests (autofill predictions: 225 per run; Debian's Chromium 150 also asks
    // www.google.com/async/folae, its AI-mode eligibility check, 18 times in the reader test:
    // AimEnabled, found with --log-net-log). One switch: a second
    // --disable-features would replace this list, and Playwright's own, not add to them.
    '--disable-features=AutofillServerCommunication,AimEnabled,PreconnectToSearch,NetworkTimeServiceQuerying,Translate,MediaRouter',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--no-pings',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}
