import { resolve } from 'node:path';
import type { GleanerClient, LibraryApi } from '../../shared/api.js';
import { ClientError } from '../../shared/client.js';
import { EXPORT_FORMATS, type ExportFormat, type ExportReport, type ExportSource } from '../../shared/types.js';
import { formatsWhere } from '../library/export/formats/index.js';
import { runJob } from './transport.js';
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
  /** Embed images from the local image cache (html, epub, md). */
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
 * Refusals of the target, checked on disk as the export starts (it exists, its folder is
 * missing, it holds other files): exit 1, not bad usage. A source that matches nothing is
 * `not-found` (exit 2), like an unknown tag elsewhere.
 */
const TARGET_REFUSALS = new Set<string>(['conflict', 'folder', 'bad-request']);

/**
 * `gleaner export`: runs an export job through the service and waits for it, printing
 * progress on a terminal; Ctrl+C cancels it, leaving nothing at the target.
 */
export async function exportCommand(
  client: GleanerClient,
  words: string[],
  options: ExportCliOptions,
  progress: (done: number, total: number) => void,
): Promise<ExportReport> {
  if (!options.format || !EXPORT_FORMATS.includes(options.format as ExportFormat)) {
    throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
  }
  if (!options.out)
    throw new UsageError(`export needs --out PATH (a file, or a folder for --format ${formatsWhere((d) => d.writes === 'folder').join(' or ')})`);
  const source = await sourceOf(client, words, options);
  const start = () =>
    client.exports
      .start({
        source,
        format: options.format as ExportFormat,
        out: resolve(options.out!),
        overwrite: options.overwrite,
        title: options.title,
        // Absent unless asked for, so a plain export sends exactly what it always did.
        ...(options['embed-images'] || options['fetch-images'] ? { embedLocalImages: true } : {}),
        ...(options['fetch-images'] ? { fetchRemoteImages: true } : {}),
      })
      .catch((error: unknown) => {
        throw error instanceof ClientError && TARGET_REFUSALS.has(error.code) ? new Error(error.message) : error;
      });
  return runJob(
    client,
    'export',
    start,
    (event) => event.type === 'export-progress' && progress(event.done, event.total),
    (jobId) => client.exports.cancel({ jobId }),
  );
}
