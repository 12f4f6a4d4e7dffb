import type { SortOrder } from '../../../../shared/types.js';
import { formatCount } from '../../lib/format';
import { Icon } from '../widgets/Icon';
import { OnePerStoryToggle } from '../stories/OnePerStoryToggle';

const SORT_LABELS: Record<SortOrder, string> = {
  'date-desc': 'Newest first',
  'date-asc': 'Oldest first',
  title: 'Title',
  source: 'Source',
  relevance: 'Relevance',
  collection: 'Collection order',
};

interface Props {
  total: number | null;
  pending: boolean;
  sort: SortOrder;
  canRank: boolean;
  /** The query has a top-level collection: filter, so its own order can be followed. */
  canFollowCollection: boolean;
  onSort: (sort: SortOrder) => void;
  statsOpen: boolean;
  onToggleStats: () => void;
  /** Selects every match, for a bulk action on all of them. */
  onSelectAll: () => void;
  /** Opens the export dialog (absent: no Export… button). */
  onExport?: () => void;
  /** One row per story (the setting, or `-is:copy` in the query). */
  onePerStory: boolean;
  onToggleOnePerStory: () => void;
}

/** The count of matches (always on screen), the sort order and the statistics toggle. */
export function ListHeader({
  total,
  pending,
  sort,
  canRank,
  canFollowCollection,
  onSort,
  statsOpen,
  onToggleStats,
  onSelectAll,
  onExport,
  onePerStory,
  onToggleOnePerStory,
}: Props) {
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
      <select
        className="field sort"
        aria-label="Sort by"
        title={canRank ? undefined : 'Relevance needs words in the search'}
        value={sort}
        onChange={(e) => onSort(e.target.value as SortOrder)}
      >
        {(Object.keys(SORT_LABELS) as SortOrder[]).map((s) => (
          <option key={s} value={s} disabled={(s === 'relevance' && !canRank) || (s === 'collection' && !canFollowCollection)}>
            {SORT_LABELS[s]}
          </option>
        ))}
      </select>
      <OnePerStoryToggle on={onePerStory} onToggle={onToggleOnePerStory} />
      <button
        type="button"
        className="btn btn-ghost icon-btn"
        aria-label="Select all"
        title="Select every matching article, to tag, star or collect them all (Ctrl+A)"
        disabled={!total}
        onClick={onSelectAll}
      >
        <Icon name="checks" />
      </button>
      <button
        type="button"
        className="btn btn-ghost icon-btn"
        aria-label="Statistics"
        title="Statistics for these results"
        aria-pressed={statsOpen}
        onClick={onToggleStats}
      >
        <Icon name="chart" />
      </button>
      {onExport && (
        <button type="button" className="btn btn-ghost icon-btn" aria-label="Export…" title="Export these or other articles…" onClick={onExport}>
          <Icon name="export" />
        </button>
      )}
    </div>
  );
}
