import type { ExportPhase } from './useExportJob';
import { formatCount, plural } from '../../lib/format';
import { Icon } from '../widgets/Icon';

const KB = 1024;
const size = (bytes: number) => (bytes < KB * KB ? `${Math.max(1, Math.round(bytes / KB))} KB` : `${(bytes / KB / KB).toFixed(1)} MB`);

/** The export dialog after "Export": "Replace?", progress with done/total, or how it ended. */
export function ExportResult({ state, formatLabel }: { state: ExportPhase; formatLabel: string }) {
  switch (state.phase) {
    case 'confirm':
      return (
        <div className="export-outcome">
          <p className="notice export-notice" role="alert">
            <Icon name="warning" />
            <span>{state.message}</span>
          </p>
          <p>
            Replace it with this export? The old {state.plan.args.format === 'folder' ? 'folder' : 'file'} is deleted once the new one is complete.
          </p>
        </div>
      );
    case 'running': {
      const percent = state.total > 0 ? Math.round((state.done / state.total) * 100) : 0;
      return (
        <div className="export-outcome">
          <p>
            Exporting {plural(state.total, 'article')} <span className="muted">({formatLabel})</span>…
          </p>
          <div
            className="progress export-progress"
            role="progressbar"
            aria-label="Export progress"
            aria-valuemin={0}
            aria-valuemax={state.total}
            aria-valuenow={state.done}
            aria-valuetext={`${formatCount(state.done)} of ${formatCount(state.total)} articles`}
          >
            <span style={{ width: `${percent}%` }} />
          </div>
          <p className="muted small export-tally" data-testid="export-tally">
            {formatCount(state.done)} of {formatCount(state.total)} articles
          </p>
        </div>
      );
    }
    case 'done': {
      const { report, fileName } = state;
      return (
        <div className="export-outcome" role="status">
          <p className="export-headline">
            <Icon name="check" />
            Exported {plural(report.articles, 'article')}
          </p>
          <p className="export-where">
            {fileName ? 'Downloading as ' : report.format === 'folder' ? 'Into the folder ' : 'To '}
            <code data-testid="export-target">{fileName ?? report.out}</code>
            {fileName ? ' to your browser’s downloads' : ''}
          </p>
          <p className="muted small">
            {plural(report.files, 'file')} · {size(report.bytes)}
          </p>
          {report.warnings.length > 0 && (
            <ul className="export-warnings" aria-label="Warnings">
              {report.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      );
    }
    case 'cancelled':
      return (
        <div className="export-outcome" role="status">
          <p className="export-headline">Export cancelled</p>
          <p className="muted">Nothing was written.</p>
        </div>
      );
    case 'failed':
      return (
        <div className="export-outcome">
          <p className="export-error" role="alert">
            <Icon name="warning" />
            <span>{state.message}</span>
          </p>
          <p className="muted small">Nothing was left at the target.</p>
        </div>
      );
    default:
      return null;
  }
}
