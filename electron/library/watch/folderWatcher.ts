import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { Coalescer } from './coalescer.js';
import { isRelevantChange, type ChangeKind } from './relevance.js';
import { parcelBackend, type TreeWatcher, type WatchBackend } from './treeWatcher.js';

export type FolderStatus = 'online' | 'offline';

export interface FolderWatcherOptions {
  /**
   * Brings the library up to date with a folder: with `paths`, only those files (added,
   * changed or removed ones the watcher saw; a removed one becomes missing), else the whole
   * folder (incremental: unchanged files are not read, vanished ones are marked missing),
   * when folders came or went, events were lost, or there is no snapshot to compare with.
   * Should resolve when that import has finished: the watcher never starts a second one
   * for the same folder before.
   */
  reimport: (folder: string, paths: string[] | null) => Promise<unknown> | unknown;
  /** A folder appeared or vanished (an unplugged drive, a renamed folder). Also called once per `add`. */
  onStatus?: (folder: string, status: FolderStatus) => void;
  /** Problems worth telling: a failed reimport, a watch that fell back to rescans. */
  onError?: (folder: string, error: Error) => void;
  /** Quiet time that ends a burst of changes (default 500 ms). */
  quietMs?: number;
  /** Longest wait from the first change of a burst to its reimport (default 3 s). */
  maxWaitMs?: number;
  /** How often each folder's presence is checked (default 2 s). */
  checkIntervalMs?: number;
  /** Rescan period for a folder whose watch could not be set up (default 60 s). */
  fallbackRescanMs?: number;
  /**
   * Where each folder's snapshot (its files' paths and modification times as of its last
   * completed reimport) is kept, one file per folder. With it, a catch-up compares the
   * folder with its snapshot and reimports only when something relevant changed; without
   * it (or before the first snapshot), a catch-up always reimports.
   */
  snapshotDir?: string;
  backend?: WatchBackend;
}

interface Watched {
  root: string;
  /** Null until its first check is done: the service then answers from the disk. */
  status: FolderStatus | null;
  tree: TreeWatcher | null;
  /** The watch hit a system limit: rescan periodically instead. */
  polling: boolean;
  lastRescan: number;
}

/** Errors that mean "no more watch handles", not "the folder is gone". */
const LIMIT_CODES = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Watches imported folders and reimports one when its articles change.
 *
 * A folder that disappears is reported offline and left alone: its articles stay in the
 * library (nothing is reimported, so nothing is marked missing). Presence is checked by
 * polling, because watch events are unreliable when a drive is unplugged; when the
 * folder returns, watching resumes and one reimport catches up with what changed while
 * it was away.
 */
export class FolderWatcher {
  private readonly folders = new Map<string, Watched>();
  /** Per folder, what its next reimport looks at: the reported paths, or all of it. */
  private readonly pending = new Map<string, Set<string> | 'all'>();
  private readonly coalescer: Coalescer;
  private readonly backend: WatchBackend;
  private readonly timer: ReturnType<typeof setInterval>;
  private checking = false;
  private closed = false;

  constructor(private readonly options: FolderWatcherOptions) {
    this.backend = options.backend ?? parcelBackend;
    this.coalescer = new Coalescer({
      quietMs: options.quietMs ?? 500,
      maxWaitMs: options.maxWaitMs ?? 3000,
      run: (root) => this.reimport(root),
      onError: (root, error) => options.onError?.(root, error),
    });
    this.timer = setInterval(() => void this.checkAll(), options.checkIntervalMs ?? 2000);
    this.timer.unref?.(); // never the reason a CLI process stays alive
  }

  /**
   * Starts watching a folder; resolves once changes are being seen (or it is known
   * offline). `catchUp` also reimports it once, for what changed while nobody watched
   * (the app was closed); a folder that is offline now catches up when it returns.
   */
  async add(folder: string, options: { catchUp?: boolean } = {}): Promise<FolderStatus> {
    const root = resolve(folder);
    const existing = this.folders.get(root);
    if (existing) return existing.status ?? 'offline';
    const entry: Watched = { root, status: null, tree: null, polling: false, lastRescan: Date.now() };
    this.folders.set(root, entry);
    const online = await isFolder(root);
    if (this.folders.get(root) !== entry || this.closed) return 'offline';
    if (online) await this.goOnline(entry, options.catchUp === true);
    else this.setStatus(entry, 'offline');
    return entry.status ?? 'offline';
  }

