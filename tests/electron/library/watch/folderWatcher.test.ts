import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Db } from '../../../../electron/library/db/connection.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { search } from '../../../../electron/library/query/search.js';
import { FolderWatcher, type FolderStatus } from '../../../../electron/library/watch/folderWatcher.js';
import type { TreeHandlers } from '../../../../electron/library/watch/treeWatcher.js';
import type { ImportReport } from '../../../../shared/types.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

const watchers: FolderWatcher[] = [];
const dbs: Db[] = [];
afterEach(async () => {
  while (watchers.length) await watchers.pop()!.close();
  while (dbs.length) dbs.pop()!.close();
});

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A library over `folder`, already imported once, and a watcher that reimports it. */
async function watchedLibrary(folder: string, timing: { quietMs?: number; maxWaitMs?: number } = {}) {
  const db = openLibrary(join(tempDir(), 'lib.db'));
  dbs.push(db);
  await importFolders(db, [folder]);
  const statuses: [string, FolderStatus][] = [];
  const errors: string[] = [];
  let reimports = 0;
  /** What each reimport was asked to look at (null: the whole folder) and what it found. */
  const runs: { paths: string[] | null; report: ImportReport }[] = [];
  const watcher = new FolderWatcher({
    reimport: async (root, paths) => {
      reimports++;
      runs.push({ paths, report: await importReported(db, root, paths) });
    },
    onStatus: (root, status) => statuses.push([root, status]),
    onError: (_root, error) => errors.push(error.message),
    quietMs: timing.quietMs ?? 150,
    maxWaitMs: timing.maxWaitMs ?? 1500,
    checkIntervalMs: 150,
  });
  watchers.push(watcher);
  // Every article the library lists, filtered here by words of its title: the assertions
  // read what a person would see in the list, whatever the full-text index does.
  const find = async (words: string) => {
    const wanted = words.split(' OR ').map((w) => w.toLowerCase());
    const { items } = await search(db, { query: '', limit: 500 });
    return items.filter((item) => wanted.some((w) => item.title.toLowerCase().split(/\W+/).includes(w)));
  };
  return { db, watcher, statuses, errors, find, runs, reimports: () => reimports };
}

/** The way the app reimports (watching.ts): only the reported paths when there are some. */
const importReported = (db: Db, root: string, paths: string[] | null) => importFolders(db, [root], paths ? { only: { [root]: paths } } : {});

