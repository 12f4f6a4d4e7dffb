import type { ImportState } from './useImportJob';
import { formatCount, plural } from '../../lib/format';
import { Dialog } from '../widgets/Dialog';

type Finished = NonNullable<ImportState['finished']>;

/** What an import did: counts, then every failed or skipped file with the reason, in words. */
export function ImportReportDialog({ finished, onClose }: { finished: Finished; onClose: () => void }) {
  const { report, error, cancelled, folder } = finished;
  const title = error ? 'Import failed' : cancelled ? 'Import cancelled' : 'Import finished';
  const failed = report?.files.filter((f) => f.status === 'failed') ?? [];
  const skipped = report?.files.filter((f) => f.status === 'skipped') ?? [];
  const counts: [string, number][] = report
    ? [
        ['Added', report.added],
        ['Updated', report.updated],
        ['Unchanged', report.unchanged],
        ['Missing', report.missing],
        ['Failed', report.failed],
        ...(report.restored ? ([['Restored', report.restored]] as [string, number][]) : []),
        ...(report.skipped ? ([['Skipped', report.skipped]] as [string, number][]) : []),
      ]
    : [];
  return (
    <Dialog
      title={title}
      onClose={onClose}
      className="report-dialog"
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
          Done
        </button>
      }
    >
      <p className="report-folder" title={folder}>
        {folder}
      </p>
      {error && <p className="error-text">{error}</p>}
      {report && (
        <>
          <dl className="report-counts">
            {counts.map(([label, n]) => (
              <div key={label} className={label === 'Failed' && n > 0 ? 'bad' : undefined}>
                <dt>{label}</dt>
                <dd>{formatCount(n)}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small">
            Took {(report.durationMs / 1000).toFixed(1)} s
            {report.warnings > 0 ? ` · ${plural(report.warnings, 'article')} imported with warnings` : ''}
            {report.duplicates.length > 0 ? ` · ${plural(report.duplicates.length, 'likely duplicate group')} (kept apart)` : ''}
          </p>
          {failed.length > 0 && (
            <section aria-labelledby="report-failed">
              <h3 id="report-failed">Files that could not be imported</h3>
              <ul className="report-files">
                {failed.map((f) => (
                  <li key={f.folder + f.path}>
                    <code>{f.path}</code>
                    <span>{f.reason ?? 'No reason given'}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {skipped.length > 0 && (
            <details>
              <summary>{plural(skipped.length, 'file')} skipped</summary>
              <ul className="report-files">
                {skipped.map((f) => (
                  <li key={f.folder + f.path}>
                    <code>{f.path}</code>
                    <span>{f.reason ?? ''}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </Dialog>
  );
}
