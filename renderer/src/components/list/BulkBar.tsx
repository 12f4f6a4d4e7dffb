import { useState } from 'react';
import type { ChangeResult, CollectionInfo, TagInfo, Target } from '../../../../shared/types.js';
import type { MultiSelect } from './useMultiSelect';
import { formatCount } from '../../lib/format';
import { client } from '../../transport';
import { CollectionPicker } from '../collections/CollectionPicker';
import { Icon } from '../widgets/Icon';
import { Popover } from '../widgets/Popover';
import { TagPalette } from '../tags/TagPalette';
import { IncludeCopiesButton } from '../stories/IncludeCopiesButton';
import { SameStoryButton } from '../stories/SameStoryButton';

interface Props {
  multi: MultiSelect;
  /** Matches of the current query, for "Select all N". */
  total: number | null;
  tags: TagInfo[];
  collections: CollectionInfo[];
  /** The collection the list shows in its own order, if any: its articles can be removed from it. */
  collectionView: CollectionInfo | null;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** Shows a message (a failed action) in the toast. */
  notify: (text: string) => void;
  onExport: ((target: Target) => void) | null;
}

/**
 * What can be done to the multi-selection (or to every match, after "Select all"):
 * tag and untag through a palette, read/unread, star/unstar, add to a collection,
 * remove from the collection on screen, export. Each is one undoable step with a toast.
 */
export function BulkBar({ multi, total, tags, collections, collectionView, change, notify, onExport }: Props) {
  const [busy, setBusy] = useState(false);
  const target = multi.target();
  if (!target) return null;
  const run = async (action: () => Promise<ChangeResult>): Promise<string | null> => {
    setBusy(true);
    const message = await change(action);
    setBusy(false);
    if (message) notify(message);
    return message;
  };
  const noun = multi.count === 1 ? 'article' : 'articles';
  const picks = [...multi.ids];
  const pair: [number, number] | null = !multi.all && picks.length === 2 ? [picks[0]!, picks[1]!] : null;
  const canSelectAll = !multi.all && total !== null && total > multi.count;

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected articles" aria-busy={busy}>
      <p className="bulk-count" aria-live="polite">
        <strong>{formatCount(multi.count)}</strong> {multi.all ? `matching ${noun} selected` : `${noun} selected`}
      </p>
      {canSelectAll && (
        <button type="button" className="btn btn-small btn-ghost" onClick={multi.selectAll}>
          Select all {formatCount(total)}
        </button>
      )}
      <div className="bulk-actions">
        <Popover
          label={
            <>
              <Icon name="tag" size={14} /> Tag…
            </>
          }
          buttonLabel="Tag…"
          buttonTitle="Add a tag to the selected articles"
          align="left"
          buttonClassName="btn btn-small"
          title="Add a tag"
          disabled={busy}
        >
          {(close) => <TagPalette tags={tags} mode="add" onPick={(name) => change(() => client.tags.add({ name, target }))} onDone={close} />}
        </Popover>
        <Popover
          label="Untag…"
          buttonLabel="Untag…"
          buttonTitle="Remove a tag from the selected articles"
          align="left"
          buttonClassName="btn btn-small"
          title="Remove a tag"
          disabled={busy}
        >
          {(close) => <TagPalette tags={tags} mode="remove" onPick={(name) => change(() => client.tags.remove({ name, target }))} onDone={close} />}
        </Popover>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => void run(() => client.articles.setRead({ target, read: true }))}
        >
          <Icon name="check" size={14} /> Read
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => void run(() => client.articles.setRead({ target, read: false }))}
        >
          Unread
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => void run(() => client.articles.setStarred({ target, starred: true }))}
        >
          <Icon name="star" size={14} /> Star
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => void run(() => client.articles.setStarred({ target, starred: false }))}
        >
          Unstar
        </button>
        <Popover
          label={
            <>
              <Icon name="collection" size={14} /> Collect…
            </>
          }
          buttonLabel="Collect…"
          buttonTitle="Add the selected articles to a collection"
          align="left"
          buttonClassName="btn btn-small"
          title="Add to collection"
          disabled={busy}
        >
          {(close) => <CollectionPicker collections={collections} target={target} change={change} onDone={close} />}
        </Popover>
        {collectionView && (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void run(() => client.collections.remove({ id: collectionView.id, target })).then((m) => m || multi.clear())}
          >
            Remove from “{collectionView.name}”
          </button>
        )}
        {!multi.all && <IncludeCopiesButton ids={multi.ids} add={multi.add} notify={notify} />}
        {pair && <SameStoryButton pair={pair} disabled={busy} run={run} />}
        {onExport && (
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => onExport(target)}>
            <Icon name="download" size={14} /> Export…
          </button>
        )}
      </div>
      <button type="button" className="btn btn-ghost icon-btn" aria-label="Clear selection" title="Clear selection (Escape)" onClick={multi.clear}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
