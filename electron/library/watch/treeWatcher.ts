import { watch } from 'chokidar';
import { isIgnoredPath, type ChangeKind } from './relevance.js';

/** One folder tree being watched; the FolderWatcher owns its life. */
export interface TreeWatcher {
  close(): Promise<void>;
}

export interface TreeHandlers {
  change(kind: ChangeKind, path: string): void;
  error(error: NodeJS.ErrnoException): void;
  /** The initial walk is done: changes from now on are reported. */
  ready(): void;
}

/** How a tree is watched; injectable so the FolderWatcher's own logic can be tested alone. */
export type WatchBackend = (root: string, handlers: TreeHandlers) => TreeWatcher;

const KINDS = new Set<string>(['add', 'change', 'unlink', 'addDir', 'unlinkDir']);

/**
 * chokidar rather than `fs.watch(root, { recursive: true })`:
 * - On Linux, Node 20's recursive fs.watch is a JavaScript emulation that has changed
 *   between releases (missed files in new subfolders, symlink loops), and Electron 45
 *   ships Node 22 with a different one: tests under Node 20 would exercise another
 *   watcher than the app runs. chokidar builds on plain non-recursive fs.watch and
 *   behaves the same under both.
 * - It reports typed add/change/unlink events with stats, folds editors' atomic saves
 *   (write a temp file, rename over) into one change, and takes an ignore predicate,
 *   so hidden folders (`.git`, `node_modules/.cache`) are never even descended.
 * The cost: one watch handle per folder and article file (inotify watches on Linux).
 * When the system limit is hit (ENOSPC/EMFILE) the FolderWatcher falls back to
 * periodic rescans, which the incremental importer makes cheap.
 */
export const chokidarBackend: WatchBackend = (root, handlers) => {
  const watcher = watch(root, {
    ignoreInitial: true,
    // The importer follows a link only when it stays inside the folder, where the real
    // files are watched anyway; links leading out are not imported, so not watched.
    followSymlinks: false,
    ignorePermissionErrors: true,
    persistent: true,
    ignored: (path, stats) => isIgnoredPath(root, path, stats ? stats.isFile() : undefined),
  });
  watcher.on('all', (event, path) => {
    if (KINDS.has(event)) handlers.change(event as ChangeKind, path);
  });
  watcher.on('error', (error) => handlers.error(error as NodeJS.ErrnoException));
  watcher.on('ready', () => handlers.ready());
  return { close: () => watcher.close() };
};
