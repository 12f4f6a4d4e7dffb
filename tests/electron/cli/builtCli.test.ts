/**
 * The CLI as a person runs it, where threads and processes matter: the built bundles in
 * out/ (`npm run build` first), the environment, and `serve` as a real process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, LibraryStats, SearchPage } from '../../../shared/types.js';
import { seedLike, writeTree } from '../../helpers/articles.js';
import { cli, cliLibrary, cliWith } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';

const ROOT = resolve(__dirname, '../../..');
const OUT = join(ROOT, 'out');
const BIN = join(ROOT, 'bin', 'gleaner.cjs');

beforeAll(() => {
  expect(existsSync(join(OUT, 'cli.cjs')) && existsSync(join(OUT, 'parseWorker.cjs')), 'run `npm run build` first').toBe(true);
});

describe('$GLEANER_DB', () => {
  const saved = { GLEANER_DB: process.env.GLEANER_DB, XDG_DATA_HOME: process.env.XDG_DATA_HOME };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('is the library every command uses when --db is not given', async () => {
    const folder = tempDir();
    writeTree(folder, { 'a.txt': seedLike({ title: 'Kept where I said' }) });
    const db = join(tempDir(), 'mine.db');
    const perUser = tempDir();
    process.env.GLEANER_DB = db;
    process.env.XDG_DATA_HOME = perUser; // where the library would go without it
    expect((await cli('import', folder)).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(existsSync(join(perUser, 'gleaner'))).toBe(false);
    expect((JSON.parse((await cli('stats', '--json')).stdout) as LibraryStats).articles).toBe(1);
    expect((await cli('list', '--db', join(tempDir(), 'other.db'))).stdout).toMatch(/^0 articles match/); // --db still wins
  });
});

/** The most threads this process had while `run` ran (Linux: /proc/self/status). */
async function peakThreads(run: () => Promise<unknown>): Promise<number> {
  const threads = () => Number(/^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
  let peak = threads();
  const timer = setInterval(() => (peak = Math.max(peak, threads())), 2);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  return peak;
}

describe('gleaner import --workers', () => {
  it('parses on that many worker threads and imports the same articles', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [`${i}.txt`, seedLike({ title: `Article ${i}`, body: `<p>${'text '.repeat(400)}</p>` })]),
    );
    const importWith = async (workers: string) => {
      const folder = tempDir();
      writeTree(folder, files);
      const { code, stdout } = await cliWith({ workerDir: OUT }, 'import', folder, '--workers', workers, '--db', join(tempDir(), 'lib.db'), '--json');
      expect(code).toBe(0);
      return JSON.parse(stdout) as ImportReport;
    };
    await importWith('1'); // warm-up: the thread pool and first loads
    let one: ImportReport | undefined;
    let four: ImportReport | undefined;
    const peakOne = await peakThreads(async () => (one = await importWith('1')));
    const peakFour = await peakThreads(async () => (four = await importWith('4')));
    expect(four).toMatchObject({ added: 400, failed: 0 });
    expect(one).toMatchObject({ added: 400, failed: 0 });
    expect(peakFour - peakOne).toBeGreaterThanOrEqual(3);
  });

  it('refuses a count that is not a positive whole number', async () => {
    const { code, stderr } = await cli('import', tempDir(), '--workers', '0');
    expect(code).toBe(2);
    expect(stderr).toBe('gleaner: --workers takes a positive whole number, not "0"\n');
  });
});

/** Starts `gleaner serve` on the library and resolves once it prints its address. */
function serve(db: string, ...flags: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', ...flags], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolveServe, reject) => {
    let printed = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      printed += chunk;
      if (/^Open http/m.test(printed)) resolveServe(child);
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
    child.once('exit', (code) => reject(new Error(`gleaner serve exited (${code}) before printing its address\n${printed}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe('gleaner serve --no-watch', () => {
  const running: ChildProcess[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map(stopServer));
  });

  it('serves the library without following its folders, where plain serve does', async () => {
    const arrived = async (db: string) => (JSON.parse((await cli('list', 'arrived', '--db', db, '--json')).stdout) as SearchPage).total;
    const serveAndWrite = async (...flags: string[]) => {
      const { db, folder } = await cliLibrary({ 'a.txt': seedLike({ title: 'Already there' }) });
      running.push(await serve(db, ...flags));
      writeFileSync(join(folder, 'b.txt'), seedLike({ title: 'Written while serving', body: '<p>arrived</p>' }));
      return db;
    };
    // Plain serve: the new file is imported; how long that took sets how long --no-watch gets to show it does not.
    const started = Date.now();
    const watched = await serveAndWrite();
    while ((await arrived(watched)) === 0) {
      expect(Date.now() - started, 'plain serve never imported the new file').toBeLessThan(40_000);
      await new Promise((r) => setTimeout(r, 200));
    }
    const took = Date.now() - started;

    const unwatched = await serveAndWrite('--no-watch');
    await new Promise((r) => setTimeout(r, Math.max(2 * took, 8000)));
    expect(await arrived(unwatched)).toBe(0);
    expect((await cli('list', '--db', unwatched)).stdout).toMatch(/^1 article match/); // the library itself is served
  }, 120_000);
});
