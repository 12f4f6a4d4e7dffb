/**
 * Reads a file the scan found, and only that file: the path is opened without following a
 * link and without blocking, and the open descriptor must be the regular file (same device
 * and inode) the scan recorded. A file swapped after the scan for a symbolic link to a file
 * outside the folder, a FIFO or another file fails with a reason instead of being read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { ScannedFile } from './scan.js';
import { tooLargeReason } from './parseFile.js';

/** Windows has neither flag; there a link cannot be swapped in without privileges anyway. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const MB = 1024 * 1024;

/**
 * The heap each parse worker may use (V8's old generation). Deliberate: two workers and the
 * import thread stay near a gigabyte at worst, and a file that needs more fails alone.
 */
export const PARSE_HEAP_MB = 512;

/**
 * The largest file one parse may take, by kind, within PARSE_HEAP_MB. Markdown and HTML
 * become a syntax tree, a rendered copy and a DOM: a 44 MB Markdown file exhausted a 1 GB
 * heap, so markup gets a thirty-second of the heap. Plain text is only collapsed (about 3x).
 * A larger file is refused before it is read, whatever --max-file-size says.
 */
export const PARSE_BUDGET_BYTES = { markup: (PARSE_HEAP_MB * MB) / 32, text: (PARSE_HEAP_MB * MB) / 8 } as const;

/** The most bytes one parse may read: the person's limit, within the memory budget. */
export function parseBudget(relPath: string): number {
  return extname(relPath).toLowerCase() === '.txt' ? PARSE_BUDGET_BYTES.text : PARSE_BUDGET_BYTES.markup;
}

const mb = (n: number): string => `${Math.round(n / MB)} MB`;

/** The reason a file over the memory budget is refused. */
export function overBudgetReason(size: number, budget: number): string {
  return `file is ${mb(size)}; files of this kind over ${mb(budget)} need more memory to parse than an import may use`;
}

/** The file's bytes, or the reason it is not read. Never throws. */
export function readScannedFile(file: ScannedFile, maxBytes: number): { bytes: Buffer } | { reason: string } {
  if (file.size > maxBytes) return { reason: tooLargeReason(file.size, maxBytes) };
  const budget = parseBudget(file.relPath);
  if (file.size > budget) return { reason: overBudgetReason(file.size, budget) };
  let fd: number;
  try {
    fd = openSync(file.absPath, OPEN_FLAGS);
  } catch (error) {
    return { reason: `could not read the file: ${openFailure(error)}` };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { reason: 'could not read the file: it was replaced by something that is not a regular file during the import' };
    if (info.dev !== file.dev || info.ino !== file.ino)
      return { reason: 'could not read the file: it was replaced by another file during the import' };
    const limit = Math.min(maxBytes, budget);
    if (info.size > limit) return { reason: info.size > maxBytes ? tooLargeReason(info.size, maxBytes) : overBudgetReason(info.size, budget) };
    return readAll(fd, info.size, limit);
  } catch (error) {
    return { reason: `could not read the file: ${codeOf(error)}` };
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, never past `limit`: a file that grows while it is read stays bounded. */
function readAll(fd: number, expected: number, limit: number): { bytes: Buffer } | { reason: string } {
  let buffer = Buffer.allocUnsafe(Math.min(expected, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) return { reason: tooLargeReason(length, limit) };
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return { bytes: buffer.subarray(0, length) };
    length += n;
  }
}

function openFailure(error: unknown): string {
  const code = codeOf(error);
  if (code === 'ELOOP' || code === 'EMLINK') return 'it was replaced by a symbolic link during the import';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'the file disappeared during import';
  return code;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
