import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { defaultLibraryPath } from '../library/paths.js';

/**
 * Where the import workers are started from. In a packaged app main.cjs sits inside
 * app.asar; the worker bundles are asar-unpacked (electron-builder.yml), and started
 * from app.asar.unpacked as real files, with better-sqlite3 and `bindings` unpacked
 * beside them. A worker then never depends on asar support inside worker threads, and
 * the native module is a real file for dlopen.
 */
export function workerDirFor(mainDir: string, exists: (path: string) => boolean = existsSync): string {
  const unpacked = mainDir.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
  if (unpacked !== mainDir && exists(join(unpacked, 'importWorker.cjs'))) return unpacked;
  return mainDir;
}

/**
 * The bundled sample articles: `resources/samples/articles` in a packaged app
 * (extraResources: real files, outside the asar, readable by the importer like any
 * folder), `samples/articles` next to out/ in a checkout. Null when absent.
 */
export function samplesDirFor(
  context: { isPackaged: boolean; resourcesPath: string; mainDir: string },
  exists: (path: string) => boolean = existsSync,
): string | null {
  const dir = context.isPackaged ? join(context.resourcesPath, 'samples', 'articles') : resolve(context.mainDir, '..', 'samples', 'articles');
  return exists(dir) ? dir : null;
}

const settingsSchema = z.object({ libraryPath: z.string().min(1).max(4096).optional() }).passthrough();

/** `settings.json` in the app's profile folder; a missing or damaged file means defaults. */
export function readSettings(file: string): { libraryPath?: string } {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? { libraryPath: parsed.data.libraryPath } : {};
  } catch {
    return {};
  }
}

/**
 * Which library the app opens: `--db FILE`, else the `libraryPath` setting, else the
 * per-user default (GLEANER_DB or the data folder) shared with the CLI and browser mode.
 */
export function libraryPathFor(cliDb: string | null, settings: { libraryPath?: string }, env: NodeJS.ProcessEnv = process.env): string {
  return cliDb ?? settings.libraryPath ?? defaultLibraryPath(env);
}
