import type { Db } from '../db/connection.js';
import { ServiceError } from '../errors.js';
import type { Target } from '../../../shared/types.js';
import type { History } from './history.js';
import type { Applied } from './tags.js';
import { plural, resolveTarget } from './targets.js';

export const MAX_NOTE_LENGTH = 4000;

type Column = 'read_at' | 'starred';

/** Read state, stars and notes. Bulk changes are undoable; opening an article is not a "change". */
export class StateOps {
  constructor(
    private readonly db: Db,
    private readonly history: History,
  ) {}

  setRead(target: Target, read: boolean): Applied {
    const value = read ? new Date().toISOString() : null;
    // A change of state, not of timestamp: re-marking a read article read changes nothing.
    return this.setColumn('read_at', target, value, read ? 'read_at IS NULL' : 'read_at IS NOT NULL', `Mark ${read ? 'read' : 'unread'}`);
  }

  setStarred(target: Target, starred: boolean): Applied {
    return this.setColumn('starred', target, starred ? 1 : 0, `starred != ${starred ? 1 : 0}`, starred ? 'Star' : 'Unstar');
  }

  /** Opening an article marks it read, quietly: no undo step for simply reading. */
  markOpened(id: number): boolean {
    return this.db.prepare('UPDATE articles SET read_at = ? WHERE id = ? AND read_at IS NULL').run(new Date().toISOString(), id).changes > 0;
  }

  setNote(id: number, raw: string): Applied {
    const note = raw.trim() === '' ? null : raw.trim();
    if (note && note.length > MAX_NOTE_LENGTH) {
      throw new ServiceError('bad-request', `A note can have at most ${MAX_NOTE_LENGTH} characters (this one has ${note.length})`);
    }
    const before = this.db.prepare('SELECT note FROM articles WHERE id = ?').get(id) as { note: string | null } | undefined;
    if (!before) throw new ServiceError('not-found', `No article with id ${id}`);
    const set = (value: string | null) => this.db.prepare('UPDATE articles SET note = ? WHERE id = ?').run(value, id);
    set(note);
    const label = note ? 'Edit note' : 'Delete note';
    this.history.record({ label, undo: () => set(before.note), redo: () => set(note) });
    return { changed: 1, label };
  }

  /** Sets one column on the target and remembers each article's previous value for undo. */
  private setColumn(column: Column, target: Target, value: string | number | null, changes: string, verb: string): Applied {
    return this.db.transaction(() => {
      const ids = resolveTarget(this.db, target);
      // Only rows whose value really changes: undo must not touch the others.
      const before = this.db
        .prepare(`SELECT id, ${column} FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND ${changes}`)
        .raw()
        .all(JSON.stringify(ids)) as [number, string | number | null][];
      const apply = () =>
        this.db
          .prepare(`UPDATE articles SET ${column} = ? WHERE id IN (SELECT value FROM json_each(?))`)
          .run(value, JSON.stringify(before.map(([id]) => id)));
      apply();
      const label = `${verb} ${plural(before.length, 'article')}`;
      this.history.record({
        label,
        undo: () =>
          this.db
            .prepare(`UPDATE articles SET ${column} = value ->> 1 FROM json_each(?) WHERE articles.id = value ->> 0`)
            .run(JSON.stringify(before)),
        redo: apply,
      });
      return { changed: before.length, label };
    })();
  }
}
