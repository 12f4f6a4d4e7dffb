import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '../db/connection.js';
import { ArticleWriter, effectiveSource, indexPending, knownFiles, type KnownFile } from '../db/queries/articleWrites.js';
import { ensureFolder, markFolderImported, resolveFolderSource } from '../db/queries/folders.js';
import { deriveFolderSource } from './folderLabel.js';
import { findDuplicates } from '../db/queries/duplicates.js';
import type { ImportProgress, ImportReport } from '../../../shared/types.js';
import { scanFolder, scanPaths, type ScannedFile } from './scan.js';
import { inlineParseStage, type ParsedFile, type ParseStage } from './parseStage.js';
import { DEFAULT_MAX_BYTES } from './parseFile.js';
import { PARSE_BUDGET_BYTES } from './readScanned.js';
import { reanchorArticle, withReanchoring } from '../highlights/reanchor.js';
import { StoryIndex } from '../stories/storyIndex.js';

export interface ImportOptions {
  maxFileBytes?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Where parsing happens; inline on this thread unless given a worker stage. */
  parseStage?: ParseStage;
  /** Files per parse request. */
  batchSize?: number;
  /** Articles per write transaction: what a killed import can lose, at most. */
  writeBatch?: number;
  /** Parse requests in flight at once. */
  inFlight?: number;
  /**
   * Per folder (as given), the only paths to look at (absolute: what a watcher reported)
   * instead of walking it: a listed file that is gone is marked missing, nothing else in
   * the folder is touched. Folders not in it are walked whole.
   */
  only?: Record<string, string[]>;
  /** Group articles into stories as they are written (default true; off only to measure its cost). */
  stories?: boolean;
  /** Story rows staged before they are flushed into their tables (tests make it small). */
  storyRowsStaged?: number;
}

/** A folder that cannot be imported at all (as opposed to a bad file inside it). */
export class FolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FolderError';
  }
}

/** Above this many changed articles the FTS index is optimized after the import. */
const OPTIMIZE_AFTER = 2000;
/**
 * Parse requests in flight: enough to keep the parse workers busy through one write
 * transaction (which runs synchronously on this thread), few enough to bound memory.
 */
const IN_FLIGHT = 4;
/**
 * Articles per transaction: large enough that commits are rare, small enough to bound
 * memory (about 12 KB per parsed article in flight) and how long the write lock is held:
 * grouping stories costs a few hundred µs an article inside it (more with many copies),
 * and the app's own writes (a star, a tag) wait at most 5 s for the lock. A kill loses at
 * most this many.
 */
const WRITE_BATCH = 250;
/**
 * File bytes per parse request and per write: the files are normally small, so these only
 * bite on big ones, keeping a folder of 50 MB files from piling up on this thread's heap.
 */
const BATCH_BYTES = 16 * 1024 * 1024;

/**
 * The import thread's heap cap (V8 old generation, MB) for a file-size limit: room for the
 * library work plus every request in flight carrying one file at the parse budget, twice
 * (its body and its text). Too small a cap would make V8 abort the whole process.
 */
export function importHeapMb(maxFileBytes: number = DEFAULT_MAX_BYTES): number {
  return 192 + Math.ceil((2 * IN_FLIGHT * Math.min(maxFileBytes, PARSE_BUDGET_BYTES.text)) / 1024 / 1024);
}
/**
 * Staged text enters the index every this many articles: big enough that each chunk goes
 * in key order as large segments, small enough that indexing overlaps the parsing of the
 * next chunk instead of waiting for the end.
 */
const INDEX_EVERY = 10_000;
/**
 * Story rows staged in memory before they go into their tables in key order: each flush
 * rewrites much of those random-keyed B-trees, so fewer flushes cost less, and this many
 * rows (about 10,000 articles) take some 40 MB of the import thread's heap.
 */
const STORY_ROWS_STAGED = 600_000;

/**
 * Imports folders of article files into the library.
 *
 * An article is its file (folder + relative path). Unchanged files (same size and
 * mtime) are not read. Each batch of articles is written in one transaction, so a
 * killed process loses at most the batch in flight and never leaves half an article;
 * running the import again completes the job. Bad files land in the report.
 */
