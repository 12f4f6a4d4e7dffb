import type { Db } from '../db/connection.js';
import { articleExists } from '../db/queries/articleIds.js';
import type { History } from '../curation/history.js';
import type { Applied } from '../curation/tags.js';
import { ServiceError } from '../errors.js';
import { resolveTarget } from '../curation/targets.js';
import { runSql } from '../query/runSql.js';
import type { LocalFiles } from '../local/localResources.js';
import { locate, quoteAt } from '../../../shared/highlights/anchor.js';
import type { Highlight, HighlightColor, HighlightListItem, TextAnchor } from '../../../shared/highlights.js';
import {
  deleteHighlight,
  highlightById,
  highlightsForArticle,
  insertHighlights,
  listHighlights,
  restoreHighlight,
  setHighlightStyle,
} from '../db/queries/highlights.js';
import { anchorText } from './anchorText.js';

export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';

/** Highlights' reads and undoable changes; each change is one step of the session's History. */
export class HighlightOps {
  constructor(
    private readonly db: Db,
    private readonly history: History,
    private readonly localFiles: LocalFiles,
  ) {}

  forArticle(articleId: number): Highlight[] {
    this.articleExists(articleId);
    return highlightsForArticle(this.db, articleId);
  }

  list(query: string | undefined, offset = 0, limit = 100): { items: HighlightListItem[]; total: number } {
    const text = query?.trim() ?? '';
    return runSql(() => listHighlights(this.db, text === '' ? null : resolveTarget(this.db, { query: text }), offset, limit));
  }

  /**
   * Marks the passage `anchor` quotes, placed in the article's current anchor text (the
   * renderer's offsets are a hint: the stored ones are where the quote really is).
   */
  add(articleId: number, anchor: TextAnchor, color: HighlightColor = DEFAULT_HIGHLIGHT_COLOR, note = ''): Applied & { highlight: Highlight } {
    const text = anchorText(this.db, articleId, this.localFiles);
    if (text === null) throw new ServiceError('not-found', `No article with id ${articleId}`);
    const place = locate(text, anchor);
    // Fuzzy placing is for bodies that changed since; a new highlight quotes the text as it is.
    if (!place || text.slice(place.start, place.end) !== anchor.exact) {
      throw new ServiceError('bad-request', `The quoted text is not in article ${articleId}: "${shorten(anchor.exact)}"`);
    }
    const placed = quoteAt(text, place.start, place.end);
    const highlight = this.db.transaction(() => {
      const [id] = insertHighlights(this.db, articleId, [{ ...placed, color, note: note.trim() }]);
      return highlightById(this.db, id!)!;
    })();
    const label = 'Highlight';
    this.history.record({
      label,
      undo: () => deleteHighlight(this.db, highlight.id),
      redo: () => restoreHighlight(this.db, highlight),
    });
    return { changed: 1, label, highlight };
  }

  update(id: number, changes: { color?: HighlightColor; note?: string }): Applied {
    const before = this.existing(id);
    const color = changes.color ?? before.color;
    const note = changes.note === undefined ? before.note : changes.note.trim();
    if (color === before.color && note === before.note) return { changed: 0, label: 'Edit highlight' };
    const now = new Date().toISOString();
    setHighlightStyle(this.db, id, color, note, now);
    const label = color !== before.color ? 'Recolour highlight' : note ? 'Edit highlight note' : 'Delete highlight note';
    this.history.record({
      label,
      undo: () => setHighlightStyle(this.db, id, before.color, before.note, before.updatedAt),
      redo: () => setHighlightStyle(this.db, id, color, note, now),
    });
    return { changed: 1, label };
  }

  delete(id: number): Applied {
    const before = this.existing(id);
    deleteHighlight(this.db, id);
    const label = 'Delete highlight';
    // Undo restores the row as it is now: if re-anchoring moved it meanwhile, the latest place.
    this.history.record({ label, undo: () => restoreHighlight(this.db, before), redo: () => deleteHighlight(this.db, id) });
    return { changed: 1, label };
  }

  private existing(id: number): Highlight {
    const found = highlightById(this.db, id);
    if (!found) throw new ServiceError('not-found', `No highlight with id ${id}`);
    return found;
  }

  private articleExists(id: number): void {
    if (!articleExists(this.db, id)) throw new ServiceError('not-found', `No article with id ${id}`);
  }
}

/** A quote on one line of a message. */
export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
