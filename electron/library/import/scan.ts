import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** File kinds Gleaner reads as articles; everything else is counted and skipped. */
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.md', '.markdown']);

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
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/** Whether `target` is `root` or lies below it (both real, absolute paths). */
export const isInside = (root: string, target: string): boolean =>
  target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);

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
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let target = abs;
      if (entry.isSymbolicLink()) {
        try {
          target = realpathSync(abs);
        } catch {
          skipped.push({ relPath: rel, reason: 'broken symbolic link' });
          continue;
        }
        if (!isInside(realRoot, target)) {
          skipped.push({ relPath: rel, reason: 'symbolic link points outside the imported folder' });
          continue;
        }
        const targetStat = statSync(target, { throwIfNoEntry: false });
        isDir = targetStat?.isDirectory() ?? false;
        isFile = targetStat?.isFile() ?? false;
      }
      if (isDir) {
        if (visitedDirs.has(target)) continue; // a loop or a second path to the same folder
        visitedDirs.add(target);
        pending.push(target);
        continue;
      }
      if (!isFile) {
        skipped.push({ relPath: rel, reason: 'not a regular file (device, pipe or socket)' });
        continue;
      }
      if (!ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        skipped.push({ relPath: rel, reason: `not an article file type (${extname(entry.name) || 'no extension'})` });
        continue;
      }
      try {
        const info = statSync(target);
        files.push({ absPath: target, relPath: rel, size: info.size, mtimeMs: Math.trunc(info.mtimeMs), dev: info.dev, ino: info.ino });
      } catch (error) {
        skipped.push({ relPath: rel, reason: `file could not be read (${codeOf(error)})` });
        continue;
      }
      if (onFound && files.length % 1000 === 0) onFound(files.length);
    }
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { root: realRoot, files, skipped };
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
