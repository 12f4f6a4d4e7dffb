import { useEffect, useRef, useState } from 'react';
import { MAX_HIGHLIGHT_NOTE } from '../../../../shared/highlights.js';

interface Props {
  initial: string;
  /** Resolves to an error message or null (then the editor closes). */
  onSave: (note: string) => Promise<string | null>;
  onCancel: () => void;
}

/** A highlight's note: Save or Ctrl/⌘+Enter keeps it, Escape or Cancel leaves it as it was. */
export function NoteEditor({ initial, onSave, onCancel }: Props) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const save = async () => {
    if (text.trim() === initial.trim()) return onCancel();
    setError(await onSave(text.trim()));
  };
  return (
    <form
      className="hl-note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <textarea
        ref={field}
        aria-label="Note on the highlight"
        placeholder="Add a note…"
        rows={3}
        maxLength={MAX_HIGHLIGHT_NOTE}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
      />
      {error && <p className="error-text small">{error}</p>}
      <div className="hl-note-buttons">
        <button type="submit" className="btn btn-small btn-primary">
          Save note
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
