import { randomUUID } from 'node:crypto';
import type { ExportJob, LibraryEvent } from '../../../shared/api.js';
import type { ExportReport, ExportSource, SortOrder } from '../../../shared/types.js';
import type { Db } from '../db/connection.js';
import { idsMatching } from '../db/queries/articleIds.js';
import type { CollectionOps } from '../curation/collections.js';
import type { SavedSearchOps } from '../curation/savedSearches.js';
import { ServiceError } from '../errors.js';
import { JobRetention, type RetentionOptions } from '../jobRetention.js';
import { exportArticles } from './exportArticles.js';
import type { ExportRequest } from './types.js';
import { compileText, orderBy } from '../query/search.js';
import { formatField } from '../../../shared/query/format.js';

/** The ids an export source names, in the order they should be written. */
export function idsForSource(db: Db, source: ExportSource, ops: { collections: CollectionOps; saved: SavedSearchOps }): number[] {
  // The list's own orders; relevance has no meaning without a page of matches: newest first.
  const byQuery = (query: string, sort: SortOrder = 'date-desc') => {
    const compiled = compileText(query);
    return idsMatching(db, compiled, orderBy(compiled, sort));
  };
  if ('ids' in source) return source.ids;
  if ('collectionId' in source) return ops.collections.articleIds(source.collectionId);
  if ('savedSearchId' in source) {
    const saved = ops.saved.get(source.savedSearchId);
    return byQuery(saved.query, saved.sort);
  }
  if ('tag' in source) return byQuery(formatField('tag', source.tag));
  if ('query' in source) return byQuery(source.query, source.sort);
  return byQuery('');
}

/**
 * Exports run in the background with progress and cancel. The export itself streams
 * (chunks of 200 articles, awaited writes), so the event loop keeps serving meanwhile.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, { job: ExportJob; controller: AbortController }>();

  /** Finished jobs are dropped after a while (jobRetention.ts). */
  private readonly retention: JobRetention;

  constructor(
    private readonly db: Db,
    private readonly emit: (event: LibraryEvent) => void,
    retention: Partial<RetentionOptions> = {},
  ) {
    this.retention = new JobRetention((jobId) => this.jobs.delete(jobId), retention);
  }

  start(request: ExportRequest): string {
    if (request.ids.length === 0) throw new ServiceError('not-found', 'Nothing to export: no article matches');
    const jobId = randomUUID();
    const controller = new AbortController();
    const job: ExportJob = { jobId, state: 'running', done: 0, total: request.ids.length, report: null, error: null };
    this.jobs.set(jobId, { job, controller });
    let last = 0;
    exportArticles(this.db, request, {
      signal: controller.signal,
      onProgress: (done, total) => {
        job.done = done;
        job.total = total;
        const now = Date.now();
        if (now - last > 100 || done === total) {
          last = now;
          this.emit({ type: 'export-progress', jobId, done, total });
        }
      },
    }).then(
      (report: ExportReport) => this.finish(job, 'done', report, null),
      (error: Error & { code?: string }) => this.finish(job, error.code === 'cancelled' ? 'cancelled' : 'failed', null, error.message),
    );
    return jobId;
  }

  cancel(jobId: string): boolean {
    const entry = this.jobs.get(jobId);
    if (!entry || entry.job.state !== 'running') return false;
    entry.controller.abort();
    return true;
  }

  /** A job's state; a finished one is forgotten a while after it ended or was read (`not-found` then). */
  status(jobId: string): ExportJob {
    this.retention.read(jobId);
    const entry = this.jobs.get(jobId);
    if (!entry) throw new ServiceError('not-found', `No export job ${jobId}`);
    return { ...entry.job };
  }

  private finish(job: ExportJob, state: ExportJob['state'], report: ExportReport | null, error: string | null): void {
    job.state = state;
    job.report = report;
    job.error = error;
    this.emit({ type: 'export-finished', job: { ...job } });
    this.retention.ended(job.jobId);
  }
}
