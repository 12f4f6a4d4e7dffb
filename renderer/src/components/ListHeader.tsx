import type { SortOrder } from '../../../shared/types.js';
import { formatCount } from '../lib/format';
import { Icon } from './Icon';

const SORT_LABELS: Record<SortOrder, string> = {
  'date-desc': 'Newest first',
  'date-asc': 'Oldest first',
  title: 'Title',
  source: 'Source',
  relevance: 'Relevance',
};

interface Props {
  total: number | null;
  pending: boolean;
  sort: SortOrder;
  canRank: boolean;
  onSort: (sort: SortOrder) => void;
  statsOpen: boolean;
  onToggleStats: () => void;
}

/** The count of matches (always on screen), the sort order and the statistics toggle. */
export function ListHeader({ total, pending, sort, canRank, onSort, statsOpen, onToggleStats }: Props) {
  return (
    <div className="list-header">
      <p className="result-count" aria-live="polite" aria-atomic="true" data-testid="result-count">
        {total === null ? (
          'Loading…'
        ) : (
          <span>
            <strong>{formatCount(total)}</strong> {total === 1 ? 'article' : 'articles'}
          </span>
        )}
        {pending && total !== null && <span className="spinner" aria-hidden="true" />}
      </p>
      <select className="field sort" aria-label="Sort by" title={canRank ? undefined : 'Relevance needs words in the search'} value={sort} onChange={(e) => onSort(e.target.value as SortOrder)}>
        {(Object.keys(SORT_LABELS) as SortOrder[]).map((s) => (
          <option key={s} value={s} disabled={s === 'relevance' && !canRank}>
            {SORT_LABELS[s]}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-ghost icon-btn" aria-label="Statistics" title="Statistics for these results" aria-pressed={statsOpen} onClick={onToggleStats}>
        <Icon name="chart" />
      </button>
    </div>
  );
}
