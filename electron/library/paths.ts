import { homedir } from 'node:os';
import { join, sep } from 'node:path';

/**
 * Where the library lives unless `--db` (or GLEANER_DB) says otherwise: the per-user
 * data folder, shared by the CLI, browser mode and the desktop app.
 */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.GLEANER_DB) return env.GLEANER_DB;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Gleaner', 'library.db');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Gleaner', 'library.db');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'gleaner', 'library.db');
}

/**
 * Whether `target` is `root` or lies below it (both real, absolute paths).
 *
 * It lives here, in a module that imports only Node, because the import's folder walk (a
 * symlink may not lead out of the imported folder) and the local image lookup (an image may
 * not lie outside the article's folders) make the same check; taking it from import/scan.ts
 * made local/ depend on the importer. The separator is appended so that `/a/bc` is not taken
 * to be inside `/a/b`.
 */
export const isInside = (root: string, target: string): boolean => target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
