import { useEffect, useId, useState } from 'react';
import type { ArticleDetail, ChangeResult, CollectionInfo, TagInfo } from '../../../shared/types.js';
import { client } from '../transport';
import { ArticleCollections } from './ArticleCollections';
import { Icon } from './Icon';

interface Props {
  detail: ArticleDetail;
  /** Runs a change through the app (toast, undo); resolves to an error message or null. */
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** Every tag, for suggestions while typing. */
  allTags: TagInfo[];
  collections: CollectionInfo[];
}

/** Star, read state, tags and the private note of the open article. */
export function ArticleCuration({ detail, change, allTags, collections }: Props) {
  const id = detail.id;
  const target = { ids: [id] };
  const [tagText, setTagText] = useState('');
  const [tagError, setTagError] = useState<string | null>(null);
  const [note, setNote] = useState(detail.note ?? '');
  const [noteError, setNoteError] = useState<string | null>(null);
  const listId = useId();
  const noteId = useId();
  const errorId = useId();

  // Another article, or the note changed elsewhere (undo): show the stored note.
  useEffect(() => setNote(detail.note ?? ''), [id, detail.note]);
  useEffect(() => {
    setTagText('');
    setTagError(null);
    setNoteError(null);
  }, [id]);

  const addTag = async () => {
    const name = tagText.trim();
    if (!name) return;
    const error = await change(() => client.tags.add({ name, target }));
    setTagError(error);
    if (!error) setTagText('');
  };
  const saveNote = async () => {
    if (note === (detail.note ?? '')) return;
    setNoteError(await change(() => client.articles.setNote({ id, note })));
  };
  const own = new Set(detail.tags);
  const suggestions = allTags.filter((t) => !own.has(t.name));

  return (
    <div className="curation">
      <div className="curation-actions">
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
      </div>
      <ul className="tag-editor" aria-label="Tags">
        {detail.tagOrigins.map((tag) => (
          <li key={tag.name} className="tag-chip tag-chip-edit" title={tag.origin === 'file' ? 'From the file' : 'Added by you'}>
            <span>{tag.name}</span>
            <button
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${tag.name}`}
              onClick={() => void change(() => client.tags.remove({ name: tag.name, target })).then(setTagError)}
            >
              <Icon name="close" size={10} />
            </button>
          </li>
        ))}
        <li className="tag-add">
          <input
            type="text"
            className="field field-small"
            aria-label="Add tag"
            placeholder="Add tag…"
            list={listId}
            value={tagText}
            aria-invalid={tagError !== null}
            aria-describedby={tagError ? errorId : undefined}
            onChange={(e) => {
              setTagText(e.target.value);
              setTagError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void addTag();
              } else if (e.key === 'Escape' && tagText) {
                e.stopPropagation();
                setTagText('');
              }
            }}
          />
          <datalist id={listId}>
            {suggestions.map((t) => (
              <option key={t.id} value={t.name} />
            ))}
          </datalist>
        </li>
      </ul>
      {tagError && (
        <p id={errorId} className="error-text small curation-error">
          {tagError}
        </p>
      )}
      <ArticleCollections detail={detail} change={change} collections={collections} />
      <label className="note-label" htmlFor={noteId}>
        Private note
      </label>
      <textarea
        id={noteId}
        className="field note"
        rows={2}
        placeholder="Only you see this; saved when you leave the field"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => void saveNote()}
      />
      {noteError && <p className="error-text small curation-error">{noteError}</p>}
    </div>
  );
}
