import { homedir } from 'node:os';
import { join } from 'node:path';

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
