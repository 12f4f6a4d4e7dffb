import type { Highlight, HighlightColor } from '../../../../shared/highlights.js';
import { ColorChoice, Swatch } from './ColorChoice';
import { NoteEditor } from './NoteEditor';
import { Icon } from '../widgets/Icon';

interface Props {
  highlight: Highlight;
  editing: boolean;
  onEdit: (editing: boolean) => void;
  onGoTo: () => void;
  /** Each resolves to an error message or null; each is one undo step. */
  onRecolor: (color: HighlightColor) => Promise<string | null>;
  onNote: (note: string) => Promise<string | null>;
  onDelete: () => Promise<string | null>;
}

/**
 * One highlight in the article's list: its passage (click, Enter or Space to scroll there;
 * Delete to delete it), its note, and its colour, note and delete controls.
 */
export function HighlightItem({ highlight: h, editing, onEdit, onGoTo, onRecolor, onNote, onDelete }: Props) {
  return (
    <li className={`hl-item${h.detached ? ' hl-item-detached' : ''}`} data-highlight-id={h.id}>
      <button
        type="button"
        className="hl-passage"
        title={h.detached ? 'Detached: this text is no longer in the article' : 'Show in the article (Delete deletes it)'}
        aria-describedby={h.note ? `hl-note-${h.id}` : undefined}
        onClick={onGoTo}
        onKeyDown={(event) => {
          if (event.key === 'Delete' || event.key === 'Backspace') {
            event.preventDefault();
            void onDelete();
          }
        }}
      >
        <Swatch color={h.color} />
        <span className="hl-text">{h.exact}</span>
        {h.detached && <span className="hl-badge">detached</span>}
      </button>
      {h.note && !editing && (
        <p className="hl-note" id={`hl-note-${h.id}`}>
          {h.note}
        </p>
      )}
      {editing ? (
        <NoteEditor
          initial={h.note}
          onCancel={() => onEdit(false)}
          onSave={async (note) => {
            const error = await onNote(note);
            if (!error) onEdit(false);
            return error;
          }}
        />
      ) : (
        <div className="hl-actions">
          <ColorChoice value={h.color} onChange={(c) => void onRecolor(c)} label="Colour of the highlight" />
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-ghost btn-small icon-btn"
            aria-label={h.note ? 'Edit note' : 'Add note'}
            title={h.note ? 'Edit note' : 'Add note'}
            onClick={() => onEdit(true)}
          >
            <Icon name="note" size={14} />
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small icon-btn"
            aria-label="Delete highlight"
            title="Delete highlight (Delete)"
            onClick={() => void onDelete()}
          >
            <Icon name="trash" size={14} />
          </button>
        </div>
      )}
    </li>
  );
}
