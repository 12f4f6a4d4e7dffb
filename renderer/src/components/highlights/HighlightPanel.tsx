import type { Highlight, HighlightColor } from '../../../../shared/highlights.js';
import type { ChangeResult } from '../../../../shared/types.js';
import { client } from '../../transport';
import { Icon } from '../widgets/Icon';
import { HighlightItem } from './HighlightItem';

interface Props {
  open: boolean;
  onToggle: () => void;
  highlights: Highlight[];
  error: string | null;
  /** The highlight whose note is being written, if any. */
  editing: number | null;
  onEdit: (id: number | null) => void;
  /** Scrolls the frame to a highlight; false when it is not drawn there. */
  onGoTo: (id: number) => boolean;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** The colour last picked, which the next highlight takes. */
  onColorChosen: (color: HighlightColor) => void;
}

/**
 * The open article's highlights beside its body, in reading order; those whose text is no
 * longer in the article are listed apart as detached. Collapses to a narrow strip.
 */
export function HighlightPanel({ open, onToggle, highlights, error, editing, onEdit, onGoTo, change, onColorChosen }: Props) {
  const placed = highlights.filter((h) => !h.detached);
  const detached = highlights.filter((h) => h.detached);
  const item = (h: Highlight) => (
    <HighlightItem
      key={h.id}
      highlight={h}
      editing={editing === h.id}
      onEdit={(on) => onEdit(on ? h.id : null)}
      onGoTo={() => onGoTo(h.id)}
      onRecolor={(color) => {
        onColorChosen(color);
        return change(() => client.highlights.update({ id: h.id, color }));
      }}
      onNote={(note) => change(() => client.highlights.update({ id: h.id, note }))}
      onDelete={() => change(() => client.highlights.delete({ id: h.id }))}
    />
  );
  return (
    <aside className={`hl-panel${open ? '' : ' hl-panel-closed'}`} aria-label="Highlights in this article">
      <div className="hl-panel-head">
        <button
          type="button"
          className="btn btn-ghost btn-small hl-panel-toggle"
          aria-expanded={open}
          onClick={onToggle}
          title={open ? 'Hide the highlights' : 'Show the highlights'}
        >
          <Icon name="highlight" size={14} />
          {/* The name is the visible text ("Highlights 4"); closed, the word is only hidden from sight. */}
          <span className={open ? undefined : 'visually-hidden'}>Highlights</span> <span className="count">{highlights.length}</span>
        </button>
      </div>
      {open && (
        <div className="hl-panel-body">
          {error && <p className="error-text small">{error}</p>}
          {highlights.length === 0 ? (
            <p className="muted small hl-empty">
              Select text in the article, then press <kbd>h</kbd> or click Highlight.
            </p>
          ) : (
            <ul className="hl-list">{placed.map(item)}</ul>
          )}
          {detached.length > 0 && (
            <section className="hl-detached" aria-label="Detached highlights">
              <h3 className="hl-detached-title">Detached</h3>
              <p className="muted small">Their text is no longer in this article.</p>
              <ul className="hl-list">{detached.map(item)}</ul>
            </section>
          )}
        </div>
      )}
    </aside>
  );
}
