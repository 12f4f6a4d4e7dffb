/**
 * Browser mode's export downloads: the one HTTP route beside the contract (the why is in
 * electron/web/downloads.ts). Named here so the page and the host cannot drift apart.
 */
import type { ArgsOf } from './api.js';

/** POST here (token as Bearer) to start; GET `${DOWNLOADS_PATH}/<id>?token=…` fetches the file. */
export const DOWNLOADS_PATH = 'api/downloads';

/** What `exports.start` takes, less the target: the host picks it, the page never names a path. */
export type DownloadArgs = Omit<ArgsOf<'exports', 'start'>, 'out' | 'overwrite'>;

export interface DownloadStarted {
  /** The export job: progress and the end arrive as `export-progress` / `export-finished`. */
  jobId: string;
  articles: number;
  /** The name the browser saves the file under. */
  fileName: string;
  /** Relative address of the file once the job is done (add the token). */
  url: string;
}
