import { useId, useState } from 'react';
import type { TagInfo } from '../../../../shared/types.js';
import { formatCount } from '../../lib/format';

interface Props {
  tags: TagInfo[];
  /** Adding offers to create a tag that does not exist yet; removing only lists existing ones. */
  mode: 'add' | 'remove';
  /** Applies the tag; resolves to an error message for people, or null when done. */
  onPick: (name: string) => Promise<string | null>;
  /** After a successful pick. */
  onDone: () => void;
}

/** Matches shown at once; typing narrows them. */
const MAX_MATCHES = 8;

/**
 * Type-ahead over the library's tags: a combobox whose options follow the typed
 * text (↑/↓ and Enter, or a click). When adding, text that names no tag yet
 * becomes a "Create" option, so new tags are made on the fly.
 */
export function TagPalette({ tags, mode, onPick, onDone }: Props) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const errorId = useId();

  const typed = text.trim();
  const lower = typed.toLowerCase();
  const matches = tags.filter((t) => t.name.toLowerCase().includes(lower)).slice(0, MAX_MATCHES);
  const exact = tags.some((t) => t.name.toLowerCase() === lower);
  const options: { name: string; label: string; count: number | null }[] = matches.map((t) => ({ name: t.name, label: t.name, count: t.count }));
  if (mode === 'add' && typed && !exact) options.unshift({ name: typed, label: `Create “${typed}”`, count: null });
  const current = Math.min(active, options.length - 1);

  const pick = async (name: string) => {
    setBusy(true);
    const message = await onPick(name);
    setBusy(false);
    setError(message);
    if (!message) {
      setText('');
      setActive(0);
      onDone();
    }
  };

  return (
    <div className="tag-palette">
      <input
        type="text"
        className="field field-small"
        role="combobox"
        aria-label={mode === 'add' ? 'Tag to add' : 'Tag to remove'}
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options.length > 0 ? `${listId}-${current}` : undefined}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        placeholder={mode === 'add' ? 'Find or create a tag…' : 'Find a tag…'}
        data-autofocus
        value={text}
        disabled={busy}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((current + step + options.length) % Math.max(1, options.length));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const option = options[current];
            if (option) void pick(option.name);
          }
        }}
      />
      <ul id={listId} role="listbox" className="tag-palette-options" aria-label={mode === 'add' ? 'Tags' : 'Tags to remove'}>
        {options.map((option, i) => (
          <li
            key={option.label}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            className={`tag-palette-option${i === current ? ' active' : ''}`}
            onMouseDown={(e) => e.preventDefault() /* keep focus in the field */}
            onClick={() => void pick(option.name)}
          >
            <span className="tag-palette-name">{option.label}</span>
            {option.count !== null && <span className="count">{formatCount(option.count)}</span>}
          </li>
        ))}
      </ul>
      {options.length === 0 && <p className="tag-palette-empty">{tags.length === 0 ? 'No tags yet' : 'No tag matches'}</p>}
      {error && (
        <p id={errorId} className="error-text small">
          {error}
        </p>
      )}
    </div>
  );
}
