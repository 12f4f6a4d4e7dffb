import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportJob } from '../../../../shared/api.js';
import type { ImportProgress, ImportReport } from '../../../../shared/types.js';
import { client } from '../../transport';

/** Events can be missed (a reconnecting event stream); status polling makes sure the end is seen. */
const POLL_MS = 1000;

export interface ImportState {
  running: { jobId: string; folder: string; progress: ImportProgress } | null;
  /** The last finished import, until the person dismisses its report. */
  finished: { folder: string; report: ImportReport | null; error: string | null; cancelled: boolean } | null;
  /** Why the last start was refused (e.g. the folder does not exist). */
  startError: string | null;
  /** Imports `folder`; in the desktop app `grant` is what names it to the main process (a chosen folder's grant). */
  start: (folder: string, grant?: string) => Promise<boolean>;
  cancel: () => void;
  dismiss: () => void;
}

export function useImportJob(onLibraryChanged: () => void): ImportState {
  const [running, setRunning] = useState<ImportState['running']>(null);
  const [finished, setFinished] = useState<ImportState['finished']>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const jobRef = useRef<{ jobId: string; folder: string } | null>(null);
  const changed = useRef(onLibraryChanged);
  changed.current = onLibraryChanged;

  const finish = useCallback((job: ImportJob) => {
    const current = jobRef.current;
    if (!current || current.jobId !== job.jobId) return;
    jobRef.current = null;
    setRunning(null);
    setFinished({ folder: current.folder, report: job.report, error: job.error, cancelled: job.state === 'cancelled' });
    changed.current();
  }, []);

  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type === 'import-progress' && event.jobId === jobRef.current?.jobId) {
          const { jobId, folder } = jobRef.current;
          setRunning({ jobId, folder, progress: event.progress });
        } else if (event.type === 'import-finished') finish(event.job);
        else if (event.type === 'library-changed' && !jobRef.current) changed.current();
      }),
    [finish],
  );

  const jobId = running?.jobId;
  useEffect(() => {
    if (!jobId) return;
    const timer = window.setInterval(() => {
      client.imports.status({ jobId }).then(
        (job) => {
          if (job.state === 'running') setRunning((r) => (r && r.jobId === jobId ? { ...r, progress: job.progress } : r));
          else finish(job);
        },
        () => {},
      );
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [jobId, finish]);

  const start = useCallback(async (folder: string, grant?: string) => {
    setStartError(null);
    try {
      const { jobId: id } = await client.imports.start({ folders: [grant ?? folder] });
      jobRef.current = { jobId: id, folder };
      setFinished(null);
      setRunning({ jobId: id, folder, progress: { phase: 'scanning', filesDone: 0, filesTotal: 0, currentFile: null } });
      return true;
    } catch (error) {
      setStartError((error as Error).message);
      return false;
    }
  }, []);

  const cancel = useCallback(() => {
    const id = jobRef.current?.jobId;
    if (id) void client.imports.cancel({ jobId: id }).catch(() => {});
  }, []);

  const dismiss = useCallback(() => setFinished(null), []);
  return { running, finished, startError, start, cancel, dismiss };
}
