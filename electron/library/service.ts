import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryApi, LibraryEvent } from '../../shared/api.js';
import type { LibraryStats } from '../../shared/types.js';
import { openLibrary, type Db } from './db/connection.js';
import { LATEST_VERSION } from './db/migrate.js';
import { articleDetail } from './db/queries/articleReads.js';
import { folderPath, listFolders, setFolderLabel, setFolderWatched } from './db/queries/folders.js';
import { dataVersionReader, libraryCounts, sidebarCounts } from './db/queries/libraryCounts.js';
import { setRemoteImagesAllowed } from './db/queries/remoteImages.js';
import { deriveFolderSource } from './import/folderLabel.js';
import { checkName } from './curation/names.js';
import { indexPending } from './db/queries/articleWrites.js';
import { ImportJobs } from './import/importJobs.js';
import { Watching } from './watch/watching.js';
import { ExportJobs, idsForSource } from './export/exportJobs.js';
import { FORMAT_DESCRIPTORS, FORMATS } from './export/formats/index.js';
import { checkTarget } from './export/target.js';
import { ReadPool } from './query/readPool.js';
import { articlePreview } from './preview.js';
import { HighlightOps } from './highlights/highlightOps.js';
import { highlightsHandlers } from './highlights/handlers.js';
import { ReadCache } from './query/readCache.js';
import { runRead, type ReadCall, type ReadResults } from './query/reads.js';
import { LocalFiles, type ServedImage } from './local/localResources.js';
import { ServiceError } from './errors.js';
import { curationHandlers } from './curation/handlers.js';

export { ServiceError };

export interface LibraryService {
  api: LibraryApi;
  db: Db;
  dbPath: string;
  /**
   * The preview route's answer (see local/imageRoute.ts): the local image a route path names,
   * read and checked, or why not. Both transports serve it; the path comes from the request.
   */
  localImage(pathname: string): ServedImage;
  /** Subscribe to pushed events (import progress, library changes). */
  onEvent(listener: (event: LibraryEvent) => void): () => void;
  close(): void;
  /** Closes after the folder watcher has stopped (the app and browser mode use this). */
  closeAsync(): Promise<void>;
}

export interface ServiceOptions {
  dbPath: string;
  /** Folder holding the built worker bundles; null runs imports inline (tests from source). */
  workerDir?: string | null;
  /** Parse threads per import on a worker (`gleaner import --workers`); 1 unless said. */
  parseWorkers?: number;
  /** Reads on the read workers of `workerDir` (default); a one-shot CLI command reads inline rather than start them. */
  readWorkers?: boolean;
  /** How long the service's connection waits for another writer (openLibrary's default: a window's 5 s). */
  busyTimeoutMs?: number;
  /** The bundled sample articles, offered on a first start. */
  samplesDir?: string | null;
  /** Watch imported folders and follow their changes (the app and browser mode; not one-shot CLI commands). */
  watch?: boolean;
  /** Start watching this long after opening, so the first window loads before the watcher's initial scan. */
  watchDelayMs?: number;
}

/**
 * The one implementation of the contract. Electron IPC, the HTTP host and the tests
 * all call this object; transports only validate and carry.
 */
