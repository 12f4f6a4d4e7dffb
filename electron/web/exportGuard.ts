/**
 * Over HTTP an export never replaces a file Gleaner did not write. Browser mode lets the page
 * name a target (the person types it: there is no save dialog), and the token keeps other
 * sites out; but `overwrite: true` with any path would let whoever holds the token replace
 * ~/.bashrc. So `overwrite` is honoured only for a file an export of this server wrote and
 * nobody has touched since (same device, inode, size and time), and for a folder only when it
 * holds a folder export's marker (export/target.ts checks that for every caller).
 *
 * The record lives as long as the server: after a restart the page exports under a new name
 * or the person deletes the old file. The desktop app needs none of this (its targets come
 * from the save dialog, which asked about replacing) and the CLI's --overwrite is the
 * person's own command.
 */
import { lstat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import type { LibraryEvent } from '../../shared/api.js';

export interface ExportGuard {
  /** Why these `exports.start` arguments may not run over HTTP, or null when they may. */
  refusal(args: unknown): Promise<string | null>;
  /** Stops recording. */
  close(): void;
}

const identity = (info: Stats) => `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;

export function createExportGuard(onEvent: (listener: (event: LibraryEvent) => void) => () => void): ExportGuard {
  /** Absolute path → identity of the file as the export left it. */
  const written = new Map<string, string>();
  const unsubscribe = onEvent((event) => {
    if (event.type !== 'export-finished' || event.job.state !== 'done' || !event.job.report) return;
    const out = resolve(event.job.report.out);
    void lstat(out).then(
      (info) => info.isFile() && written.set(out, identity(info)),
      () => undefined,
    );
  });
  return {
    async refusal(args) {
      const { out, overwrite } = (args ?? {}) as { out?: unknown; overwrite?: unknown };
      if (overwrite !== true || typeof out !== 'string') return null;
      const abs = resolve(out);
      const info = await lstat(abs).catch(() => null);
      // Nothing there, or a folder (replaced only when it holds a folder export's marker: target.ts).
      if (!info || info.isDirectory()) return null;
      if (info.isFile() && written.get(abs) === identity(info)) return null;
      return `Will not replace ${abs}: Gleaner did not write it (over HTTP an export replaces only a file this server exported); choose another name`;
    },
    close: unsubscribe,
  };
}
