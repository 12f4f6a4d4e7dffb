import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../article/body.js';
import { isInside } from '../paths.js';

export interface ScannedFile {
  absPath: string;
  /** Relative to the scanned root, `/`-separated on every platform: the article's identity. */
  relPath: string;
  size: number;
  mtimeMs: number;
  /**
   * Device and inode seen by the scan: the reader opens the path without following links
   * and refuses whatever is there if it is not this same regular file (swapped after the scan).
   */
  dev: number;
  ino: number;
}

export interface SkippedFile {
  relPath: string;
  reason: string;
}

export interface ScanResult {
  root: string;
  files: ScannedFile[];
  skipped: SkippedFile[];
  /**
   * Set when only some paths were looked at (scanPaths): every asked path below the root,
   * relative. Those not in `files` are gone (or no longer articles); nothing else was seen.
   */
  asked?: Set<string>;
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/**
 * Walks a folder for article files.
 *
 * Safety rules: hidden entries (`.git`, `.DS_Store`) are passed over; a symlink is
 * followed only when its real target stays inside the chosen folder, and a directory
 * is entered once by real path, so link loops end; only regular files are returned,
 * so a FIFO or device never blocks a read. Synchronous on purpose: imports run on a
 * worker thread, and 100k awaited stat() calls cost seconds that a sync walk does not.
 */
export function scanFolder(root: string, onFound?: (count: number) => void): ScanResult {
  const realRoot = realpathSync(root);
  const files: ScannedFile[] = [];
  const skipped: SkippedFile[] = [];
  const visitedDirs = new Set<string>([realRoot]);
  const pending: string[] = [realRoot];

  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ relPath: toPosix(relative(realRoot, dir)) || '.', reason: `folder could not be read (${codeOf(error)})` });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      const rel = toPosix(relative(realRoot, abs));
      const seen = classify(realRoot, abs, rel, entry);
      if (seen.kind === 'skipped') skipped.push({ relPath: rel, reason: seen.reason });
      else if (seen.kind === 'dir' && !visitedDirs.has(seen.target)) {
        visitedDirs.add(seen.target); // a loop or a second path to the same folder is entered once
        pending.push(seen.target);
      } else if (seen.kind === 'file') {
        files.push(seen.file);
        if (onFound && files.length % 1000 === 0) onFound(files.length);
      }
    }
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { root: realRoot, files, skipped };
}

type Seen = { kind: 'file'; file: ScannedFile } | { kind: 'dir'; target: string } | { kind: 'skipped'; reason: string };

/**
 * What one entry is under the scan's safety rules (see scanFolder): a regular article
 * file, a folder to enter (by real path), or something skipped with its reason.
 */
function classify(realRoot: string, abs: string, rel: string, entry: Dirent | Stats): Seen {
  let isDir = entry.isDirectory();
  let isFile = entry.isFile();
  let target = abs;
  if (entry.isSymbolicLink()) {
    try {
      target = realpathSync(abs);
    } catch {
      return { kind: 'skipped', reason: 'broken symbolic link' };
    }
    if (!isInside(realRoot, target)) return { kind: 'skipped', reason: 'symbolic link points outside the imported folder' };
    const targetStat = statSync(target, { throwIfNoEntry: false });
    isDir = targetStat?.isDirectory() ?? false;
    isFile = targetStat?.isFile() ?? false;
  }
  if (isDir) return { kind: 'dir', target };
  if (!isFile) return { kind: 'skipped', reason: 'not a regular file (device, pipe or socket)' };
  if (!ARTICLE_EXTENSIONS.has(extname(abs).toLowerCase()))
    return { kind: 'skipped', reason: `not an article file type (${extname(abs) || 'no extension'})` };
  try {
    const info = statSync(target);
    return {
      kind: 'file',
      file: { absPath: target, relPath: rel, size: info.size, mtimeMs: Math.trunc(info.mtimeMs), dev: info.dev, ino: info.ino },
    };
  } catch (error) {
    return { kind: 'skipped', reason: `file could not be read (${codeOf(error)})` };
  }
}

/**
 * Looks at the given paths of a folder only (the files a watcher reported), under the same
 * rules as scanFolder: hidden entries, links leading outside and non-article files are
 * passed over. A path that is a folder is ignored (the caller reimports the whole folder
 * when folders come and go); a path that no longer exists is simply not in `files`.
 */
export function scanPaths(root: string, absPaths: Iterable<string>): ScanResult & { asked: Set<string> } {
  const realRoot = realpathSync(root);
  const files: ScannedFile[] = [];
  const skipped: SkippedFile[] = [];
  const asked = new Set<string>();
  for (const path of absPaths) {
    const below = relativeBelow(root, path) ?? relativeBelow(realRoot, path);
    if (below === null || below.split('/').some((part) => part.startsWith('.'))) continue;
    asked.add(below);
    const abs = join(realRoot, below);
    const info = lstatSync(abs, { throwIfNoEntry: false });
    if (!info) continue;
    const seen = classify(realRoot, abs, below, info);
    if (seen.kind === 'skipped') skipped.push({ relPath: below, reason: seen.reason });
    else if (seen.kind === 'file') files.push(seen.file);
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { root: realRoot, files, skipped, asked };
}

/** `path` relative to `root`, `/`-separated, or null when it is the root itself or outside it. */
function relativeBelow(root: string, path: string): string | null {
  const rel = relative(root, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : toPosix(rel);
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
