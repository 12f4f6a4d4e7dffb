import type { Db } from '../db/connection.js';
import {
  articleNote,
  markRead,
  restoreState,
  setArticleNote,
  setState,
  stateChanges,
  type StateColumn,
  type StateValue,
} from '../db/queries/articleState.js';
import { ServiceError } from '../errors.js';
import type { Target } from '../../../shared/types.js';
import type { History } from './history.js';
import type { Applied } from './tags.js';
import { plural, resolveTarget } from './targets.js';

export const MAX_NOTE_LENGTH = 4000;

/** Read state, stars and notes. Bulk changes are undoable; opening an article is not a "change". */
export class StateOps {
  constructor(
    private readonly db: Db,
    private readonly history: History,
  ) {}

  setRead(target: Target, read: boolean): Applied {
    const value = read ? new Date().toISOString() : null;
    return this.setColumn('read_at', target, value, `Mark ${read ? 'read' : 'unread'}`);
  }

  setStarred(target: Target, starred: boolean): Applied {
    return this.setColumn('starred', target, starred ? 1 : 0, starred ? 'Star' : 'Unstar');
  }

  /** Opening an article marks it read, quietly: no undo step for simply reading. */
  markOpened(id: number): boolean {
    return markRead(this.db, id, new Date().toISOString());
  }

  setNote(id: number, raw: string): Applied {
    const note = raw.trim() === '' ? null : raw.trim();
    if (note && note.length > MAX_NOTE_LENGTH) {
      throw new ServiceError('bad-request', `A note can have at most ${MAX_NOTE_LENGTH} characters (this one has ${note.length})`);
    }
    const before = articleNote(this.db, id);
    if (!before) throw new ServiceError('not-found', `No article with id ${id}`);
    const set = (value: string | null) => setArticleNote(this.db, id, value);
    set(note);
    const label = note ? 'Edit note' : 'Delete note';
    this.history.record({ label, undo: () => set(before.note), redo: () => set(note) });
    return { changed: 1, label };
  }

  /** Sets one column on the target and remembers each article's previous value for undo. */
  private setColumn(column: StateColumn, target: Target, value: StateValue, verb: string): Applied {
    return this.db.transaction(() => {
      const ids = resolveTarget(this.db, target);
      // Only rows whose value really changes: undo must not touch the others.
      const before = stateChanges(this.db, column, ids, value);
      const apply = () =>
        setState(
          this.db,
          column,
          before.map(([id]) => id),
          value,
        );
      apply();
      const label = `${verb} ${plural(before.length, 'article')}`;
      this.history.record({
        label,
        undo: () => restoreState(this.db, column, before),
        redo: apply,
      });
      return { changed: before.length, label };
    })();
  }
}
