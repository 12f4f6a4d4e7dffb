import type { ImportState } from './useImportJob';
import { formatCount } from '../../lib/format';

const PHASES = { scanning: 'Looking for articles', importing: 'Importing', finishing: 'Finishing', done: 'Done' } as const;

/** Files done of total and a Cancel button while an import runs. */
export function ImportProgress({ running, onCancel }: { running: NonNullable<ImportState['running']>; onCancel: () => void }) {
  const { phase, filesDone, filesTotal } = running.progress;
  const known = phase === 'importing' && filesTotal > 0;
  const percent = known ? Math.round((filesDone / filesTotal) * 100) : 0;
  return (
    <div className="import-progress">
      <span>
        {PHASES[phase]}
        {phase === 'scanning' && filesTotal > 0 ? ` (${formatCount(filesTotal)} found)` : ''}
        {known ? ` ${formatCount(filesDone)} / ${formatCount(filesTotal)} files` : ''}
      </span>
      <div
        className={`progress${known ? '' : ' indeterminate'}`}
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={known ? filesTotal : undefined}
        aria-valuenow={known ? filesDone : undefined}
        aria-valuetext={known ? `${formatCount(filesDone)} of ${formatCount(filesTotal)} files` : PHASES[phase]}
      >
        <span style={known ? { width: `${percent}%` } : undefined} />
      </div>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
