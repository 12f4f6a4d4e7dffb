import { resolve } from 'node:path';
import type { LibraryApi, LibraryEvent } from '../../shared/api.js';
import { EXPORT_FORMATS, type ExportFormat, type ExportReport, type ExportSource } from '../../shared/types.js';
import { formatsWhere } from '../library/export/formats/index.js';
import { UsageError } from './usage.js';

export interface ExportCliOptions {
  format?: string;
  out?: string;
  ids?: string;
  collection?: string;
  saved?: string;
  tag?: string;
  title?: string;
  overwrite?: boolean;
  /** Embed images from the local image cache (the formats whose descriptor says embedsImages). */
  'embed-images'?: boolean;
  /** Also download images the cache lacks (contacts the sites that host them). */
  'fetch-images'?: boolean;
}

/** Which articles: --ids, --collection, --saved, --tag, or the query words (all when none). */
async function sourceOf(api: LibraryApi, words: string[], o: ExportCliOptions): Promise<ExportSource> {
  if (o.ids) return { ids: o.ids.split(',').map((s) => Number(s.trim())) };
  if (o.collection) {
    const found = (await api.collections.list({})).find((c) => c.name.toLowerCase() === o.collection!.toLowerCase());
    if (!found) throw new UsageError(`there is no collection "${o.collection}"`);
    return { collectionId: found.id };
  }
  if (o.saved) {
    const found = (await api.saved.list({})).find((s) => s.name.toLowerCase() === o.saved!.toLowerCase());
    if (!found) throw new UsageError(`there is no saved search "${o.saved}"`);
    return { savedSearchId: found.id };
  }
  if (o.tag) return { tag: o.tag };
  return words.length ? { query: words.join(' ') } : { all: true };
}

/**
 * `gleaner export`: runs an export job through the service and waits for it, printing
 * progress on a terminal; Ctrl+C cancels it, leaving nothing at the target.
 */
export async function exportCommand(
  api: LibraryApi,
  onEvent: (listener: (event: LibraryEvent) => void) => () => void,
  words: string[],
  options: ExportCliOptions,
  progress: (done: number, total: number) => void,
): Promise<ExportReport> {
  if (!options.format || !EXPORT_FORMATS.includes(options.format as ExportFormat)) {
    throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
  }
  if (!options.out) throw new UsageError(`export needs --out PATH (a file, or a folder for --format ${formatsWhere((d) => d.writes === 'folder').join(' or ')})`);
  const source = await sourceOf(api, words, options);
  let jobId = '';
  const finished = new Promise<ExportReport>((resolveDone, reject) => {
    const off = onEvent((event) => {
      if (event.type === 'export-progress' && event.jobId === jobId) progress(event.done, event.total);
      if (event.type === 'export-finished' && event.job.jobId === jobId) {
        off();
        if (event.job.report) resolveDone(event.job.report);
        else reject(new Error(event.job.error ?? `export ${event.job.state}`));
      }
    });
  });
  ({ jobId } = await api.exports.start({
    source,
    format: options.format as ExportFormat,
    out: resolve(options.out),
    overwrite: options.overwrite,
    title: options.title,
    // Absent unless asked for, so a plain export sends exactly what it always did.
    ...(options['embed-images'] || options['fetch-images'] ? { embedLocalImages: true } : {}),
    ...(options['fetch-images'] ? { fetchRemoteImages: true } : {}),
  }));
  const cancel = () => void api.exports.cancel({ jobId });
  process.once('SIGINT', cancel);
  try {
    return await finished;
  } finally {
    process.off('SIGINT', cancel);
  }
}
