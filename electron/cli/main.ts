import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BACKGROUND_BUSY_TIMEOUT_MS, openLibrary } from '../library/db/connection.js';
import { articleDetail } from '../library/db/queries/articleReads.js';
import { checkFolder, FolderError, importFolders } from '../library/import/importer.js';
import { runImportWorker } from '../library/import/importJobs.js';
import { defaultLibraryPath } from '../library/paths.js';
import { QueryError, search } from '../library/query/search.js';
import { createLibraryService, libraryStats } from '../library/service.js';
import { ServiceError } from '../library/errors.js';
import { curationCommand } from './curation.js';
import { History } from '../library/curation/history.js';
import { StoryOps } from '../library/stories/storyOps.js';
import { exportCommand } from './export.js';
import { folderCommand } from './folder.js';
import { addHighlightCommand, listHighlightsCommand } from './highlights.js';
import { SORT_ORDERS, type ImportProgress, type ImportReport, type SortOrder } from '../../shared/types.js';
import { formatArticle, formatPage, formatReport, formatStats, formatStories, progressBar } from './format.js';
import { USAGE, UsageError } from './usage.js';
import { terminalSafe as safe } from './terminal.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bar) and stdout takes colour. */
  tty: boolean;
  /** Folder of the built worker bundles; without it imports parse on the main thread. */
  workerDir?: string;
  /** `gleaner serve` lives in the web host; injected to keep this module small. */
  serve?: (options: { dbPath: string; port: number; open: boolean; workerDir?: string; watch?: boolean }) => Promise<void>;
}

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  sort: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  'max-file-size': { type: 'string' },
  workers: { type: 'string' },
  port: { type: 'string' },
  open: { type: 'boolean', default: false },
  ids: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  collection: { type: 'string' },
  saved: { type: 'string' },
  tag: { type: 'string' },
  title: { type: 'string' },
  overwrite: { type: 'boolean', default: false },
  'embed-images': { type: 'boolean', default: false },
  'fetch-images': { type: 'boolean', default: false },
  'no-watch': { type: 'boolean', default: false },
  reset: { type: 'boolean', default: false },
  text: { type: 'string' },
  color: { type: 'string' },
  note: { type: 'string' },
} as const;

