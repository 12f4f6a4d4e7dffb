import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, ExportJob } from '../../../../shared/api.js';
import { ClientError } from '../../../../shared/client.js';
import type { DownloadArgs } from '../../../../shared/downloads.js';
import type { ExportReport } from '../../../../shared/types.js';
import { client, webDownloads } from '../../transport';

/** Events can be missed (a reconnecting event stream); status polling makes sure the end is seen. */
const POLL_MS = 1000;

/** Where an export goes: a path on this computer, or (browser mode) a download. */
export type ExportPlan = { kind: 'path'; args: ArgsOf<'exports', 'start'> } | { kind: 'download'; args: DownloadArgs };

export type ExportPhase =
  | { phase: 'idle' }
  | { phase: 'starting' }
  /** The target exists: the person chooses whether to replace it. */
  | { phase: 'confirm'; message: string; plan: ExportPlan & { kind: 'path' } }
  | { phase: 'running'; jobId: string; done: number; total: number }
  /** `fileName` for a download (report.out is then the host's temporary path, of no use to show). */
  | { phase: 'done'; report: ExportReport; fileName: string | null }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export interface ExportJobState {
  state: ExportPhase;
  run: (plan: ExportPlan) => void;
  /** Answers "Replace?" with yes: runs the same export again, allowed to overwrite. */
  replace: () => void;
  cancel: () => void;
  /** Back to the form (after an end, or "don't replace"). */
  reset: () => void;
}

/** Hands a finished download to the browser, as a click on a link would. */
function save(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/** One export at a time: start, progress from events, cancel, the end, and "Replace?". */
export function useExportJob(): ExportJobState {
  const [state, setState] = useState<ExportPhase>({ phase: 'idle' });
  const job = useRef<{ jobId: string; download: { href: string; fileName: string } | null } | null>(null);

  const finish = useCallback((ended: ExportJob) => {
    const current = job.current;
    if (!current || current.jobId !== ended.jobId || ended.state === 'running') return;
    job.current = null;
    if (ended.state === 'done' && ended.report) {
      if (current.download) save(current.download.href, current.download.fileName);
      setState({ phase: 'done', report: ended.report, fileName: current.download?.fileName ?? null });
    } else if (ended.state === 'cancelled') setState({ phase: 'cancelled' });
    else setState({ phase: 'failed', message: ended.error ?? 'The export failed' });
  }, []);

  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type === 'export-progress' && event.jobId === job.current?.jobId) {
          const { done, total } = event;
          setState((s) => (s.phase === 'running' && s.jobId === event.jobId ? { ...s, done, total } : s));
        } else if (event.type === 'export-finished') finish(event.job);
      }),
    [finish],
  );

  const runningId = state.phase === 'running' ? state.jobId : null;
  useEffect(() => {
    if (!runningId) return;
    const check = () =>
      client.exports.status({ jobId: runningId }).then(
        (status) =>
          status.state === 'running'
            ? setState((s) => (s.phase === 'running' && s.jobId === runningId ? { ...s, done: status.done, total: status.total } : s))
            : finish(status),
        () => undefined,
      );
    // A small export can end before its start was answered; its event then named a job not yet known.
    void check();
    const timer = window.setInterval(() => void check(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [runningId, finish]);

  const pending = useRef<ExportPlan | null>(null);
  const run = useCallback(async (plan: ExportPlan) => {
    pending.current = plan;
    setState({ phase: 'starting' });
    try {
      let started: { jobId: string; articles: number };
      if (plan.kind === 'download') {
        if (!webDownloads) throw new Error('Downloads exist only in browser mode');
        const d = await webDownloads.start(plan.args);
        job.current = { jobId: d.jobId, download: { href: webDownloads.href(d), fileName: d.fileName } };
        started = d;
      } else {
        started = await client.exports.start(plan.args);
        job.current = { jobId: started.jobId, download: null };
      }
      setState({ phase: 'running', jobId: started.jobId, done: 0, total: started.articles });
    } catch (error) {
      if (plan.kind === 'path' && error instanceof ClientError && error.code === 'conflict' && !plan.args.overwrite) {
        setState({ phase: 'confirm', message: error.message, plan });
      } else setState({ phase: 'failed', message: (error as Error).message });
    }
  }, []);

  const replace = useCallback(() => {
    const plan = pending.current;
    if (plan?.kind === 'path') void run({ kind: 'path', args: { ...plan.args, overwrite: true } });
  }, [run]);

  const cancel = useCallback(() => {
    const id = job.current?.jobId;
    if (id) void client.exports.cancel({ jobId: id }).catch(() => undefined);
  }, []);

  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  // Closing the dialog mid-export stops it: nobody would be left to see it end or to save a download.
  useEffect(() => cancel, [cancel]);

  return { state, run: (plan) => void run(plan), replace, cancel, reset };
}
