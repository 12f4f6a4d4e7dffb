import { useId, useState } from 'react';
import type { ArticleDetail, ChangeResult, TagInfo } from '../../../../shared/types.js';
import { client } from '../../transport';

interface Props {
  detail: ArticleDetail;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** Every tag: the ones the article lacks are suggested while typing. */
  allTags: TagInfo[];
}

/** The "Add tag" field of the reading pane's toolbar, with suggestions; a refused name is explained under it. */
export function TagAdder({ detail, change, allTags }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const errorId = useId();
  const own = new Set(detail.tags);
  const suggestions = allTags.filter((t) => !own.has(t.name));

  const add = async () => {
    const name = text.trim();
    if (!name) return;
    const message = await change(() => client.tags.add({ name, target: { ids: [detail.id] } }));
    setError(message);
    if (!message) setText('');
  };
  return (
    <span className="tag-add">
      <input
        type="text"
        className="field field-small"
        aria-label="Add tag"
        placeholder="Add tag…"
        title="Add a tag (Enter)"
        list={listId}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void add();
          } else if (e.key === 'Escape' && text) {
            e.stopPropagation();
            setText('');
          }
        }}
      />
      <datalist id={listId}>
        {suggestions.map((t) => (
          <option key={t.id} value={t.name} />
        ))}
      </datalist>
      {error && (
        <span id={errorId} role="alert" className="error-text small tag-add-error">
          {error}
        </span>
      )}
    </span>
  );
}