export async function importFolders(db: Db, folders: string[], options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const roots = folders.map(checkFolder);
  const only = new Map(Object.entries(options.only ?? {}).map(([folder, paths]) => [resolve(folder), paths]));
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
  const stage = options.parseStage ?? inlineParseStage(maxBytes, options.stories !== false);
  const batchSize = options.batchSize ?? 256;
  const writer = new ArticleWriter(db);
  const stories = options.stories === false ? null : new StoryIndex(db);
  const report = emptyReport(roots);
  const progress: ImportProgress = { phase: 'scanning', filesDone: 0, filesTotal: 0, currentFile: null };
  const emit = () => options.onProgress?.({ ...progress });
  const touchedIds: number[] = [];
  let staged = 0;

  emit();
  indexPending(db); // text left staged by an import that was killed
  stories?.recover(); // and story rows
  const scans = roots.map((root) => {
    const paths = only.get(root);
    if (paths) return scanPaths(root, paths);
    return scanFolder(root, (found) => {
      progress.filesTotal = found;
      emit();
    });
  });
  progress.filesTotal = scans.reduce((n, s) => n + s.files.length, 0);
  progress.phase = 'importing';
  emit();

  for (const scan of scans) {
    const now = new Date().toISOString();
    const folderId = ensureFolder(db, scan.root, now);
    const known = knownFiles(db, folderId, scan.asked ?? null);
    const folderSource = resolveFolderSource(db, folderId, deriveFolderSource(scan.root));
    for (const s of scan.skipped) report.files.push({ folder: scan.root, path: s.relPath, status: 'skipped', reason: s.reason });
    report.skipped += scan.skipped.length;

    const toParse: ScannedFile[] = [];
    const changed = new Map<string, KnownFile>();
    const restored: KnownFile[] = [];
    for (const file of scan.files) {
      const before = known.get(file.relPath);
      known.delete(file.relPath); // what remains afterwards has disappeared from disk
      if (before && before.size === file.size && before.mtimeMs === file.mtimeMs) {
        if (before.missing) {
          restored.push(before);
          report.files.push({ folder: scan.root, path: file.relPath, status: 'restored' });
        } else report.unchanged++;
        progress.filesDone++;
      } else {
        if (before) changed.set(file.relPath, before);
        toParse.push(file);
      }
    }

    stories?.expect(toParse.length);
    const apply = (batch: ParsedFile[]) =>
      db.transaction(() => {
        for (const { file, result } of batch) {
          const entry = { folder: scan.root, path: file.relPath };
          if (!result.ok) {
            if (result.skipped) report.skipped++;
            else report.failed++;
            report.files.push({ ...entry, status: result.skipped ? 'skipped' : 'failed', reason: result.reason });
            continue;
          }
          const stamp = { folderId, relPath: file.relPath, size: file.size, mtimeMs: file.mtimeMs, folderSource };
          const before = changed.get(file.relPath);
          const warnings = result.article.warnings.length > 0 ? { warnings: result.article.warnings } : {};
          if (before) {
            withReanchoring(db, before.id, result.article.body, () => writer.update(before.id, result.article, stamp, now));
            stories?.index(before.id, result.article.storySketch ?? result.article.text, effectiveSource(result.article, folderSource)[0]);
            touchedIds.push(before.id);
            report.updated++;
            report.files.push({ ...entry, status: 'updated', ...warnings });
          } else {
            const id = writer.insert(result.article, stamp, now);
            // Highlights from a folder export get offsets in this library's anchor text of the body.
            if (result.article.curation?.highlights.length) reanchorArticle(db, id);
            stories?.index(id, result.article.storySketch ?? result.article.text, effectiveSource(result.article, folderSource)[0]);
            touchedIds.push(id);
            report.added++;
            // An added file without warnings is only counted: a big import would otherwise
            // carry 100,000 entries nobody reads over IPC and HTTP (see ImportReport.files).
            if (result.article.warnings.length > 0) report.files.push({ ...entry, status: 'added', ...warnings });
          }
          if (result.article.warnings.length > 0) report.warnings++;
        }
      })();

    // Keep parse requests in flight; write what has arrived, in order, in big transactions.
    const inFlight: Promise<ParsedFile[]>[] = [];
    let next = 0;
    let ready: ParsedFile[] = [];
    const writeBatch = options.writeBatch ?? WRITE_BATCH;
    const cancelled = () => options.signal?.aborted === true;
    while ((next < toParse.length || inFlight.length > 0) && !cancelled()) {
      while (inFlight.length < (options.inFlight ?? IN_FLIGHT) && next < toParse.length) {
        const end = batchEnd(toParse, next, batchSize);
        inFlight.push(stage.parse(toParse.slice(next, end)));
        next = end;
      }
      ready = ready.concat(await inFlight.shift()!);
      // When parsing keeps ahead of writing, every await above resolves at once and the loop
      // never leaves the microtask queue: a Cancel message would wait for the whole import.
      await yieldToEvents();
      if (cancelled()) break;
      if (ready.length < writeBatch && bytesOf(ready) < BATCH_BYTES && inFlight.length > 0) continue;
      apply(ready);
      staged += ready.length;
      if (stories && stories.stagedRows >= (options.storyRowsStaged ?? STORY_ROWS_STAGED)) stories.flush();
      if (staged >= INDEX_EVERY) {
        indexPending(db);
        staged = 0;
      }
      progress.filesDone += ready.length;
      progress.currentFile = ready[ready.length - 1]?.file.relPath ?? null;
      ready = [];
      emit();
    }
    if (cancelled()) {
      report.cancelled = true;
      break;
    }

    db.transaction(() => {
      for (const r of restored) {
        writer.markMissing(r.id, false);
        stories?.presenceChanged(r.id);
      }
      for (const [relPath, gone] of known) {
        report.missing++;
        report.files.push({ folder: scan.root, path: relPath, status: 'missing' });
        if (!gone.missing) {
          writer.markMissing(gone.id, true);
          stories?.presenceChanged(gone.id);
        }
      }
      markFolderImported(db, folderId, now);
    })();
    report.restored += restored.length;
  }

  progress.phase = 'finishing';
  emit();
  if (options.parseStage === undefined) await stage.close();
  indexPending(db);
  stories?.flush();
  if (report.added + report.updated >= OPTIMIZE_AFTER) writer.optimizeIndex();
  report.duplicates = findDuplicates(db, touchedIds);
  report.durationMs = Math.round(performance.now() - started);
  progress.phase = 'done';
  progress.currentFile = null;
  emit();
  return report;
}

