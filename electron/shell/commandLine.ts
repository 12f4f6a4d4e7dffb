import { statSync } from 'node:fs';
import { resolve } from 'node:path';

export interface CommandLine {
  /** `--db FILE` / `--db=FILE`: the library to open instead of the default one. */
  dbPath: string | null;
  /** Existing folders named on the command line: each is imported. */
  folders: string[];
}

export interface CommandLineContext {
  /** Where relative paths start (a second launch passes its own working directory). */
  cwd: string;
  /**
   * Arguments that are the app itself, not a folder to import: the executable, the app
   * folder of `electron .`, the main script.
   */
  self: string[];
}

const isFolder = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * Reads what Gleaner needs from a command line and ignores the rest: Chromium and
 * Electron switches (`--inspect=0`, `--remote-debugging-port=0`, `--no-sandbox`), macOS's
 * `-psn_…`, and anything that is not an existing folder.
 */
export function parseCommandLine(
  argv: readonly string[],
  context: CommandLineContext,
  folderExists: (path: string) => boolean = isFolder,
): CommandLine {
  const self = new Set(context.self.map((p) => resolve(context.cwd, p)));
  let dbPath: string | null = null;
  const folders: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') {
      const value = argv[i + 1];
      if (value !== undefined && !value.startsWith('-')) dbPath = resolve(context.cwd, value);
      i++;
    } else if (arg.startsWith('--db=')) {
      const value = arg.slice('--db='.length);
      if (value) dbPath = resolve(context.cwd, value);
    } else if (arg === '--') {
      continue;
    } else if (!arg.startsWith('-')) {
      const path = resolve(context.cwd, arg);
      if (!self.has(path) && !folders.includes(path) && folderExists(path)) folders.push(path);
    }
  }
  return { dbPath, folders };
}

/**
 * What a launch hands to the running instance (app.requestSingleInstanceLock's
 * additionalData): Chromium may reorder or rewrite argv on its way, so the original is
 * carried as data.
 */
export interface LaunchData {
  argv: string[];
  cwd: string;
}

export function launchDataFrom(value: unknown): LaunchData | null {
  if (!value || typeof value !== 'object') return null;
  const { argv, cwd } = value as Record<string, unknown>;
  if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string') || typeof cwd !== 'string') return null;
  return { argv: argv as string[], cwd };
}
