/**
 * Two processes on one library: `gleaner import` in a terminal while `gleaner serve` (or the
 * app) shows and curates the same library, and two imports racing. Drives the built CLI
 * (`npm run build:node`) as separate processes, with real SQLite locking between them.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEvent } from '../../../shared/api.js';
import type { ImportReport, SearchPage } from '../../../shared/types.js';
import { importFolders } from '../../../electron/library/import/importer.js';
import { createLibraryService } from '../../../electron/library/service.js';
import { startWebHost } from '../../../electron/web/server.js';
import { seedLike, writeTree } from '../../helpers/articles.js';
import { eventually } from '../../helpers/eventually.js';
import { tempDir } from '../../helpers/tmp.js';

const REPO = resolve(__dirname, '../../..');
const CLI = join(REPO, 'bin/gleaner.cjs');

function folderOf(prefix: string, count: number): string {
  const root = tempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`${prefix}/${i}.md`] = seedLike({
      title: `${prefix} ${i}`,
      date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
      body: `<p>${prefix} words ${i} ${'filler text '.repeat(30)}</p>`,
    });
  }
  writeTree(root, files);
  return root;
}

function gleaner(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('two processes on one library', () => {
  it('a CLI import shows up in a running server: library-changed is pushed and the API returns the new articles', async () => {
    expect(existsSync(join(REPO, 'out/cli.cjs')), 'run `npm run build:node` first').toBe(true);
    const dbPath = join(tempDir(), 'library.db');
    await importFolders(createLibraryService({ dbPath }).db, [folderOf('first', 3)]); // a library already in use
    const service = createLibraryService({ dbPath });
    const host = await startWebHost({ service, staticDir: tempDir() });
    const events: LibraryEvent[] = [];
    service.onEvent((e) => events.push(e));
    const searchOverHttp = async (query: string): Promise<SearchPage> => {
      const res = await fetch(`http://127.0.0.1:${host.port}/api/articles/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query, limit: 5 }),
      });
      return ((await res.json()) as { value: SearchPage }).value;
    };
    try {
      expect((await searchOverHttp('')).total).toBe(3);
      const result = await gleaner('import', folderOf('second', 40), '--db', dbPath, '--json');
      expect(result.code, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as ImportReport).added).toBe(40);
      const until = Date.now() + 5000;
      while (!events.some((e) => e.type === 'library-changed') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(events.map((e) => e.type)).toContain('library-changed');
      expect((await searchOverHttp('')).total).toBe(43);
      expect((await searchOverHttp('second')).total).toBe(40);
    } finally {
      await host.close();
      service.close();
    }
  });

  it('an import on the service’s own worker that changed nothing refreshes nothing, not even through the follower of other writers', async () => {
    expect(existsSync(join(REPO, 'out/importWorker.cjs')), 'run `npm run build:node` first').toBe(true);
    const dbPath = join(tempDir(), 'library.db');
    const service = createLibraryService({ dbPath, workerDir: join(REPO, 'out') });
    const events: LibraryEvent['type'][] = [];
    service.onEvent((e) => events.push(e.type));
    const folder = folderOf('same', 5);
    const importOnce = async () => {
      const { jobId } = await service.api.imports.start({ folders: [folder] });
      await eventually(async () => (await service.api.imports.status({ jobId })).state !== 'running', 20000);
      // Longer than the follower's poll: a commit it had not taken as seen would show up as library-changed now.
      await new Promise((r) => setTimeout(r, 2500));
      return (await service.api.imports.status({ jobId })).report!;
    };
    try {
      expect((await importOnce()).added).toBe(5);
      expect(events.filter((t) => t === 'library-changed')).toHaveLength(1);
      events.length = 0;
      expect((await importOnce()).unchanged).toBe(5);
      expect(events).toContain('import-finished');
      expect(events).not.toContain('library-changed');
    } finally {
      service.close();
    }
  });

  it('two imports race into one library while the app curates it: no "database is locked", nothing lost', async () => {
    // Over 2,000 articles each, so each import ends with an index optimize the others must wait on.
    const count = 2100;
    const a = folderOf('alpha', count);
    const b = folderOf('beta', count);
    const dbPath = join(tempDir(), 'library.db');
    const service = createLibraryService({ dbPath });
    await importFolders(service.db, [folderOf('kept', 20)]);
    const keptIds = (await service.api.articles.search({ query: 'kept', limit: 50 })).items.map((i) => i.id);

    // Meanwhile a person keeps starring and unstarring on the app's own connection.
    let writes = 0;
    const failures: string[] = [];
    let racing = true;
    const curate = (async () => {
      while (racing) {
        try {
          await service.api.articles.setStarred({ target: { ids: keptIds }, starred: writes % 2 === 0 });
          writes++;
        } catch (error) {
          failures.push((error as Error).message);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const [first, second] = await Promise.all([gleaner('import', a, '--db', dbPath, '--json'), gleaner('import', b, '--db', dbPath, '--json')]);
    racing = false;
    await curate;

    for (const run of [first, second]) {
      expect(run.stderr).not.toMatch(/locked|busy/i);
      expect(run.code, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as ImportReport).added).toBe(count);
    }
    expect(failures).toEqual([]);
    expect(writes).toBeGreaterThan(10);
    const db = service.db;
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2 * count + 20);
    expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'alpha OR beta'").pluck().get()).toBe(2 * count);
    expect(db.prepare('SELECT count(*) FROM fts_pending').pluck().get()).toBe(0);
    expect(db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run()).toBeTruthy();
    service.close();
  });

  it('two imports that both create a new library: one creates it, the other waits, both import', async () => {
    const dbPath = join(tempDir(), 'fresh', 'library.db');
    const runs = await Promise.all([
      gleaner('import', folderOf('one', 30), '--db', dbPath, '--json'),
      gleaner('import', folderOf('two', 30), '--db', dbPath, '--json'),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as ImportReport).added).toBe(30);
    }
    const service = createLibraryService({ dbPath });
    expect((await service.api.articles.search({ query: 'one OR two', limit: 1 })).total).toBe(60);
    service.close();
  });
});