describe('FolderWatcher with a real library', () => {
  it('follows files being added, changed and removed', async () => {
    const folder = tempDir();
    writeTree(folder, { '2025/07/a.txt': seedLike({ title: 'Alpha lighthouse', date: '2025-07-01T00:00:00Z' }) });
    const lib = await watchedLibrary(folder);
    expect(await lib.watcher.add(folder)).toBe('online');
    expect(lib.statuses).toEqual([[folder, 'online']]);

    writeTree(folder, { '2025/08/new/b.md': seedLike({ title: 'Bravo harbour', date: '2025-08-02T00:00:00Z' }) });
    await waitFor(async () => (await lib.find('harbour')).length === 1, 'the added article');

    writeFileSync(join(folder, '2025/07/a.txt'), seedLike({ title: 'Alpha beacon', date: '2025-07-01T00:00:00Z' }));
    await waitFor(async () => (await lib.find('beacon')).length === 1, 'the changed title');
    expect(await lib.find('lighthouse')).toEqual([]);

    rmSync(join(folder, '2025/08/new/b.md'));
    await waitFor(async () => (await lib.find('harbour'))[0]?.missing === true, 'the removed article marked missing');
    // Never deleted: it is still in the library, marked missing.
    expect(await lib.find('harbour')).toHaveLength(1);
    expect(lib.errors).toEqual([]);
  });

  it('sees a whole folder moved in, and a folder removed', async () => {
    const folder = tempDir();
    writeTree(folder, { 'keep.txt': seedLike({ title: 'Keeper' }) });
    const lib = await watchedLibrary(folder);
    await lib.watcher.add(folder);
    const outside = tempDir();
    writeTree(outside, { 'batch/one.txt': seedLike({ title: 'Moved quince' }), 'batch/two.txt': seedLike({ title: 'Moved quince two' }) });
    writeTree(outside, { 'batch/deep/er/three.txt': seedLike({ title: 'Deep quince' }) });
    renameSync(join(outside, 'batch'), join(folder, 'batch'));
    await waitFor(async () => (await lib.find('quince')).length === 3, 'the moved-in articles');
    // Folders that arrived inside the moved folder are watched too.
    writeFileSync(join(folder, 'batch/deep/er/three.txt'), seedLike({ title: 'Deep medlar' }));
    await waitFor(async () => (await lib.find('medlar')).length === 1, 'a change two folders down in the moved-in folder');
    rmSync(join(folder, 'batch'), { recursive: true });
    await waitFor(
      async () => [...(await lib.find('quince')), ...(await lib.find('medlar'))].every((a) => a.missing),
      'the removed folder’s articles marked missing',
    );
  });

  it('ignores hidden folders and files that are not articles', async () => {
    const folder = tempDir();
    writeTree(folder, { 'a.txt': seedLike({ title: 'Alpha' }), '.git/HEAD': 'ref: refs/heads/main\n' });
    const lib = await watchedLibrary(folder);
    await lib.watcher.add(folder);
    writeTree(folder, {
      '.git/objects/aa/bbbb': 'x',
      '.obsidian/notes.md': seedLike({ title: 'Hidden zebra' }),
      'report.pdf': '%PDF-1.4',
      'image.png': 'png',
      '.draft.txt': seedLike({ title: 'Hidden yak' }),
    });
    await sleep(900);
    expect(lib.reimports()).toBe(0);
    // A real article still wakes it up.
    writeTree(folder, { 'b.txt': seedLike({ title: 'Visible walrus' }) });
    await waitFor(async () => (await lib.find('walrus')).length === 1, 'the visible article');
    expect(await lib.find('zebra OR yak')).toEqual([]);
  });

  it('debounces a burst of writes into few reimports', async () => {
    const folder = tempDir();
    const lib = await watchedLibrary(folder, { quietMs: 500, maxWaitMs: 3000 }); // the defaults
    await lib.watcher.add(folder);
    for (let i = 0; i < 40; i++) {
      writeTree(folder, { [`burst/${i}.txt`]: seedLike({ title: `Burst item ${i} marmot` }) });
      if (i % 10 === 0) await sleep(20);
    }
    await waitFor(async () => (await lib.find('marmot')).length === 40, 'all 40 articles');
    await lib.watcher.idle();
    expect(lib.reimports()).toBeLessThanOrEqual(2);
  });

  it('reports a folder that vanishes as offline, keeps its articles, and resumes when it returns', async () => {
    const parent = tempDir();
    const folder = join(parent, 'drive');
    writeTree(folder, { 'a.txt': seedLike({ title: 'Offline otter' }) });
    const lib = await watchedLibrary(folder);
    await lib.watcher.add(folder);

    renameSync(folder, join(parent, 'unplugged')); // the drive is pulled
    await waitFor(() => lib.watcher.status(folder) === 'offline', 'the offline status');
    expect(lib.statuses).toEqual([
      [folder, 'online'],
      [folder, 'offline'],
    ]);
    await sleep(500);
    const otter = await lib.find('otter');
    expect(otter).toHaveLength(1);
    expect(otter[0]!.missing).toBe(false); // never deleted, not even marked missing
    const reimportsWhileAway = lib.reimports();

    // Changed elsewhere while unplugged; plugged back in.
    writeFileSync(join(parent, 'unplugged', 'b.txt'), seedLike({ title: 'Returning heron' }));
    await sleep(400);
    expect(lib.reimports()).toBe(reimportsWhileAway);
    renameSync(join(parent, 'unplugged'), folder);
    await waitFor(() => lib.watcher.status(folder) === 'online', 'the online status');
    await waitFor(async () => (await lib.find('heron')).length === 1, 'the catch-up reimport');

    // And watching has resumed.
    writeTree(folder, { 'c.txt': seedLike({ title: 'Later lynx' }) });
    await waitFor(async () => (await lib.find('lynx')).length === 1, 'a change after the return');
    expect(lib.statuses.at(-1)).toEqual([folder, 'online']);
  });

  it('starts offline for a folder that is not there yet', async () => {
    const parent = tempDir();
    const folder = join(parent, 'later');
    const lib = await watchedLibrary(parent);
    expect(await lib.watcher.add(folder)).toBe('offline');
    mkdirSync(folder);
    writeTree(folder, { 'x.txt': seedLike({ title: 'Late kestrel' }) });
    await waitFor(async () => (await lib.find('kestrel')).length === 1, 'the folder imported once it appeared');
    expect(lib.statuses).toEqual([
      [folder, 'offline'],
      [folder, 'online'],
    ]);
  });

  it('catches up once on request, for changes made while nobody watched', async () => {
    const folder = tempDir();
    writeTree(folder, { 'a.txt': seedLike({ title: 'First puffin' }) });
    const lib = await watchedLibrary(folder);
    writeTree(folder, { 'b.txt': seedLike({ title: 'Second puffin' }) }); // while the app was closed
    await lib.watcher.add(folder, { catchUp: true });
    await waitFor(async () => (await lib.find('puffin')).length === 2, 'the catch-up import');
    await lib.watcher.idle();
    expect(lib.reimports()).toBe(1);
  });

  it('stops reacting to a removed folder', async () => {
    const folder = tempDir();
    const lib = await watchedLibrary(folder);
    await lib.watcher.add(folder);
    await lib.watcher.remove(folder);
    writeTree(folder, { 'x.txt': seedLike({ title: 'Unwatched' }) });
    await sleep(700);
    expect(lib.reimports()).toBe(0);
    expect(lib.watcher.list()).toEqual([]);
  });
});