export function createLibraryService(options: ServiceOptions): LibraryService {
  const db = openLibrary(options.dbPath, { busyTimeoutMs: options.busyTimeoutMs });
  indexPending(db); // an import that was killed left text staged for the index
  const listeners = new Set<(event: LibraryEvent) => void>();
  const emit = (event: LibraryEvent) => {
    for (const listener of listeners) listener(event);
  };
  // An import's own commits are announced by the import (library-changed only when it changed
  // something), so the follower of other writers takes them as seen once it ends.
  const jobs = new ImportJobs(
    db,
    options.dbPath,
    (event) => {
      if (event.type === 'import-finished') following.absorb();
      emit(event);
    },
    options.workerDir ?? null,
    { parseWorkers: options.parseWorkers },
  );
  // Each watched folder's snapshot sits beside the database, like SQLite's -wal and -shm.
  const watching = options.watch ? new Watching(db, jobs, emit, options.watchDelayMs ?? 0, `${options.dbPath}-watch`) : null;
  const { api: curationApi, ops } = curationHandlers(db, emit);
  const { setRead, setStarred, markOpened, setNote, ...curation } = curationApi;
  const exportJobs = new ExportJobs(db, emit);
  // Searches, counts and facets run on read workers where the built bundles are (the app,
  // browser mode), so a costly one never stalls the service's thread; inline in one-shot CLI
  // commands and tests from source. Counts and facets are cached per library state.
  const readWorker = options.workerDir && options.readWorkers !== false ? join(options.workerDir, 'readWorker.cjs') : null;
  const pool =
    readWorker && options.dbPath !== ':memory:' && existsSync(readWorker)
      ? new ReadPool(readWorker, options.dbPath, { fallback: (read) => runRead(db, read) })
      : null;
  const reads = new ReadCache(db, <C extends ReadCall>(read: C, lane: string | null) =>
    pool ? pool.run(read, lane) : Promise.resolve(runRead(db, read) as ReadResults[C['call']]),
  );
  const localFiles = new LocalFiles(db);
  const following = followOtherWriters(db, emit, () => jobs.busy);

  const api: LibraryApi = {
    articles: {
      search: async ({ lane, ...args }) => reads.search(args, lane ?? null),
      count: async ({ query, onePerStory }) => ({ total: await reads.count(query, onePerStory ?? false) }),
      facets: async ({ query, onePerStory }) => reads.facets(query, onePerStory ?? false),
      counts: async ({ queries }) => reads.counts(queries),
      get: async ({ id }) => articleDetail(db, id) ?? notFound(id),
      preview: async ({ id, allowRemoteImages = false }) => articlePreview(db, localFiles, id, allowRemoteImages) ?? notFound(id),
      setRemoteImagesForSource: async ({ source, allowed }) => {
        setRemoteImagesAllowed(db, source, allowed, new Date().toISOString());
        emit({ type: 'library-changed' });
        return { source, allowed };
      },
      setRead,
      setStarred,
      markOpened,
      setNote,
    },
    imports: {
      start: async ({ folders, maxFileBytes }) => ({ jobId: jobs.start(folders, maxFileBytes) }),
      cancel: async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
      status: async ({ jobId }) => {
        const job = jobs.status(jobId);
        if (!job) throw new ServiceError('not-found', `No import job ${jobId}`);
        return job;
      },
    },
    library: {
      stats: async () => libraryStats(db, options.dbPath),
      folders: async () => watching?.folders() ?? listFolders(db, (path) => (existsSync(path) ? 'online' : 'offline')),
      counts: async () => sidebarCounts(db),
      samplesFolder: async () => options.samplesDir ?? null,
      setFolderWatched: async ({ id, watched }) => {
        const folder = watching
          ? await watching.setWatched(id, watched)
          : (setFolderWatched(db, id, watched), listFolders(db).find((f) => f.id === id));
        if (!folder) throw new ServiceError('not-found', `No folder with id ${id}`);
        return folder;
      },
      setFolderSource: async ({ id, label }) => {
        const checked = label === null ? null : checkName('source label', label);
        const path = folderPath(db, id);
        if (path === undefined || !setFolderLabel(db, id, checked, () => deriveFolderSource(path))) {
          throw new ServiceError('not-found', `No folder with id ${id}`);
        }
        emit({ type: 'library-changed' });
        const folders = watching?.folders() ?? listFolders(db, (p) => (existsSync(p) ? 'online' : 'offline'));
        return folders.find((f) => f.id === id)!;
      },
    },
    ...curation,
    exports: {
      formats: async () => [...FORMAT_DESCRIPTORS],
      start: async ({ source, ...request }) => {
        const ids = idsForSource(db, source, ops);
        // A taken target is answered now (`conflict`, so the dialog can ask "Replace?"), not as a failed job.
        await checkTarget(request.out, FORMATS[request.format].descriptor.writes, request.overwrite ?? false);
        return { jobId: exportJobs.start({ ids, ...request }), articles: ids.length };
      },
      cancel: async ({ jobId }) => ({ cancelled: exportJobs.cancel(jobId) }),
      status: async ({ jobId }) => exportJobs.status(jobId),
    },
    highlights: highlightsHandlers(new HighlightOps(db, ops.history, localFiles), ops.done),
  };

  return {
    api,
    db,
    dbPath: options.dbPath,
    localImage: (pathname) => localFiles.serve(pathname),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      following.stop();
      void watching?.close();
      void pool?.close();
      db.close();
    },
    closeAsync: async () => {
      following.stop();
      await watching?.close();
      await pool?.close();
      db.close();
    },
  };
}

/** How often the library is checked for commits by other connections. */
const OTHER_WRITERS_POLL_MS = 1000;

/**
 * Another process (a `gleaner import` in a terminal, a second app) may write the library
 * while this one shows it. SQLite's `data_version` changes when any other connection
 * commits, so a cheap poll turns those commits into one `library-changed`, and the page
 * refreshes without a restart. Commits by this service's own import threads are left to
 * the import's own events (`busy`, then `absorb` once it ends), so a running import does not
 * refresh every second and an import that changed nothing refreshes nothing.
 */
function followOtherWriters(db: Db, emit: (event: LibraryEvent) => void, busy: () => boolean): { stop: () => void; absorb: () => void } {
  if (db.name === ':memory:') return { stop: () => {}, absorb: () => {} };
  const version = dataVersionReader(db);
  let seen = version();
  const timer = setInterval(() => {
    if (!db.open) return;
    const now = version();
    if (now === seen) return;
    seen = now;
    if (!busy()) emit({ type: 'library-changed' });
  }, OTHER_WRITERS_POLL_MS);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    absorb: () => {
      if (db.open) seen = version();
    },
  };
}

function notFound(id: number): never {
  throw new ServiceError('not-found', `No article with id ${id}`);
}

export function libraryStats(db: Db, dbPath: string): LibraryStats {
  const size = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return {
    ...libraryCounts(db),
    dbBytes: dbPath === ':memory:' ? 0 : size(dbPath) + size(`${dbPath}-wal`),
    schemaVersion: LATEST_VERSION,
  };
}
