/**
 * Export entry point: ordered article ids in, one file or folder out, all or nothing.
 *
 * The target is checked first (clear errors naming the path), everything is written to a
 * temporary sibling, and only a complete export is renamed into place; a failure or an
 * abort removes the temporary. Articles stream from SQLite in chunks of CHUNK_SIZE.
 */
import { resolve, sep } from 'node:path';
import type { Db } from '../db/connection.js';
import { FORMATS } from './formats/index.js';
import { ImageEmbedder } from './imageEmbedder.js';
import { ArticleSource, CHUNK_SIZE } from './source.js';
import { ioError, prepareTarget } from './target.js';
import { EXPORT_FORMATS, ExportError, type ExportOptions, type ExportReport, type ExportRequest } from './types.js';
import type { ExportContext } from './formatModule.js';

export const DEFAULT_TITLE = 'Gleaner export';
/**
 * The formats whose descriptor says `embedsImages`, in words (formatDescriptors.test.ts checks
 * that it names exactly those): kept as written, since the warning's wording is what people see.
 */
export const IMAGE_FORMATS_IN_WORDS = 'the HTML digest, the Markdown digest, EPUB and the Obsidian vault';

function checkRequest(request: ExportRequest): void {
  if (!EXPORT_FORMATS.includes(request.format)) {
    throw new ExportError('bad-request', `Unknown export format "${String(request.format)}"; use one of ${EXPORT_FORMATS.join(', ')}`);
  }
  if (!Array.isArray(request.ids) || !request.ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new ExportError('bad-request', 'Article ids must be positive whole numbers');
  }
  if (typeof request.out !== 'string') throw new ExportError('bad-request', 'The export target must be a path');
}

function slices(ids: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK_SIZE) out.push(ids.slice(i, i + CHUNK_SIZE));
  return out;
}

/**
 * Exports articles, in the order of `request.ids`, to `request.out`.
 *
 * Rejects with an ExportError: `bad-request` (unknown format, bad ids, nothing to export),
 * `not-found` (the target's folder does not exist), `exists` (the target exists and may not
 * be replaced), `cancelled` (the signal aborted), `io` (the disk said no). In every case
 * nothing is left at the target. Unknown ids are skipped with a warning.
 */
export async function exportArticles(db: Db, request: ExportRequest, options: ExportOptions = {}): Promise<ExportReport> {
  checkRequest(request);
  const module = FORMATS[request.format];
  const { signal, onProgress } = options;
  const cancelled = () => new ExportError('cancelled', `The export to ${resolve(request.out)} was cancelled; nothing was written`);
  if (signal?.aborted) throw cancelled();

  const warnings: string[] = [];
  const source = new ArticleSource(db);
  const { ids, unknown, repeated } = source.existing(request.ids);
  if (ids.length === 0) throw new ExportError('bad-request', 'There are no articles to export (none of the ids exists)');
  if (unknown.length > 0) {
    warnings.push(`${unknown.length} article id(s) not found and skipped: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}`);
  }
  if (repeated > 0) warnings.push(`${repeated} repeated article id(s) were exported once`);
  const { descriptor } = module;
  const wantsImages = request.embedLocalImages === true || request.fetchRemoteImages === true;
  if (wantsImages && !descriptor.embedsImages) {
    warnings.push(`images are embedded only in ${IMAGE_FORMATS_IN_WORDS}; the ${request.format} export keeps bodies as written`);
  }
  // Only built when asked for: without it no code path reads the image cache or the network.
  const images = wantsImages && descriptor.embedsImages ? new ImageEmbedder(db, { fetch: request.fetchRemoteImages === true, signal }) : null;

  const folderCount = source.folderCount(ids);
  const target = await prepareTarget(request.out, descriptor.writes, request.overwrite ?? false);
  if (descriptor.importable) {
    const folders = db.prepare('SELECT path FROM folders').pluck().all() as string[];
    const inside = folders.find((f) => target.out.startsWith(f.endsWith(sep) ? f : f + sep));
    if (inside)
      warnings.push(`the export is inside the imported folder ${inside}; importing that folder again will add the exported files as articles`);
  }

  let done = 0;
  const total = ids.length;
  const context: ExportContext = {
    request,
    dest: target.temp,
    total,
    folderCount,
    exportedAt: new Date().toISOString(),
    title: request.title?.trim() || DEFAULT_TITLE,
    *chunks() {
      for (const slice of slices(ids)) {
        if (signal?.aborted) throw cancelled();
        yield source.chunk(slice);
      }
    },
    *heads() {
      for (const slice of slices(ids)) yield source.headChunk(slice);
    },
    done() {
      done++;
      if (done % CHUNK_SIZE === 0 && done < total) onProgress?.(done, total);
      if (signal?.aborted) throw cancelled();
    },
    warn: (message) => void warnings.push(message),
    images,
  };

  try {
    onProgress?.(0, total);
    const written = await module.write(context);
    if (signal?.aborted) throw cancelled();
    if (images) warnings.push(...images.warnings());
    warnings.push(...(await target.commit()));
    onProgress?.(done, total);
    return { format: request.format, out: target.out, articles: done, files: written.files, bytes: written.bytes, warnings };
  } catch (error) {
    await target.abort();
    throw error instanceof ExportError ? error : ioError(target.out, error);
  }
}