describe('FolderWatcher importing only what it saw change', () => {
  /** A folder of `count` articles across a few subfolders: walking it is the cost the watcher avoids. */
  function largeFolder(count: number): string {
    const folder = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < count; i++) files[`2025/${String(i % 12).padStart(2, '0')}/a${i}.html`] = seedLike({ title: `Filler ${i}` });
    writeTree(folder, files);
    return folder;
  }

  it('imports just the changed file, and marks just the removed one missing', async () => {
    const folder = largeFolder(1500);
    const lib = await watchedLibrary(folder);
    await lib.watcher.add(folder);

    const edited = join(folder, '2025/03/a3.html');
    writeFileSync(edited, seedLike({ title: 'Filler edited kestrel' }));
    await waitFor(async () => (await search(lib.db, { query: 'kestrel' })).total === 1, 'the edited article');
    await lib.watcher.idle();
    expect(lib.runs.map((r) => r.paths)).toEqual([[edited]]);
    // One file looked at: a whole-folder pass would count the other 1,499 as unchanged.
    expect(lib.runs[0]!.report).toMatchObject({ updated: 1, added: 0, unchanged: 0, missing: 0 });

    rmSync(join(folder, '2025/04/a4.html'));
    await waitFor(async () => (await search(lib.db, { query: 'is:missing' })).total === 1, 'the removed article');
    await lib.watcher.idle();
    expect(lib.runs[1]!.report).toMatchObject({ missing: 1, updated: 0, unchanged: 0 });
    expect(lib.runs[1]!.report.files).toEqual([{ folder, path: '2025/04/a4.html', status: 'missing' }]);
    expect((await search(lib.db, { query: '' })).total).toBe(1500); // the removed one stays listed, as missing
  });

  it('reimports the whole folder when a folder is renamed', async () => {
    const folder = largeFolder(24);
    const lib = await watchedLibrary(folder);
    await lib.watcher.add(folder);
    renameSync(join(folder, '2025/05'), join(folder, '2025/may'));
    await waitFor(async () => (await search(lib.db, { query: 'is:missing' })).total === 2, 'the old paths missing');
    await lib.watcher.idle();
    expect(lib.runs.some((r) => r.paths === null)).toBe(true);
    // The 24 files at their new paths, plus the 2 at their old paths (missing).
    expect((await search(lib.db, { query: 'Filler' })).total).toBe(26);
  });
});