  /** Stops watching a folder (its articles stay in the library). */
  async remove(folder: string): Promise<void> {
    const root = resolve(folder);
    const entry = this.folders.get(root);
    if (!entry) return;
    this.folders.delete(root);
    this.pending.delete(root);
    this.coalescer.cancel(root);
    await entry.tree?.close();
  }

  status(folder: string): FolderStatus | undefined {
    return this.folders.get(resolve(folder))?.status ?? undefined;
  }

  list(): { folder: string; status: FolderStatus }[] {
    return [...this.folders.values()].map((f) => ({ folder: f.root, status: f.status ?? 'offline' }));
  }

  /** Resolves when no reimport is waiting or running (tests; before closing the library). */
  idle(): Promise<void> {
    return this.coalescer.idle();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    const trees = [...this.folders.values()].map((f) => f.tree?.close());
    this.folders.clear();
    await Promise.all(trees);
    await this.coalescer.close();
  }

  /** Runs the presence check now instead of at the next tick. */
  async checkAll(): Promise<void> {
    if (this.checking || this.closed) return;
    this.checking = true;
    try {
      for (const entry of [...this.folders.values()]) {
        const present = await isFolder(entry.root);
        if (this.folders.get(entry.root) !== entry || this.closed) continue;
        if (!present && entry.status === 'online') await this.goOffline(entry);
        else if (present && entry.status === 'offline') await this.goOnline(entry, true);
        else if (present && entry.polling && Date.now() - entry.lastRescan >= (this.options.fallbackRescanMs ?? 60_000)) {
          entry.lastRescan = Date.now();
          this.note(entry.root, 'all');
        }
      }
    } finally {
      this.checking = false;
    }
  }

  private async goOnline(entry: Watched, catchUp: boolean): Promise<void> {
    entry.polling = false;
    entry.tree = await this.startTree(entry);
    if (this.folders.get(entry.root) !== entry || this.closed) {
      await entry.tree?.close();
      return;
    }
    // Could not start, and not for want of handles: the folder went away meanwhile.
    if (!entry.tree && !entry.polling) return this.setStatus(entry, 'offline');
    this.setStatus(entry, 'online');
    // Whatever happened while it was away (or before the watch was ready) is seen now.
    if (!catchUp) return;
    const changed = await this.changedSinceSnapshot(entry);
    if (changed === 'all') this.note(entry.root, 'all');
    else for (const path of changed) this.note(entry.root, path);
  }

  /** Something changed at `path` (or somewhere: 'all'): it is looked at by the folder's next reimport. */
  private note(root: string, path: string | 'all'): void {
    this.notePending(root, path);
    this.coalescer.touch(root);
  }

  private notePending(root: string, path: string | 'all'): void {
    const pending = this.pending.get(root);
    if (path === 'all') this.pending.set(root, 'all');
    else if (pending === undefined) this.pending.set(root, new Set([path]));
    else if (pending !== 'all') pending.add(path);
  }

  /**
   * What a change asks the next reimport to look at: a file's path, or the whole folder
   * when a folder came or went (the files of a folder moved in or out are not reported one
   * by one; a removed path without an extension is most likely a folder).
   */
  private static scope(kind: ChangeKind, path: string): string | 'all' {
    if (kind === 'addDir' || kind === 'unlinkDir') return 'all';
    if (kind === 'unlink' && extname(path) === '') return 'all';
    return path;
  }

  private snapshotFile(root: string): string | null {
    const dir = this.options.snapshotDir;
    return dir ? join(dir, `${createHash('sha256').update(root).digest('hex').slice(0, 24)}.snapshot`) : null;
  }

