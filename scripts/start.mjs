#!/usr/bin/env node
// `npm start` (after `npm run build`): the desktop app when Electron's binary is
// installed, else browser mode (`gleaner serve --open`) with one sentence saying why.
// Extra arguments are passed on (e.g. `npm start -- --db /tmp/lib.db`).
// `--dry-run` prints the decision and the command instead of running it (tests).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');

/**
 * The Electron executable, or null when it is not installed. Deliberately not
 * `require('electron')`: since Electron 3x that call *downloads* a missing binary,
 * which on a machine without access to the download host hangs or fails loudly.
 * This repeats its lookup (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH) without that.
 */
export function findElectronBinary(electronDir = ELECTRON_DIR, env = process.env) {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = join(electronDir, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')).version;
  } catch {
    return 'its version';
  }
}

/** Runs a child with our stdio; resolves with its exit code. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
    child.on('error', (error) => {
      process.stderr.write(`start: could not run ${command}: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  });
}

async function main(argv) {
  const dryRun = argv.includes('--dry-run');
  const passOn = argv.filter((a) => a !== '--dry-run');
  const electron = findElectronBinary();
  let command;
  let args;
  const env = { ...process.env };
  if (electron) {
    // `electron <project folder>` runs package.json's main (out/main.cjs) with the app's name.
    delete env.ELECTRON_RUN_AS_NODE; // set by some editors' terminals; it would run main.cjs as plain Node
    command = electron;
    args = [ROOT, ...passOn];
    process.stdout.write(`start: opening the desktop app (Electron ${electronVersion()})\n`);
  } else {
    process.stdout.write(
      `start: the Electron ${electronVersion()} binary is missing (node_modules/electron/dist was never downloaded), so Gleaner opens in your browser instead; ` +
        `to get the desktop app, run \`node node_modules/electron/install.js\` on a machine that can reach Electron's download host ` +
        `(or set ELECTRON_MIRROR to a mirror first, or reinstall with \`npm install electron\` there).\n`,
    );
    command = process.execPath;
    args = [join(ROOT, 'bin', 'gleaner.cjs'), 'serve', '--open', ...passOn];
  }
  if (dryRun) {
    process.stdout.write(`start: would run ${JSON.stringify([command, ...args])}\n`);
    return 0;
  }
  return run(command, args, env);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