describe('FolderWatcher catching up after a restart', () => {
  /** One app session: a watcher over `db` with snapshots in `snapshotDir`, until closed. */
  function session(db: Db, snapshotDir: string, fail = false) {
    const counts = { reimports: 0, runs: [] as { paths: string[] | null; report: ImportReport }[] };
    const watcher = new FolderWatcher({
      reimport: async (root, paths) => {
        counts.reimports++;
        if (fail) throw new Error('the import was cancelled');
        counts.runs.push({ paths, report: await importReported(db, root, paths) });
      },
      snapshotDir,
      quietMs: 50,
      maxWaitMs: 500,
      checkIntervalMs: 60_000,
    });
    watchers.push(watcher);
    return { watcher, counts };
  }

  it('reimports only when the folder changed since the last completed reimport', async () => {
    const folder = tempDir();
    const snapshots = join(tempDir(), 'lib.db-watch');
    writeTree(folder, { '2025/a.txt': seedLike({ title: 'Snap albatross' }) });
    const db = openLibrary(join(tempDir(), 'lib.db'));
    dbs.push(db);
    await importFolders(db, [folder]);
    const all = async () => (await search(db, { query: '', limit: 50 })).items.map((i) => i.title).sort();

    // First start: no snapshot yet, so it catches up by reimporting, and keeps a snapshot.
    let s = session(db, snapshots);
    await s.watcher.add(folder, { catchUp: true });
    await s.watcher.idle();
    expect(s.counts.reimports).toBe(1);
    expect(readdirSync(snapshots)).toHaveLength(1);
    await s.watcher.close();

    // Nothing changed while closed: no reimport at all.
    s = session(db, snapshots);
    await s.watcher.add(folder, { catchUp: true });
    await sleep(300);
    await s.watcher.idle();
    expect(s.counts.reimports).toBe(0);
    await s.watcher.close();

    // Changes that cannot alter the library (a hidden folder, an image) do not count either.
    writeTree(folder, { '.git/HEAD': 'ref', 'photo.png': 'png' });
    s = session(db, snapshots);
    await s.watcher.add(folder, { catchUp: true });
    await sleep(300);
    expect(s.counts.reimports).toBe(0);
    await s.watcher.close();

    // An article written while closed: one reimport finds it.
    writeTree(folder, { '2025/b.txt': seedLike({ title: 'Snap bittern' }) });
    s = session(db, snapshots);
    await s.watcher.add(folder, { catchUp: true });
    await waitFor(async () => (await all()).includes('Snap bittern'), 'the article written while closed');
    await s.watcher.idle();
    expect(s.counts.reimports).toBe(1);
    await s.watcher.close();

    // An article edited while closed: only that file is imported again.
    writeTree(folder, { '2025/b.txt': seedLike({ title: 'Snap bittern edited' }) });
    s = session(db, snapshots);
    await s.watcher.add(folder, { catchUp: true });
    await waitFor(async () => (await all()).includes('Snap bittern edited'), 'the article edited while closed');
    await s.watcher.idle();
    expect(s.counts.runs.map((r) => r.paths)).toEqual([[join(folder, '2025/b.txt')]]);
    expect(s.counts.runs[0]!.report).toMatchObject({ updated: 1, unchanged: 0 });
    await s.watcher.close();

    // A reimport that fails keeps the old snapshot: the next start tries again.
    rmSync(join(folder, '2025/a.txt'));
    s = session(db, snapshots, true);
    await s.watcher.add(folder, { catchUp: true });
    await waitFor(() => s.counts.reimports === 1, 'the failing reimport');
    await s.watcher.idle();
    await s.watcher.close();
    s = session(db, snapshots);
    await s.watcher.add(folder, { catchUp: true });
    await waitFor(async () => (await search(db, { query: 'is:missing' })).total === 1, 'the removal seen after the failed attempt');
    expect(s.counts.reimports).toBe(1);
  });

  it('watches a library kept inside a hidden folder (only hidden entries below it are ignored)', async () => {
    const folder = join(tempDir(), '.local', 'articles');
    writeTree(folder, { 'a.txt': seedLike({ title: 'Tucked away' }) });
    const lib = await watchedLibrary(folder);
    await lib.watcher.add(folder);
    writeTree(folder, { 'b.txt': seedLike({ title: 'Hidden home ibis' }) });
    await waitFor(async () => (await lib.find('ibis')).length === 1, 'an article under a hidden parent folder');
  });
});

describe('FolderWatcher when a watch cannot start', () => {
  it('rescans a folder that is there but cannot be watched, and says why', async () => {
    const folder = tempDir();
    const errors: string[] = [];
    const watcher = new FolderWatcher({
      reimport: () => {},
      onError: (_root, error) => errors.push(error.message),
      backend: (_root, handlers) => {
        setTimeout(() => handlers.error(new Error('Permission denied')), 5);
        return { close: async () => {} };
      },
      checkIntervalMs: 60_000,
    });
    watchers.push(watcher);
    expect(await watcher.add(folder)).toBe('online');
    expect(errors).toEqual([`Cannot watch ${folder} for changes (Permission denied); rescanning it every minute instead`]);
  });
});

describe('FolderWatcher when the system runs out of watch handles', () => {
  it('falls back to periodic rescans and says so', async () => {
    const folder = tempDir();
    const errors: string[] = [];
    let reimports = 0;
    const backend = (_root: string, handlers: TreeHandlers) => {
      setTimeout(() => handlers.error(Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' })), 5);
      return { close: async () => {} };
    };
    const watcher = new FolderWatcher({
      reimport: () => {
        reimports++;
      },
      onError: (_root, error) => errors.push(error.message),
      backend,
      quietMs: 10,
      maxWaitMs: 50,
      checkIntervalMs: 60_000,
      fallbackRescanMs: 100,
    });
    watchers.push(watcher);
    expect(await watcher.add(folder)).toBe('online');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/rescanning/);
    await sleep(150);
    await watcher.checkAll();
    await waitFor(() => reimports === 1, 'a rescan');
  });
});
