/**
 * The CLI as the third thin transport beside Electron IPC and HTTP: the service the app and
 * browser mode run, reached through the same dispatch (arguments validated by
 * shared/schemas.ts, answers and errors in envelopes) and the same client builder as the
 * renderer. Commands get the client; none reads or writes the library itself.
 */
import type { ExportJob, GleanerClient, ImportJob, LibraryEvent } from '../../shared/api.js';
import { buildClient } from '../../shared/client.js';
import { dispatch } from '../library/dispatch.js';
import { anchorText } from '../library/highlights/anchorText.js';
import { createLibraryService, type ServiceOptions } from '../library/service.js';

export interface CliLibrary {
  client: GleanerClient;
  /**
   * The text highlight offsets count in, for `highlight add` to find a quote in (no contract
   * call returns it: the reading pane reads it from its frame); `highlights.add` checks the
   * quote against it again.
   */
  anchorText(articleId: number): string | null;
}

/** Opens the library for one command and closes it after, whatever happens. */
export async function withLibrary<T>(options: ServiceOptions, run: (library: CliLibrary) => Promise<T>): Promise<T> {
  const service = createLibraryService(options);
  try {
    return await run({
      client: buildClient({ call: (domain, method, args) => dispatch(service.api, domain, method, args), on: service.onEvent }),
      anchorText: (id) => anchorText(service.db, id),
    });
  } finally {
    service.close();
  }
}

interface Jobs {
  import: ImportJob;
  export: ExportJob;
}

/**
 * Starts an import or export job and resolves with its report once it ends, passing its
 * progress events on; a failed job rejects with its reason. With `cancel`, Ctrl+C cancels
 * the job (an export then leaves nothing at its target) instead of ending the process.
 */
export async function runJob<K extends keyof Jobs>(
  client: GleanerClient,
  kind: K,
  start: () => Promise<{ jobId: string }>,
  onProgress: (event: LibraryEvent) => void,
  cancel?: (jobId: string) => unknown,
): Promise<NonNullable<Jobs[K]['report']>> {
  let jobId: string | null = null;
  const ended = new Map<string, Jobs[K]>(); // a job may end before its id is known here
  let settle: (job: Jobs[K]) => void = () => undefined;
  const off = client.onEvent((event) => {
    if (event.type === `${kind}-progress` && 'jobId' in event && event.jobId === jobId) onProgress(event);
    if (event.type === `${kind}-finished` && 'job' in event) {
      const job = event.job as Jobs[K];
      if (job.jobId === jobId) settle(job);
      else ended.set(job.jobId, job);
    }
  });
  const onInterrupt = () => jobId !== null && void cancel?.(jobId);
  try {
    jobId = (await start()).jobId;
    if (cancel) process.once('SIGINT', onInterrupt);
    const job = ended.get(jobId) ?? (await new Promise<Jobs[K]>((resolve) => (settle = resolve)));
    if (job.report) return job.report as NonNullable<Jobs[K]['report']>;
    throw new Error(job.error ?? `${kind} ${job.state}`);
  } finally {
    off();
    process.off('SIGINT', onInterrupt);
  }
}
