/**
 * Where an export lands, all or nothing. Everything is written to a temporary sibling
 * (`.name.gleaner-tmp-…`, same folder so the final rename is atomic), then renamed into
 * place. A cancelled or failed export removes the temporary and leaves the target as it was.
 *
 * Nothing is replaced without `overwrite`; and even with it, a non-empty folder is replaced
 * only when an earlier folder export wrote it (it holds the marker file), because "replace"
 * on a folder deletes it: a slip in the folder picker must not empty someone's Documents.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, mkdtemp, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { truncateBytes } from './safeNames.js';
import { ExportError } from './types.js';

/** Written at the root of every folder export; hidden, so the importer skips it. */
export const FOLDER_MARKER = '.gleaner-export.json';

export interface PreparedTarget {
  /** The absolute final path. */
  out: string;
  /** Where to write: a path to create (file formats) or an existing empty folder. */
  temp: string;
  /** Moves the temporary into place; resolves to warnings (e.g. an old copy left behind). */
  commit(): Promise<string[]>;
  /** Removes the temporary. Never throws. */
  abort(): Promise<void>;
}

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;
const exists = async (path: string) => (await lstat(path).catch(() => null)) !== null;

/** An error for people: the path, then why. */
export function ioError(path: string, error: unknown): ExportError {
  if (error instanceof ExportError) return error;
  const code = codeOf(error);
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : code === 'ENAMETOOLONG'
            ? 'the name is too long'
            : (error as Error).message;
  return new ExportError('io', `Could not write ${path}: ${why}`);
}

/**
 * Checks the target and creates the temporary sibling. Throws ExportError with a message
 * naming the path when the export may not go there.
 */
export async function prepareTarget(out: string, writes: 'file' | 'folder', overwrite: boolean): Promise<PreparedTarget> {
  const { abs, parent } = await checkTarget(out, writes, overwrite);

  // Short enough for a 255-byte name limit whatever the target's name is.
  const stem = `.${truncateBytes(basename(abs), 100)}.gleaner-`;
  let temp: string;
  try {
    temp = writes === 'folder' ? await mkdtemp(join(parent, `${stem}tmp-`)) : join(parent, `${stem}tmp-${randomBytes(6).toString('hex')}`);
  } catch (error) {
    throw ioError(abs, error);
  }

  return {
    out: abs,
    temp,
    abort: async () => {
      await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    },
    commit: () => commitTarget(temp, abs, parent, stem, writes, overwrite),
  };
}

/**
 * The checks alone, creating nothing: the service runs them before it starts a job, so a
 * refused target is answered at once (`conflict` for an existing one, which the export
 * dialog turns into "Replace?") instead of as a failed job a moment later.
 */
export async function checkTarget(out: string, writes: 'file' | 'folder', overwrite: boolean): Promise<{ abs: string; parent: string }> {
  if (out.trim() === '' || out.includes('\0')) throw new ExportError('bad-request', 'The export target must be a path without NUL characters');
  const abs = resolve(out);
  const parent = dirname(abs);
  if (parent === abs) throw new ExportError('bad-request', `Cannot export to ${abs}: choose a file or folder inside it`);
  const parentInfo = await stat(parent).catch(() => null);
  if (!parentInfo?.isDirectory()) throw new ExportError('not-found', `Cannot export to ${abs}: the folder ${parent} does not exist`);

  // What no "replace" could fix is a bad request, said first; only a replaceable target is `exists`
  // (which the export dialog answers with "Replace?").
  const current = await lstat(abs).catch(() => null);
  if (current) {
    if (writes === 'file' && current.isDirectory()) {
      throw new ExportError('bad-request', `Cannot export to ${abs}: it is a folder; choose a file name`);
    }
    if (writes === 'folder' && !current.isDirectory()) {
      throw new ExportError('bad-request', `Cannot export to ${abs}: a file with that name exists; choose a folder`);
    }
    const empty = current.isDirectory() && (await readdir(abs)).length === 0;
    if (!empty && writes === 'folder' && !(await exists(join(abs, FOLDER_MARKER)))) {
      throw new ExportError(
        'bad-request',
        `Will not replace ${abs}: it is not empty and was not written by a Gleaner folder export (no ${FOLDER_MARKER}); choose an empty or new folder`,
      );
    }
    if (!empty && !overwrite) {
      throw new ExportError(
        'exists',
        `Cannot export to ${abs}: it already exists${current.isDirectory() ? ' and is not empty' : ''}; choose another name or allow replacing it`,
      );
    }
  }
  return { abs, parent };
}

/** Moves a finished temporary into place (see the module comment); resolves to warnings. */
async function commitTarget(
  temp: string,
  abs: string,
  parent: string,
  stem: string,
  writes: 'file' | 'folder',
  overwrite: boolean,
): Promise<string[]> {
  const now = await lstat(abs).catch(() => null);
  try {
    if (!now) {
      await placeNew(temp, abs, writes);
      return [];
    }
    if (now.isDirectory() && (await readdir(abs)).length === 0) {
      await rmdir(abs);
      await placeNew(temp, abs, writes);
      return [];
    }
    if (!overwrite) throw new ExportError('exists', `Cannot export to ${abs}: it appeared while the export ran; nothing was replaced`);
    const old = join(parent, `${stem}old-${randomBytes(6).toString('hex')}`);
    await rename(abs, old);
    try {
      await rename(temp, abs);
    } catch (error) {
      await rename(old, abs).catch(() => undefined);
      throw error;
    }
    const removed = await rm(old, { recursive: true, force: true }).then(
      () => true,
      () => false,
    );
    return removed ? [] : [`the previous ${basename(abs)} was replaced but could not be deleted; it is at ${old}`];
  } catch (error) {
    throw ioError(abs, error);
  }
}

/**
 * Moves a finished temporary to a path that was free a moment ago, without clobbering
 * whatever may have appeared there since: a hard link fails on an existing name, whereas a
 * file rename would silently replace it. (Folders: rename refuses a non-empty folder.)
 */
async function placeNew(temp: string, abs: string, writes: 'file' | 'folder'): Promise<void> {
  const appeared = () => new ExportError('exists', `Cannot export to ${abs}: it appeared while the export ran; nothing was replaced`);
  if (writes === 'file') {
    const linked = await link(temp, abs).then(
      () => true,
      (error: unknown) => {
        if (codeOf(error) === 'EEXIST') throw appeared();
        return false; // some file systems (FAT, exFAT, some network shares) have no hard links
      },
    );
    if (linked) {
      await unlink(temp).catch(() => undefined);
      return;
    }
    if (await exists(abs)) throw appeared();
  }
  await rename(temp, abs);
}