  /**
   * What may differ from what the library holds: the paths its snapshot says changed (none:
   * nothing to do), or all of it without a usable snapshot. The snapshot's list names the
   * files inside created folders too, so a created folder needs no walk of its own.
   */
  private async changedSinceSnapshot(entry: Watched): Promise<string[] | 'all'> {
    const file = this.snapshotFile(entry.root);
    if (!file || !entry.tree?.changesSince) return 'all';
    try {
      const changes = await entry.tree.changesSince(file);
      const paths: string[] = [];
      for (const c of changes) {
        if (!isRelevantChange(entry.root, c.kind, c.path)) continue;
        const scope = c.kind === 'add' && extname(c.path) === '' ? null : FolderWatcher.scope(c.kind, c.path);
        if (scope === 'all') return 'all';
        if (scope !== null) paths.push(scope);
      }
      return paths;
    } catch {
      return 'all'; // no snapshot yet, or an unreadable one
    }
  }

  private async goOffline(entry: Watched): Promise<void> {
    this.coalescer.cancel(entry.root);
    this.pending.delete(entry.root); // it catches up whole when it returns
    const tree = entry.tree;
    entry.tree = null;
    this.setStatus(entry, 'offline');
    await tree?.close();
  }

  private setStatus(entry: Watched, status: FolderStatus): void {
    entry.status = status;
    this.options.onStatus?.(entry.root, status);
  }

  private startTree(entry: Watched): Promise<TreeWatcher | null> {
    return new Promise((resolveReady) => {
      let settled = false;
      const settle = (tree: TreeWatcher | null) => {
        if (!settled) resolveReady(tree);
        settled = true;
      };
      const tree: TreeWatcher = this.backend(entry.root, {
        change: (kind, path) => {
          if (kind === 'unlinkDir' && path === entry.root) void this.checkAll();
          else if (entry.tree === tree && isRelevantChange(entry.root, kind, path)) this.note(entry.root, FolderWatcher.scope(kind, path));
        },
        error: (error) => {
          if (error.code && LIMIT_CODES.has(error.code)) {
            this.fallBackToRescans(entry, tree, error);
            settle(null);
          } else if (settled) {
            // Most watch errors mean the folder went away; otherwise events may have been
            // lost (an overflowing event queue), and only a whole-folder pass is sure.
            if (entry.tree === tree) this.note(entry.root, 'all');
            void this.checkAll();
          } else {
            // The watch could not start: gone (offline until it returns) or unreadable (rescans).
            void isFolder(entry.root).then((present) => {
              if (present) this.fallBackToRescans(entry, tree, error);
              settle(null);
            });
          }
        },
        ready: () => settle(tree),
      });
    });
  }

  private fallBackToRescans(entry: Watched, tree: TreeWatcher, error: Error): void {
    if (entry.polling) return;
    entry.polling = true;
    entry.lastRescan = Date.now();
    if (entry.tree === tree) entry.tree = null;
    void tree.close();
    this.options.onError?.(entry.root, new Error(`Cannot watch ${entry.root} for changes (${error.message}); rescanning it every minute instead`));
  }

  /**
   * The snapshot is taken before the reimport and kept only once it has succeeded: a file
   * changed during the import is newer than the snapshot and is seen by the next catch-up,
   * and an import that failed or was cancelled leaves the previous snapshot in place.
   */
  private async reimport(root: string): Promise<void> {
    const entry = this.folders.get(root);
    const pending = this.pending.get(root);
    this.pending.delete(root); // what arrives from now on is for the next run
    if (!entry || entry.status !== 'online' || !(await isFolder(root))) return;
    const file = this.snapshotFile(root);
    const snapshot = file && entry.tree?.writeSnapshot ? await this.takeSnapshot(entry.root, entry.tree, file) : null;
    try {
      await this.options.reimport(root, pending instanceof Set ? [...pending].sort() : null);
    } catch (error) {
      await snapshot?.discard();
      // Not lost: looked at again with the next change (or, after a restart, the catch-up).
      if (pending instanceof Set) for (const path of pending) this.notePending(root, path);
      else this.notePending(root, 'all');
      throw error;
    }
    await snapshot?.commit();
  }

  private async takeSnapshot(root: string, tree: TreeWatcher, file: string) {
    try {
      await mkdir(this.options.snapshotDir!, { recursive: true });
      return await tree.writeSnapshot!(file);
    } catch (error) {
      // Watching and importing go on without it; the next start reimports instead.
      this.options.onError?.(root, new Error(`Cannot write the watch snapshot ${file}: ${(error as Error).message}`));
      return null;
    }
  }
}
