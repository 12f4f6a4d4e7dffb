/** Counts and facets are remembered for the library's state: asked again, they cost no read; any write anywhere forgets them. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../../electron/library/db/connection.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { ReadCache } from '../../../../electron/library/query/readCache.js';
import { runRead, type ReadCall, type ReadResults } from '../../../../electron/library/query/reads.js';
import { createLibraryService, type LibraryService } from '../../../../electron/library/service.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

const open: LibraryService[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** A service over three solar articles, and a cache over its connection whose every read is logged. */
async function setUp() {
  const folder = tempDir();
  writeTree(folder, {
    'a.txt': seedLike({ title: 'Solar farms', source: 'Grid Weekly', tags: ['energy'] }),
    'b.txt': seedLike({ title: 'Solar roofs', source: 'Grid Weekly' }),
    'c.txt': seedLike({ title: 'Solar storage', source: 'Power Post' }),
  });
  const dbPath = join(tempDir(), 'lib.db');
  const service = createLibraryService({ dbPath });
  open.push(service);
  await importFolders(service.db, [folder]);
  const log: string[] = [];
  const cache = new ReadCache(service.db, <C extends ReadCall>(read: C) => {
    log.push(read.call);
    return Promise.resolve(runRead(service.db, read) as ReadResults[C['call']]);
  });
  return { service, cache, log, dbPath, folder };
}

describe('the read cache', () => {
  it('answers a repeated count, facets or batch without a read, even typed differently', async () => {
    const { cache, log } = await setUp();
    expect(await cache.count('solar source:"Grid Weekly"')).toBe(2);
    expect(await cache.count('  solar   source:"Grid Weekly" ')).toBe(2);
    expect((await cache.facets('solar')).sources).toEqual([
      { value: 'Grid Weekly', count: 2 },
      { value: 'Power Post', count: 1 },
    ]);
    expect((await cache.facets('solar')).sources).toHaveLength(2);
    expect(log).toEqual(['count', 'facets']);
    // A batch reads only what it has not seen: one read for the two new queries.
    expect(await cache.counts(['solar source:"Grid Weekly"', 'tag:energy', 'roofs'])).toEqual([2, 1, 1]);
    expect(await cache.counts(['tag:energy', 'roofs'])).toEqual([1, 1]);
    expect(log).toEqual(['count', 'facets', 'counts']);
  });

  it('scrolling and re-opening a search take the total from the cache: the page is read, the count is not', async () => {
    const { cache, service } = await setUp();
    let counted = 0;
    // The match count's own statements (search.ts countMatches), not a list row's story size.
    const countStatement = /^SELECT count\(\*\) FROM/;
    const prepare = service.db.prepare.bind(service.db);
    service.db.prepare = ((sql: string) => {
      if (countStatement.test(sql)) counted++;
      return prepare(sql);
    }) as typeof service.db.prepare;
    const first = await cache.search({ query: 'solar', limit: 2 }, 'list');
    expect(first.total).toBe(3);
    expect(counted).toBe(1);
    const next = await cache.search({ query: 'solar', offset: 2, limit: 2 }, null);
    expect(next).toMatchObject({ total: 3, offset: 2 });
    expect(next.items.map((i) => i.title)).toHaveLength(1);
    expect(await cache.count('solar')).toBe(3);
    expect(counted).toBe(1);
  });

  it("forgets on the service's own writes (a tag), an import, and another connection's commit", async () => {
    const { cache, service, log, dbPath, folder } = await setUp();
    expect(await cache.count('tag:energy')).toBe(1);
    await service.api.tags.add({ name: 'energy', target: { query: 'roofs' } });
    expect(await cache.count('tag:energy')).toBe(2);

    expect(await cache.count('solar')).toBe(3);
    writeTree(folder, { 'd.txt': seedLike({ title: 'Solar kites' }) });
    await importFolders(service.db, [folder]);
    expect(await cache.count('solar')).toBe(4);

    // A second process (here a second connection) stars an article: only data_version sees it.
    expect(await cache.count('is:starred')).toBe(0);
    const other = openLibrary(dbPath);
    other.prepare("UPDATE articles SET starred = 1 WHERE title = 'Solar kites'").run();
    other.close();
    expect(await cache.count('is:starred')).toBe(1);
    expect(log.filter((c) => c === 'count')).toHaveLength(6);
  });

  it('does not keep a failed read: the next call asks again', async () => {
    const { service } = await setUp();
    let fail = true;
    const cache = new ReadCache(service.db, <C extends ReadCall>(read: C) =>
      fail ? Promise.reject(new Error('superseded')) : Promise.resolve(runRead(service.db, read) as ReadResults[C['call']]),
    );
    await expect(cache.facets('solar')).rejects.toThrow('superseded');
    fail = false;
    expect((await cache.facets('solar')).sources).toHaveLength(2);
  });

  it('the service answers count, facets and counts as search would', async () => {
    const { service } = await setUp();
    const { api } = service;
    expect(await api.articles.count({ query: 'solar -roofs' })).toEqual({ total: 2 });
    expect(await api.articles.facets({ query: 'solar' })).toEqual((await api.articles.search({ query: 'solar', facets: true })).facets);
    expect(await api.articles.counts({ queries: ['solar', 'tag:energy', 'nothing-like-this'] })).toEqual([3, 1, 0]);
    await expect(api.articles.count({ query: 'source:' })).rejects.toMatchObject({ name: 'QueryError' });
  });
});
