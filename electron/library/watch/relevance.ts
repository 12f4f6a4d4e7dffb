import { extname, isAbsolute, relative, sep } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../article/body.js';

/**
 * The same rules as the importer's scan (import/scan.ts), so the watcher wakes up for
 * exactly the files an import would read: hidden entries anywhere below the folder
 * (`.git`, `.obsidian`, `.DS_Store`, editors' `.swp` files) never count, and only
 * article extensions do.
 */
function relativeParts(root: string, path: string): string[] | null {
  const rel = relative(root, path);
  if (rel === '') return [];
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep);
}

/** Whether the watcher should not even look below/at this path. */
export function isIgnoredPath(root: string, path: string, isFile?: boolean): boolean {
  const parts = relativeParts(root, path);
  if (parts === null) return true;
  if (parts.some((p) => p.startsWith('.'))) return true;
  return isFile === true && !ARTICLE_EXTENSIONS.has(extname(path).toLowerCase());
}

export type ChangeKind = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

/**
 * Whether a change can alter the library: an article file added, changed or removed, a
 * folder added (the files already inside a folder moved in are not reported one by one)
 * or removed (its articles become missing). A removed path can no longer be looked at, so
 * the watcher reports it as `unlink` whatever it was: it counts when its name is an
 * article's or has no extension (a folder's, usually); a removed `image.png` does not.
 */
export function isRelevantChange(root: string, kind: ChangeKind, path: string): boolean {
  if (path === root) return false;
  if (kind === 'addDir' || kind === 'unlinkDir') return !isIgnoredPath(root, path, false);
  if (kind === 'unlink' && extname(path) === '') return !isIgnoredPath(root, path, false);
  return !isIgnoredPath(root, path, true);
}
