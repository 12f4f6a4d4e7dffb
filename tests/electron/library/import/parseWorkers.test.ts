/**
 * Issue 13, item 2: parse workers that run out of memory. Real workers, real parser, real
 * process: the import runs in a child process (bundled here with esbuild), so "the import
 * ends" is the process exiting on its own, which it cannot while any worker thread is left.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync, type BuildOptions } from 'esbuild';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../shared/types.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

const REPO = resolve(__dirname, '../../../..');
const MB = 1024 * 1024;

/** Runs one import through worker parse stages whose heaps are tiny, in its own process. */
const DRIVER = `
import { openLibrary } from './electron/library/db/connection.ts';
import { importFolders } from './electron/library/import/importer.ts';
import { workerParseStage } from './electron/library/import/parseStage.ts';
const [folder, dbPath, script, heapMb] = process.argv.slice(2);
const maxFileBytes = 100 * 1024 * 1024;
void (async () => {
  const stage = workerParseStage(script, 2, maxFileBytes, { maxOldGenerationSizeMb: Number(heapMb) });
  const db = openLibrary(dbPath);
  const report = await importFolders(db, [folder], { maxFileBytes, parseStage: stage, batchSize: 3 });
  await stage.close();
  db.close();
  process.stdout.write(JSON.stringify(report));
})();
`;

function bundle(dir: string): { driver: string; worker: string } {
  const common: BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['better-sqlite3'], logLevel: 'silent' };
  const driver = join(dir, 'driver.cjs');
  const worker = join(dir, 'parseWorker.cjs');
  buildSync({ ...common, stdin: { contents: DRIVER, resolveDir: REPO, loader: 'ts' }, outfile: driver });
  buildSync({ ...common, entryPoints: [join(REPO, 'electron/library/import/parseWorker.ts')], outfile: worker });
  return { driver, worker };
}

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, NODE_PATH: join(REPO, 'node_modules') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, timedOut });
    });
  });
}

/** Markdown that parses fine in a normal heap but not in a 32 MB one. */
const hog = (n: number) => `+++\ntitle = "Hog ${n}"\n+++\n` + 'Lorem *ipsum* [dolor](http://x.y) sit amet, consectetur. '.repeat(100_000);

describe('parse workers that run out of memory', () => {
  it('fail only the file that exhausted a worker, and the import ends with every worker gone', async () => {
    const dir = tempDir();
    const root = join(dir, 'articles');
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`a${i}.md`] = seedLike({ title: `Small ${i}` });
    files['a3-hog.md'] = hog(1); // shares a request with small files: they must survive it
    files['a6-hog.md'] = hog(2);
    files['huge.md'] = 'x'.repeat(20 * MB); // over the markup budget: refused before it is read
    writeTree(root, files);
    const db = join(dir, 'library.db');
    const { driver, worker } = bundle(dir);

    const result = await run([driver, root, db, worker, '32'], 120_000);
    expect(result.timedOut, `the import did not end:\n${result.stderr}`).toBe(false);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ImportReport;
    const failed = Object.fromEntries(report.files.filter((f) => f.status === 'failed').map((f) => [f.path, f.reason]));
    expect(failed).toEqual({
      'a3-hog.md': expect.stringMatching(/could not be parsed: ran out of memory/),
      'a6-hog.md': expect.stringMatching(/could not be parsed: ran out of memory/),
      'huge.md': 'file is 20 MB; files of this kind over 16 MB need more memory to parse than an import may use',
    });
    expect(report.added).toBe(8);
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT title FROM articles ORDER BY title').pluck().all()).toEqual(Array.from({ length: 8 }, (_, i) => `Small ${i}`));
    check.close();
  });
});

describe('the CLI with --max-file-size 100', () => {
  const CLI = join(REPO, 'bin/gleaner.cjs');

  it('refuses 40-50 MB Markdown files with a reason, imports the rest and exits', async () => {
    expect(existsSync(join(REPO, 'out/cli.cjs')), 'run `npm run build:node` first: this test drives the built CLI').toBe(true);
    const root = join(tempDir(), 'articles');
    const files: Record<string, string> = { 'small.md': seedLike({ title: 'Small' }) };
    for (const size of [42, 46, 50])
      files[`big-${size}.md`] = `+++\ntitle = "Big"\n+++\n` + 'Lorem ipsum *dolor* sit amet. '.repeat(Math.ceil((size * MB) / 30));
    writeTree(root, files);
    const db = join(tempDir(), 'library.db');

    const result = await run([CLI, 'import', root, '--db', db, '--max-file-size', '100', '--json'], 120_000);
    expect(result.timedOut).toBe(false);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ImportReport;
    expect(report.added).toBe(1);
    expect(report.files.filter((f) => f.status === 'failed').map((f) => `${f.path}: ${f.reason}`)).toEqual([
      'big-42.md: file is 42 MB; files of this kind over 16 MB need more memory to parse than an import may use',
      'big-46.md: file is 46 MB; files of this kind over 16 MB need more memory to parse than an import may use',
      'big-50.md: file is 50 MB; files of this kind over 16 MB need more memory to parse than an import may use',
    ]);
  });
});
