import { memo, useRef } from 'react';
import { MARK_START, type ArticleListItem } from '../../../../shared/types.js';
import { formatAuthors, formatDate } from '../../lib/format';
import { carriesArticles } from '../../lib/dragPayload';
import { Icon } from '../widgets/Icon';
import { Snippet } from './Snippet';
import { RowCopies } from '../stories/RowCopies';

interface Props {
  index: number;
  top: number;
  total: number;
  item: ArticleListItem | undefined;
  /** The current row (keyboard cursor; the reading pane shows it). */
  selected: boolean;
  /** In the multi-selection; null when there is none (the current row is then the selection). */
  picked: boolean | null;
  onPick: (index: number, how: PickHow) => void;
  /** Rows can be dragged onto collections (and within a collection's own order). */
  drag: RowDrag | null;
  /** The row's height from the virtualizer: rows without a line of text are shorter. */
  height: number;
  /** "N copies" opens the article with its Copies panel. */
  onShowCopies: ((index: number) => void) | null;
}

/** How a row was clicked: plainly (open it), with Shift (extend) or Ctrl/Cmd (toggle). */
export type PickHow = 'open' | 'extend' | 'toggle';

export interface RowDrag {
  start: (index: number, data: DataTransfer) => void;
  /** Only while the list shows a collection in its own order. */
  drop: ((index: number, after: boolean, data: DataTransfer) => void) | null;
}

/** Chips that fit beside source and date in a narrow list; the rest are counted. */
const MAX_TAGS = 2;

export const rowId = (index: number): string => `article-option-${index}`;

/** The line under the title: matched words, else the summary, else the first words of the body. */
const textOf = (item: ArticleListItem): string | null => item.summary ?? item.excerpt ?? item.snippet;

/** Whether a row has a line of text under its title (rows without one are drawn shorter). */
export const hasRowText = (item: ArticleListItem): boolean => textOf(item) !== null || (item.snippet?.includes(MARK_START) ?? false);

/**
 * One row of the list, absolutely placed by the virtualizer. Its accessible
 * name is the title alone: named from content with the other lines hidden from
 * the name and attached as its description (an aria-labelledby would make axe
 * flag visible text missing from the name). Rows not fetched yet render as
 * quiet placeholders of the same height.
 */
export const ArticleRow = memo(function ArticleRow({ index, top, total, item, selected, picked, onPick, drag, height, onShowCopies }: Props) {
  const style = { transform: `translateY(${top}px)`, height };
  // A plain press on a picked row waits for the click: it may start dragging the whole selection.
  const deferred = useRef(false);
  const isSelected = picked ?? selected;
  if (!item) {
    return (
      <div
        id={rowId(index)}
        role="option"
        aria-selected={isSelected}
        aria-label="Loading…"
        aria-setsize={total}
        aria-posinset={index + 1}
        className="row placeholder"
        style={style}
      >
        <span className="skeleton title" />
        <span className="skeleton meta" />
        <span className="skeleton line" />
      </div>
    );
  }
  const date = formatDate(item.date);
  const text = hasRowText(item);
  return (
    <div
      id={rowId(index)}
      role="option"
      aria-selected={isSelected}
      aria-describedby={text ? `${rowId(index)}-meta ${rowId(index)}-summary` : `${rowId(index)}-meta`}
      aria-setsize={total}
      aria-posinset={index + 1}
      data-article-id={item.id}
      className={`row${selected ? ' selected' : ''}${picked ? ' picked' : ''}${item.missing ? ' missing' : ''}${item.read ? '' : ' unread'}`}
      style={style}
      draggable={drag !== null}
      onMouseDown={(e) => {
        // Select on press, like desktop lists; the list keeps keyboard focus.
        if (e.button !== 0) return;
        deferred.current = false;
        if (e.shiftKey || e.ctrlKey || e.metaKey) {
          e.preventDefault(); // no text selection, no drag
          onPick(index, e.shiftKey ? 'extend' : 'toggle');
        } else if (picked) deferred.current = true;
        else onPick(index, 'open');
      }}
      onClick={() => {
        if (deferred.current) onPick(index, 'open');
        deferred.current = false;
      }}
      onDragStart={(e) => {
        deferred.current = false;
        drag?.start(index, e.dataTransfer);
      }}
      onDragOver={(e) => {
        if (!drag?.drop || !carriesArticles(e.dataTransfer)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        const box = e.currentTarget.getBoundingClientRect();
        const after = e.clientY > box.top + box.height / 2;
        e.currentTarget.dataset.drop = after ? 'after' : 'before';
      }}
      onDragLeave={(e) => delete e.currentTarget.dataset.drop}
      onDrop={(e) => {
        const where = e.currentTarget.dataset.drop;
        delete e.currentTarget.dataset.drop;
        if (!drag?.drop || !where) return;
        e.preventDefault();
        drag.drop(index, where === 'after', e.dataTransfer);
      }}
    >
      {picked && (
        <span className="row-check" aria-hidden="true">
          <Icon name="check" size={12} />
        </span>
      )}
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
        {item.authors.length > 0 && (
          <span className="row-authors" title={formatAuthors(item.authors)}>
            {/* The count stays when the name is cut short. */}
            <span className="row-author">{item.authors[0]}</span>
            {item.authors.length > 1 && <span className="row-author-more">&nbsp;+{item.authors.length - 1}</span>}
          </span>
        )}
        <span className="row-source">{item.source ?? 'No source'}</span>
        {date && (
          <time className="row-date" dateTime={item.date ?? undefined}>
            {date}
          </time>
        )}
        {item.storyCopies > 0 && <RowCopies item={item} onShowCopies={onShowCopies && (() => onShowCopies(index))} />}
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
      {text && (
        <div className="row-summary" id={`${rowId(index)}-summary`} aria-hidden="true">
          {item.snippet?.includes(MARK_START) ? <Snippet text={item.snippet} /> : textOf(item)}
        </div>
      )}
    </div>
  );
});
