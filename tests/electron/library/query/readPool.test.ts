/** Reads off the service's thread: a slow query never delays a quick one, and a superseded one lets go of its worker. */
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadAbandoned, ReadPool } from '../../../../electron/library/query/readPool.js';
import { QueryError } from '../../../../electron/library/query/runSql.js';
import { search } from '../../../../electron/library/query/search.js';
import { openLibrary } from '../../../../electron/library/db/connection.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

const FAKE = join(__dirname, '../../../fixtures/readPool/fakeReader.mjs');
const pools: ReadPool[] = [];
const pool = (options: ConstructorParameters<typeof ReadPool>[2] = {}, file = FAKE, db = 'unused.db') => {
  const p = new ReadPool(file, db, options);
  pools.push(p);
  return p;
};
afterEach(async () => {
  while (pools.length) await pools.pop()!.close();
});

const timed = async <T>(promise: Promise<T>) => {
  const started = performance.now();
  const value = await promise;
  return { value, ms: performance.now() - started };
};

describe('the read pool', () => {
  it('answers a quick query while a slow one runs on the other worker', async () => {
    const reads = pool({ size: 2 });
    await reads.search({ query: 'warm-up' });
    const slow = timed(reads.search({ query: 'slow' }));
    const quick = await timed(reads.search({ query: 'quick' }));
    expect(quick.ms).toBeLessThan(1000);
    const slowDone = await slow;
    expect(slowDone.ms).toBeGreaterThan(1900);
    expect(quick.ms).toBeLessThan(slowDone.ms - 900);
  });

  it('abandons a superseded query in the same lane, even while it runs, and keeps serving', async () => {
    const reads = pool({ size: 1 });
    await reads.search({ query: 'warm-up' });
    const first = timed(reads.search({ query: 'slow' }, 'list').catch((error: unknown) => error));
    await new Promise((r) => setTimeout(r, 100)); // it is running now
    const second = await timed(reads.search({ query: 'quick' }, 'list'));
    const dropped = await first;
    expect(dropped.value).toBeInstanceOf(ReadAbandoned);
    expect((dropped.value as Error).message).toMatch(/superseded/);
    expect(dropped.ms).toBeLessThan(1500); // not the slow query's two seconds
    expect(second.ms).toBeLessThan(1500); // the one worker was freed for it
    expect((second.value as unknown as { query: string }).query).toBe('quick');
  });

  it('drops a superseded query that was still waiting, without running it', async () => {
    const reads = pool({ size: 1 });
    const busy = reads.search({ query: 'slow' });
    const waiting = reads.search({ query: 'first' }, 'facets').catch((error: unknown) => error);
    const latest = reads.search({ query: 'second' }, 'facets');
    expect(await waiting).toBeInstanceOf(ReadAbandoned);
    expect(((await latest) as unknown as { query: string }).query).toBe('second');
    await busy;
  });

  it('ends a query that runs past the limit and answers the next one', async () => {
    const reads = pool({ size: 1, maxMs: 300 });
    const stuck = await timed(reads.search({ query: 'slow' }).catch((error: unknown) => error));
    expect(stuck.value).toBeInstanceOf(ReadAbandoned);
    expect((stuck.value as Error).message).toMatch(/longer than 0.3 s/);
    expect(stuck.ms).toBeLessThan(1500);
    expect(((await reads.search({ query: 'after' })) as unknown as { query: string }).query).toBe('after');
  });

  it('workers that cannot start are not restarted for ever: searches go to the fallback', async () => {
    const missing = join(tempDir(), 'no-such-worker.cjs');
    const reads = pool({ size: 2, fallback: (read) => ({ total: 7, offset: 0, items: [], tookMs: 0, query: read.call }) as never }, missing);
    const page = await reads.search({ query: 'anything' });
    expect(page.total).toBe(7);
    expect((await reads.search({ query: 'again' })).total).toBe(7);
  });

  it('passes a bad query on as a QueryError with its span', async () => {
    const error = await pool()
      .search({ query: 'bad' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).end).toBe(3);
  });

  it('the real read worker gives the same page as the service thread, and sees new writes', async () => {
    const dir = tempDir();
    writeTree(dir, {
      'a.txt': seedLike({ title: 'Heliostat arrays', body: '<p>Molten salt storage</p>' }),
      'b.txt': seedLike({ title: 'Grid batteries', body: '<p>Storage on the grid</p>' }),
    });
    const dbPath = join(tempDir(), 'library.db');
    const db = openLibrary(dbPath);
    await importFolders(db, [dir]);
    // Inside the repository, so the bundle finds better-sqlite3 in node_modules as out/ does.
    const bundle = join(__dirname, '../../../../test-results/readPool', `readWorker-${process.pid}.cjs`);
    await build({
      entryPoints: [join(__dirname, '../../../../electron/library/query/readWorker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      external: ['better-sqlite3'],
      logLevel: 'silent',
    });
    const reads = pool({ size: 1 }, bundle, dbPath);
    const request = { query: 'storage', facets: true };
    const { tookMs: _a, ...fromWorker } = await reads.search(request);
    const { tookMs: _b, ...inline } = search(db, request);
    expect(fromWorker).toEqual(inline);
    expect(fromWorker.total).toBe(2);
    // Counts and facets on the worker: the same numbers, and no page.
    expect(await reads.run({ call: 'count', args: { query: 'storage grid' } })).toBe(1);
    expect(await reads.run({ call: 'counts', args: { queries: ['storage', 'molten', 'nothing'] } })).toEqual([2, 1, 0]);
    expect(await reads.run({ call: 'facets', args: { query: 'storage' } }, 'facets')).toEqual(inline.facets);
    db.prepare("UPDATE articles SET starred = 1 WHERE title = 'Grid batteries'").run();
    expect((await reads.search({ query: 'storage is:starred' })).items.map((i) => i.title)).toEqual(['Grid batteries']);
  });
});
