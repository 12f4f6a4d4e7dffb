/**
 * The watcher on the bench folder, the way the app runs it (FolderWatcher, snapshots beside
 * the database, an incremental reimport per burst), in a process of its own so its RSS and
 * CPU are the watcher's: how long subscribing takes, what it costs, how long a new file
 * takes to become searchable, and what a restart costs with a snapshot.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary, type Db } from '../electron/library/db/connection.js';
import { importFolders } from '../electron/library/import/importer.js';
import { search } from '../electron/library/query/search.js';
import { FolderWatcher } from '../electron/library/watch/folderWatcher.js';
import { load } from './compare.js';
import { ARTICLE_EXTENSION } from './corpus.js';

export interface WatchFigures {
  subscribeSeconds: number;
  /** RSS once watching and settled, above the process before the watcher started. */
  rssGrowthMb: number;
  peakRssGrowthMb: number;
  /** The part of that growth in JavaScript's heap (the rest is native: parcel's tree, SQLite, threads). */
  jsHeapGrowthMb: number;
  /** CPU (all threads) from starting the watch until it settled. */
  cpuSeconds: number;
  /** Writing a new article file until a search finds it (median of 3). */
  newFileSearchableSeconds: number;
  /** Rewriting an existing article file until a search finds its new word (median of 3). */
  changeSearchableSeconds: number;
  /** Files the reimports after those edits looked at, in all (the watcher's paths only: 3). */
  changeFilesImported: number;
  /** Load average (1 min) when the watch started. */
  loadAtStart: number;
  /** A restart: subscribing plus comparing with the snapshot, nothing changed. */
  restartCatchUpSeconds: number;
  restartReimports: number;
  /** A restart after an article was edited while closed: until a search finds the edit. */
  restartEditSearchableSeconds: number;
  /** Files that catch-up's reimport looked at (only the edited one: 1). */
  restartEditFilesImported: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => Math.round(bytes / 1e6);
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export async function watchPhase(dbPath: string, contentDir: string): Promise<WatchFigures> {
  const db = openLibrary(dbPath);
  const snapshotDir = `${dbPath}-watch`;
  rmSync(snapshotDir, { recursive: true, force: true });
  let reimports = 0;
  let filesImported = 0;
  const session = () =>
    new FolderWatcher({
      // As the app does (watching.ts): only the paths the watcher reported, when it has them.
      reimport: async (folder, paths) => {
        reimports++;
        const report = await importFolders(db, [folder], paths ? { only: { [folder]: paths } } : {});
        filesImported += report.added + report.updated + report.unchanged + report.missing + report.restored;
      },
      snapshotDir,
    });
  // New files go in a folder of their own (removed afterwards so the corpus stays as
  // generated), made before watching: a file in a folder that appears while watching is
  // found by its own subscription, but stays out of the root's snapshot (one extra
  // reimport after a restart; see treeWatcher.ts).
  const extra = join(contentDir, 'bench-watch');
  mkdirSync(extra, { recursive: true });
  // The baseline is a library in use, as in the app: the WAL folded in and a page read.
  db.pragma('wal_checkpoint(TRUNCATE)');
  await search(db, { query: '' });
  await sleep(200);
  const { rss: rss0, heapUsed: heap0 } = process.memoryUsage();
  const cpu0 = cpuSeconds();
  const loadAtStart = load();

  let watcher = session();
  const started = performance.now();
  await watcher.add(contentDir);
  const subscribeSeconds = (performance.now() - started) / 1000;
  let peak = process.memoryUsage().rss;
  for (let i = 0; i < 20; i++) {
    await sleep(100);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const cpu = cpuSeconds() - cpu0;
  const { rss: rssSettled, heapUsed: heapSettled } = process.memoryUsage();

  const probe = (i: number) => join(extra, `probe${i}${ARTICLE_EXTENSION}`);
  const latencies: number[] = [];
  for (let i = 0; i < 3; i++) latencies.push(await writeUntilSearchable(db, probe(i), i));
  await watcher.idle();
  filesImported = 0;
  const changeLatencies: number[] = [];
  for (let i = 0; i < 3; i++) {
    changeLatencies.push(await writeUntilSearchable(db, probe(i), i));
    await watcher.idle();
  }
  const changeFilesImported = filesImported;
  await watcher.close();

  // A restart with nothing changed since the last reimport: the snapshot answers.
  reimports = 0;
  watcher = session();
  const restarted = performance.now();
  await watcher.add(contentDir, { catchUp: true });
  await watcher.idle();
  const restartCatchUpSeconds = (performance.now() - restarted) / 1000;
  const restartReimports = reimports;
  await watcher.close();

  // An edit while closed: the catch-up imports that one file, not the folder.
  filesImported = 0;
  const editedAt = performance.now();
  await writeUntilSearchable(db, probe(0), 9, async () => {
    watcher = session();
    await watcher.add(contentDir, { catchUp: true });
  });
  const restartEditSearchableSeconds = (performance.now() - editedAt) / 1000;
  await watcher.idle();
  const restartEditFilesImported = filesImported;
  await watcher.close();

  rmSync(extra, { recursive: true, force: true });
  await importFolders(db, [contentDir]); // the probes become missing, as in the app
  db.close();
  return {
    subscribeSeconds: +subscribeSeconds.toFixed(2),
    rssGrowthMb: mb(rssSettled - rss0),
    peakRssGrowthMb: mb(peak - rss0),
    jsHeapGrowthMb: mb(heapSettled - heap0),
    cpuSeconds: +cpu.toFixed(2),
    newFileSearchableSeconds: median(latencies),
    changeSearchableSeconds: median(changeLatencies),
    changeFilesImported,
    loadAtStart,
    restartCatchUpSeconds: +restartCatchUpSeconds.toFixed(2),
    restartReimports,
    restartEditSearchableSeconds: +restartEditSearchableSeconds.toFixed(2),
    restartEditFilesImported,
  };
}

const median = (values: number[]) => +[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(2);

/**
 * Writes an article with a fresh word at `path` (new, or replacing what is there), runs
 * `after` (a restart), and returns the seconds until a search finds that word.
 */
async function writeUntilSearchable(db: Db, path: string, i: number, after?: () => Promise<void>): Promise<number> {
  const word = `watchprobe${i}x${Date.now().toString(36)}`;
  const written = performance.now();
  writeFileSync(path, `+++\ntitle = "Watch probe ${i}"\ndate = "2026-01-01T00:00:00Z"\n+++\n\n<p>${word}</p>\n`);
  await after?.();
  while ((await search(db, { query: word })).total === 0) {
    if (performance.now() - written > 60_000) throw new Error(`bench: the watcher did not pick up ${word} within 60 s`);
    await sleep(20);
  }
  return (performance.now() - written) / 1000;
}
