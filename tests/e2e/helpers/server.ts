/**
 * Starts `gleaner serve` on a fresh temporary library for one test file and
 * stops it afterwards. Builds nothing: the specs run against out/ as built by
 * `npm run build`, exactly what a person runs.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN = join(ROOT, 'bin', 'gleaner.cjs');
export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'e2e', 'articles');

export interface GleanerServer {
  /** The address with the access token, as printed by `gleaner serve`. */
  url: string;
  origin: string;
  dbPath: string;
  close(): Promise<void>;
}

/** `seed` imports the e2e fixtures; `folder` imports that folder instead (e.g. a generated large library). */
export async function startGleaner(options: { seed?: boolean; folder?: string } = {}): Promise<GleanerServer> {
  if (!existsSync(join(ROOT, 'out', 'cli.cjs')) || !existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('Gleaner is not built: run `npm run build` before the e2e tests');
  }
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-e2e-'));
  const dbPath = join(dir, 'library.db');
  const folder = options.folder ?? (options.seed ? FIXTURES : null);
  if (folder) execFileSync(process.execPath, [BIN, 'import', folder, '--db', dbPath], { cwd: ROOT, stdio: 'pipe' });
  const child = spawn(process.execPath, [BIN, 'serve', '--db', dbPath, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await readUrl(child);
  return {
    url,
    origin: new URL(url).origin,
    dbPath,
    async close() {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`gleaner serve printed no URL within 15 s\n${out}${err}`)), 15_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /^Open (http:\/\/\S+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('exit', (code) => fail(new Error(`gleaner serve exited (${code}) before printing its URL\n${out}${err}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * One server per test file: registers beforeAll/afterAll and returns a handle
 * whose fields are filled once the server is up.
 */
export function useGleaner(options: { seed?: boolean; folder?: string } = {}): { readonly server: GleanerServer } {
  let server: GleanerServer | null = null;
  test.beforeAll(async () => {
    server = await startGleaner(options);
  });
  test.afterAll(async () => {
    await server?.close();
    server = null;
  });
  return {
    get server() {
      if (!server) throw new Error('the Gleaner server is not running');
      return server;
    },
  };
}
