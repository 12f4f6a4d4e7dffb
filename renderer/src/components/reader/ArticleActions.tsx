import type { ArticleDetail, ChangeResult, CollectionInfo, TagInfo } from '../../../../shared/types.js';
import { client } from '../../transport';
import { CollectionPicker } from '../collections/CollectionPicker';
import { Icon } from '../widgets/Icon';
import { Popover } from '../widgets/Popover';
import { TagAdder } from '../tags/TagAdder';

interface Props {
  detail: ArticleDetail;
  /** Runs a change through the app (toast, undo); resolves to an error message or null. */
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** Every tag, for suggestions while typing. */
  allTags: TagInfo[];
  collections: CollectionInfo[];
  noteOpen: boolean;
  onToggleNote: () => void;
  /** The id of the note panel the Note button opens. */
  noteId: string;
}

/**
 * Star, read state, a tag field, "Collect…" and Note for the open article, in the pane's
 * one toolbar row: the header keeps the chips, the article starts right under them.
 */
export function ArticleActions({ detail, change, allTags, collections, noteOpen, onToggleNote, noteId }: Props) {
  const target = { ids: [detail.id] };
  const holding = new Set(detail.collections.map((name) => name.toLowerCase()));
  const others = collections.filter((c) => !holding.has(c.name.toLowerCase()));
  const hasNote = (detail.note ?? '') !== '';
  return (
    <div className="article-actions" role="group" aria-label="Article actions">
      <button
        type="button"
        className={`btn btn-small star-toggle${detail.starred ? ' on' : ''}`}
        aria-pressed={detail.starred}
        title={detail.starred ? 'Unstar (s)' : 'Star (s)'}
        onClick={() => void change(() => client.articles.setStarred({ target, starred: !detail.starred }))}
      >
        <Icon name={detail.starred ? 'starFilled' : 'star'} size={14} />
        Star
      </button>
      <button
        type="button"
        className="btn btn-small"
        title={detail.read ? 'Mark as unread (m)' : 'Mark as read (m)'}
        onClick={() => void change(() => client.articles.setRead({ target, read: !detail.read }))}
      >
        {!detail.read && <Icon name="check" size={14} />}
        {detail.read ? 'Mark unread' : 'Mark read'}
      </button>
      <TagAdder key={detail.id} detail={detail} change={change} allTags={allTags} />
      <Popover
        align="left"
        label={
          <>
            <Icon name="collection" size={14} /> Collect…
          </>
        }
        buttonLabel="Collect…"
        buttonTitle="Add this article to a collection"
        buttonClassName="btn btn-small"
        title="Add to collection"
      >
        {(close) => <CollectionPicker collections={others} target={target} change={change} onDone={close} />}
      </Popover>
      <button
        type="button"
        className={`btn btn-small note-toggle${hasNote ? ' has-note' : ''}`}
        aria-expanded={noteOpen}
        aria-controls={noteOpen ? noteId : undefined}
        title={hasNote ? 'Your private note on this article' : 'Write a private note on this article'}
        onClick={onToggleNote}
      >
        <Icon name="note" size={14} />
        Note
      </button>
    </div>
  );
}
