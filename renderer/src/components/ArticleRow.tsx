import { memo } from 'react';
import { MARK_START, type ArticleListItem } from '../../../shared/types.js';
import { formatDate } from '../lib/format';
import { Icon } from './Icon';
import { Snippet } from './Snippet';

interface Props {
  index: number;
  top: number;
  total: number;
  item: ArticleListItem | undefined;
  selected: boolean;
  onPick: (index: number) => void;
}

/** Chips that fit beside source and date in a narrow list; the rest are counted. */
const MAX_TAGS = 2;

export const rowId = (index: number): string => `article-option-${index}`;

/**
 * One row of the list, absolutely placed by the virtualizer. Its accessible
 * name is the title alone: named from content with the other lines hidden from
 * the name and attached as its description (an aria-labelledby would make axe
 * flag visible text missing from the name). Rows not fetched yet render as
 * quiet placeholders of the same height.
 */
export const ArticleRow = memo(function ArticleRow({ index, top, total, item, selected, onPick }: Props) {
  const style = { transform: `translateY(${top}px)` };
  if (!item) {
    return (
      <div id={rowId(index)} role="option" aria-selected={selected} aria-label="Loading…" aria-setsize={total} aria-posinset={index + 1} className="row placeholder" style={style}>
        <span className="skeleton title" />
        <span className="skeleton meta" />
        <span className="skeleton line" />
      </div>
    );
  }
  const date = formatDate(item.date);
  return (
    <div
      id={rowId(index)}
      role="option"
      aria-selected={selected}
      aria-describedby={`${rowId(index)}-meta ${rowId(index)}-summary`}
      aria-setsize={total}
      aria-posinset={index + 1}
      data-article-id={item.id}
      className={`row${selected ? ' selected' : ''}${item.missing ? ' missing' : ''}${item.read ? '' : ' unread'}`}
      style={style}
      onMouseDown={(e) => {
        // Select on press, like desktop lists; the list keeps keyboard focus.
        if (e.button === 0) onPick(index);
      }}
    >
      <div className="row-title">
        {item.starred && (
          <span className="row-star" aria-hidden="true">
            <Icon name="starFilled" size={12} />
          </span>
        )}
        {item.title || 'Untitled'}
      </div>
      {/* Hidden from the name (the title alone names the row) but read as its description. */}
      <div className="row-meta" id={`${rowId(index)}-meta`} aria-hidden="true">
        {!item.read && <span className="visually-hidden">Unread, </span>}
        {item.starred && <span className="visually-hidden">Starred, </span>}
        <span className="row-source">{item.source ?? 'No source'}</span>
        {date && (
          <time className="row-date" dateTime={item.date ?? undefined}>
            {date}
          </time>
        )}
        {item.draft && <span className="badge">Draft</span>}
        {item.missing && <span className="badge warn">File missing</span>}
        {item.tags.length > 0 && (
          <span className="row-tags">
            {item.tags.slice(0, MAX_TAGS).map((tag) => (
              <span key={tag} className="tag-chip">
                {tag}
              </span>
            ))}
            {item.tags.length > MAX_TAGS && <span className="tag-chip more">+{item.tags.length - MAX_TAGS}</span>}
          </span>
        )}
      </div>
      {/* A snippet without marks means the words matched elsewhere (the title): the summary says more. */}
      <div className="row-summary" id={`${rowId(index)}-summary`} aria-hidden="true">{item.snippet?.includes(MARK_START) ? <Snippet text={item.snippet} /> : (item.summary ?? item.snippet)}</div>
    </div>
  );
});
