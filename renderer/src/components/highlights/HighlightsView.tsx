import type { ReactNode } from 'react';
import type { HighlightListItem } from '../../../../shared/highlights.js';
import { formatDate, plural } from '../../lib/format';
import { HIGHLIGHT_COLOR_NAMES } from '../../lib/highlightPalette';
import { ViewPane } from '../widgets/ViewPane';
import { useHighlightList } from './useHighlightList';

interface Props {
  /** The search as it stands: only the highlights of matching articles are listed. */
  query: string;
  /** Opens the article at the passage. */
  onOpen: (item: HighlightListItem) => void;
  onClose: () => void;
  tools: ReactNode;
}

/** Every highlight in the library (of the articles matching the search), newest first, each with its article. */
export function HighlightsView({ query, onOpen, onClose, tools }: Props) {
  const list = useHighlightList(query);
  const filtered = query.trim() !== '';
  return (
    <ViewPane
      title="Highlights"
      className="hl-view"
      summary={list.total !== null ? `${plural(list.total, 'highlight')}${filtered ? ' in the matching articles' : ''}` : ''}
      onClose={onClose}
      tools={tools}
    >
      <div className="hl-view-body">
        {list.error && <p className="error-text">The highlights could not be listed: {list.error}</p>}
        {list.total === 0 && (
          <p className="muted">
            {filtered
              ? 'No highlights in the articles that match the search.'
              : 'No highlights yet. Select text in an article and press h to highlight it.'}
          </p>
        )}
        <ul className="hl-view-list">
          {list.items.map((item) => (
            <li key={item.id}>
              <button type="button" className="hl-view-item" onClick={() => onOpen(item)}>
                <span className="hl-view-article">{item.articleTitle}</span>
                <span className="hl-view-meta">
                  {[item.articleSource, item.articleDate && formatDate(item.articleDate)].filter(Boolean).join(' · ')}
                  {item.detached && ' · detached'}
                </span>
                <span className="hl-view-passage">
                  <span className="visually-hidden">{HIGHLIGHT_COLOR_NAMES[item.color]} highlight: </span>
                  <span className={`hl-view-quote hl-bg-${item.color}`}>{item.exact}</span>
                </span>
                {item.note && <span className="hl-view-note">{item.note}</span>}
              </button>
            </li>
          ))}
        </ul>
        {list.total !== null && list.items.length < list.total && (
          <button type="button" className="btn btn-small" onClick={list.loadMore}>
            Show more
          </button>
        )}
      </div>
    </ViewPane>
  );
}
