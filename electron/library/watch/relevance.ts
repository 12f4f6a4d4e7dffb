import { extname, isAbsolute, relative, sep } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../import/scan.js';

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
 * Whether a change can alter the library: an article file added, changed or removed,
 * or a folder removed (its articles become missing). A new folder is not a change by
 * itself: the files found inside it are.
 */
export function isRelevantChange(root: string, kind: ChangeKind, path: string): boolean {
  if (kind === 'addDir') return false;
  if (kind === 'unlinkDir') return !isIgnoredPath(root, path, false) && path !== root;
  return !isIgnoredPath(root, path, true);
}