/** Runs one CLI invocation and returns its exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof FolderError) {
      io.stderr(`gleaner: ${safe(error.message)}\n`);
      return 2;
    }
    if (error instanceof QueryError) {
      io.stderr(`gleaner: bad query: ${safe(error.message)}\n`);
      return 2;
    }
    io.stderr(`gleaner: ${safe((error as Error).message)}\n`);
    return 1;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.stdout : io.stderr)(USAGE + '\n');
    return values.help ? 0 : 2;
  }
  const dbPath = values.db ?? defaultLibraryPath();
  const print = (json: unknown, human: () => string) => io.stdout((values.json ? JSON.stringify(json, null, 2) : human()) + '\n');

  switch (command) {
    case 'import': {
      if (rest.length === 0) throw new UsageError('import needs at least one folder');
      const maxFileBytes = values['max-file-size'] ? positive(values['max-file-size'], '--max-file-size') * 1024 * 1024 : undefined;
      const workers = values.workers ? positive(values.workers, '--workers') : 1;
      const folders = rest.map(checkFolder); // a missing folder is bad usage: exit 2 before anything
      const showBar = io.tty && !values.json;
      const onProgress = (p: ImportProgress) => showBar && p.phase === 'importing' && io.stderr(progressBar(p.filesDone, p.filesTotal, p.currentFile));
      const script = io.workerDir ? join(io.workerDir, 'importWorker.cjs') : null;
      let report: ImportReport;
      if (script && existsSync(script)) {
        openLibrary(dbPath, { busyTimeoutMs: BACKGROUND_BUSY_TIMEOUT_MS }).close(); // create or migrate first, so a newer library is refused here
        report = await runImportWorker({ script, dbPath, folders, maxFileBytes, workerDir: io.workerDir!, parseWorkers: workers }, onProgress).done;
      } else {
        const db = openLibrary(dbPath, { busyTimeoutMs: BACKGROUND_BUSY_TIMEOUT_MS });
        try {
          report = await importFolders(db, folders, { maxFileBytes, onProgress });
        } finally {
          db.close();
        }
      }
      if (showBar) io.stderr('\n');
      print(report, () => formatReport(report));
      return 0;
    }
    case 'search':
    case 'list': {
      if (command === 'search' && rest.length === 0) throw new UsageError('search needs a query');
      const sort = values.sort ?? (command === 'search' ? 'relevance' : 'date-desc');
      if (!SORT_ORDERS.includes(sort as SortOrder)) throw new UsageError(`--sort must be one of ${SORT_ORDERS.join(', ')}`);
      const db = openLibrary(dbPath);
      try {
        const page = search(db, {
          query: rest.join(' '),
          sort: sort as SortOrder,
          limit: values.limit ? positive(values.limit, '--limit') : 20,
          offset: values.offset ? Number(values.offset) : 0,
          facets: values.json,
        });
        print(page, () => formatPage(page, io.tty));
      } finally {
        db.close();
      }
      return 0;
    }
    case 'stories': {
      const db = openLibrary(dbPath);
      try {
        const page = new StoryOps(db, new History(db)).list(rest.join(' '), values.offset ? Number(values.offset) : 0, values.limit ? positive(values.limit, '--limit') : 20);
        print(page, () => formatStories(page));
      } finally {
        db.close();
      }
      return 0;
    }
    case 'show': {
      const id = positive(rest[0] ?? '', 'show <id>');
      const db = openLibrary(dbPath);
      try {
        const article = articleDetail(db, id);
        if (!article) {
          io.stderr(`gleaner: no article with id ${id}\n`);
          return 1;
        }
        print(article, () => formatArticle(article));
      } finally {
        db.close();
      }
      return 0;
    }
    case 'stats': {
      const db = openLibrary(dbPath);
      try {
        const stats = libraryStats(db, dbPath);
        print(stats, () => formatStats(stats, dbPath));
      } finally {
        db.close();
      }
      return 0;
    }
    case 'folder': {
      const service = createLibraryService({ dbPath });
      try {
        await folderCommand(service.api, rest, { reset: values.reset }, print);
      } catch (error) {
        throw asUsage(error);
      } finally {
        service.close();
      }
      return 0;
    }
    case 'tag':
    case 'collection':
    case 'saved':
    case 'mark': {
      const service = createLibraryService({ dbPath });
      try {
        await curationCommand(service.api, command, rest, { ids: values.ids, sort: values.sort }, print);
      } catch (error) {
        throw asUsage(error);
      } finally {
        service.close();
      }
      return 0;
    }
    case 'highlights':
    case 'highlight': {
      const service = createLibraryService({ dbPath });
      try {
        if (command === 'highlights') {
          const page = { limit: values.limit ? positive(values.limit, '--limit') : 100, offset: values.offset ? Number(values.offset) : 0 };
          await listHighlightsCommand(service, rest, page, print);
        } else await addHighlightCommand(service, rest, values, print);
      } catch (error) {
        throw asUsage(error);
      } finally {
        service.close();
      }
      return 0;
    }
    case 'export': {
      const service = createLibraryService({ dbPath });
      const showBar = io.tty && !values.json;
      try {
        const report = await exportCommand(service.api, service.onEvent, rest, values, (done, total) => showBar && io.stderr(progressBar(done, total, null)));
        if (showBar) io.stderr('\n');
        print(report, () =>
          [`Exported ${report.articles} article${report.articles === 1 ? '' : 's'} as ${report.format} to ${safe(report.out)} (${report.files} file${report.files === 1 ? '' : 's'}, ${(report.bytes / 1e6).toFixed(1)} MB)`, ...report.warnings.map((w) => `  warning: ${safe(w)}`)].join('\n'),
        );
      } catch (error) {
        throw asUsage(error);
      } finally {
        service.close();
      }
      return 0;
    }
    case 'serve': {
      if (!io.serve) throw new UsageError('serve is not available in this build');
      const port = values.port !== undefined ? Number(values.port) : 0;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0-65535');
      await io.serve({ dbPath, port, open: values.open, workerDir: io.workerDir, watch: !values['no-watch'] });
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}" (try gleaner --help)`);
  }
}

/** A refused curation change (bad name, unknown tag) is the person's input: exit 2, one line. */
function asUsage(error: unknown): unknown {
  return error instanceof ServiceError ? new UsageError(error.message) : error;
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} takes a positive whole number, not "${value}"`);
  return n;
}