/** Where the parse request starting at `from` ends: `count` files, or fewer when they are big. */
function batchEnd(files: ScannedFile[], from: number, count: number): number {
  let end = from + 1;
  let bytes = files[from]!.size;
  while (end < files.length && end - from < count && bytes + files[end]!.size <= BATCH_BYTES) bytes += files[end++]!.size;
  return end;
}

const yieldToEvents = (): Promise<void> => new Promise((resume) => setImmediate(resume));

const bytesOf = (parsed: ParsedFile[]): number => parsed.reduce((n, p) => n + p.file.size, 0);

/** Resolves a folder the person chose, or throws a FolderError saying what is wrong. */
export function checkFolder(folder: string): string {
  const abs = resolve(folder);
  const info = statSync(abs, { throwIfNoEntry: false });
  if (!info) throw new FolderError(`Folder not found: ${abs}`);
  if (!info.isDirectory()) throw new FolderError(`Not a folder: ${abs}`);
  return abs;
}

/** A report of nothing done yet (also what a job cancelled before it started reports). */
export function emptyReport(folders: string[]): ImportReport {
  return {
    folders,
    added: 0,
    updated: 0,
    restored: 0,
    unchanged: 0,
    missing: 0,
    failed: 0,
    skipped: 0,
    warnings: 0,
    cancelled: false,
    durationMs: 0,
    files: [],
    duplicates: [],
  };
}
