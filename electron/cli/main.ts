import { parseArgs } from 'node:util';
import type { ApiError } from '../../shared/api.js';
import { ClientError } from '../../shared/client.js';
import { BACKGROUND_BUSY_TIMEOUT_MS } from '../library/db/connection.js';
import { checkFolder, FolderError } from '../library/import/importer.js';
import { defaultLibraryPath } from '../library/paths.js';
import { curationCommand } from './curation.js';
import { exportCommand } from './export.js';
import { folderCommand } from './folder.js';
import { addHighlightCommand, listHighlightsCommand } from './highlights.js';
import { SORT_ORDERS, type SortOrder } from '../../shared/types.js';
import { formatArticle, formatPage, formatReport, formatStats, formatStories, progressBar } from './format.js';
import { runJob, withLibrary } from './transport.js';
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

/**
 * Exit 2 for what the person typed (arguments the contract refuses, a bad query, a name or
 * folder that is not there), 1 when it could not be done.
 */
const EXIT_STATUS: Record<ApiError['code'], number> = {
  'bad-request': 2,
  'bad-query': 2,
  'not-found': 2,
  folder: 2,
  conflict: 2,
  cancelled: 1,
  internal: 1,
};

/** Runs one CLI invocation and returns its exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof FolderError) {
      io.stderr(`gleaner: ${safe(error.message)}\n`);
      return 2;
    }
    if (error instanceof ClientError) {
      io.stderr(`gleaner: ${error.code === 'bad-query' ? 'bad query: ' : ''}${safe(error.message)}\n`);
      return EXIT_STATUS[error.code];
    }
    io.stderr(`gleaner: ${safe((error as Error).message)}\n`);
    return 1;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
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

  // One-shot commands read inline (starting read workers would cost more than the read).
  const library = { dbPath, readWorkers: false };
  const page = (fallbackLimit: number) => ({
    limit: values.limit ? positive(values.limit, '--limit') : fallbackLimit,
    // Not checked here: the contract refuses what is not a number (NaN) with the message every caller gets.
    offset: values.offset ? Number(values.offset) : 0,
  });

  switch (command) {
    case 'import': {
      if (rest.length === 0) throw new UsageError('import needs at least one folder');
      const maxFileBytes = values['max-file-size'] ? positive(values['max-file-size'], '--max-file-size') * 1024 * 1024 : undefined;
      const parseWorkers = values.workers ? positive(values.workers, '--workers') : 1;
      rest.forEach(checkFolder); // the check imports.start makes, before the library is opened: a typo creates no library
      const showBar = io.tty && !values.json;
      // On the import worker when the bundles are there (ImportJobs decides), waiting long for the lock like one.
      const options = { ...library, workerDir: io.workerDir, parseWorkers, busyTimeoutMs: BACKGROUND_BUSY_TIMEOUT_MS };
      const report = await withLibrary(options, ({ client }) =>
        runJob(
          client,
          'import',
          () => client.imports.start({ folders: rest, maxFileBytes }),
          (event) => {
            if (showBar && event.type === 'import-progress' && event.progress.phase === 'importing') {
              io.stderr(progressBar(event.progress.filesDone, event.progress.filesTotal, event.progress.currentFile));
            }
          },
        ),
      );
      if (showBar) io.stderr('\n');
      print(report, () => formatReport(report));
      return 0;
    }
    case 'search':
    case 'list': {
      if (command === 'search' && rest.length === 0) throw new UsageError('search needs a query');
      const sort = values.sort ?? (command === 'search' ? 'relevance' : 'date-desc');
      if (!SORT_ORDERS.includes(sort as SortOrder)) throw new UsageError(`--sort must be one of ${SORT_ORDERS.join(', ')}`);
      const found = await withLibrary(library, ({ client }) =>
        client.articles.search({ query: rest.join(' '), sort: sort as SortOrder, ...page(20), facets: values.json }),
      );
      print(found, () => formatPage(found, io.tty));
      return 0;
    }
    case 'stories': {
      const stories = await withLibrary(library, ({ client }) => client.stories.list({ query: rest.join(' '), ...page(20) }));
      print(stories, () => formatStories(stories));
      return 0;
    }
    case 'show': {
      const id = positive(rest[0] ?? '', 'show <id>');
      const article = await withLibrary(library, ({ client }) =>
        client.articles.get({ id }).catch((error: unknown) => {
          if (error instanceof ClientError && error.code === 'not-found') return null;
          throw error;
        }),
      );
      if (!article) {
        io.stderr(`gleaner: no article with id ${id}\n`);
        return 1;
      }
      print(article, () => formatArticle(article));
      return 0;
    }
    case 'stats': {
      const stats = await withLibrary(library, ({ client }) => client.library.stats({}));
      print(stats, () => formatStats(stats, dbPath));
      return 0;
    }
    case 'folder':
      await withLibrary(library, ({ client }) => folderCommand(client, rest, { reset: values.reset }, print));
      return 0;
    case 'tag':
    case 'collection':
    case 'saved':
    case 'mark':
      await withLibrary(library, ({ client }) => curationCommand(client, command, rest, { ids: values.ids, sort: values.sort }, print));
      return 0;
    case 'highlights':
      await withLibrary(library, (opened) => listHighlightsCommand(opened, rest, page(100), print));
      return 0;
    case 'highlight':
      await withLibrary(library, (opened) => addHighlightCommand(opened, rest, values, print));
      return 0;
    case 'export': {
      const showBar = io.tty && !values.json;
      const report = await withLibrary(library, ({ client }) =>
        exportCommand(client, rest, values, (done, total) => showBar && io.stderr(progressBar(done, total, null))),
      );
      if (showBar) io.stderr('\n');
      print(report, () =>
        [
          `Exported ${report.articles} article${report.articles === 1 ? '' : 's'} as ${report.format} to ${safe(report.out)} (${report.files} file${report.files === 1 ? '' : 's'}, ${(report.bytes / 1e6).toFixed(1)} MB)`,
          ...report.warnings.map((w) => `  warning: ${safe(w)}`),
        ].join('\n'),
      );
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

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} takes a positive whole number, not "${value}"`);
  return n;
}
