import { useEffect, useState } from 'react';
import type { ArticleDetail, ChangeResult } from '../../../../shared/types.js';
import { client } from '../../transport';

interface Props {
  id: string;
  detail: ArticleDetail;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** Opened from the Note button: the field takes focus. */
  focus: boolean;
}

/** The private note of the open article; saved when the field is left. */
export function ArticleNote({ id, detail, change, focus }: Props) {
  const [note, setNote] = useState(detail.note ?? '');
  const [error, setError] = useState<string | null>(null);
  // The note changed elsewhere (undo): show the stored one.
  useEffect(() => setNote(detail.note ?? ''), [detail.note]);
  const save = async () => {
    if (note === (detail.note ?? '')) return;
    setError(await change(() => client.articles.setNote({ id: detail.id, note })));
  };
  return (
    <div className="article-note" id={id}>
      <label className="note-label" htmlFor={`${id}-field`}>
        Private note
      </label>
      <textarea
        id={`${id}-field`}
        className="field note"
        rows={2}
        autoFocus={focus}
        placeholder="Only you see this; saved when you leave the field"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => void save()}
      />
      {error && <p className="error-text small curation-error">{error}</p>}
    </div>
  );
}
