import type { Db } from '../db/connection.js';
import type { HistoryState } from '../../../shared/types.js';

/** One undoable change: both directions re-apply recorded facts, never re-run a query. */
export interface Change {
  label: string;
  undo(): void;
  redo(): void;
}

/** At least the 50 steps people expect; beyond this the oldest steps drop off. */
export const HISTORY_LIMIT = 200;

/**
 * The session's undo and redo stacks for curation changes. Each step runs in one
 * transaction, so an undo is all or nothing. A new change clears the redo stack, as in
 * every editor.
 */
export class History {
  private readonly done: Change[] = [];
  private readonly undone: Change[] = [];

  constructor(private readonly db: Db) {}

  /** Applies a change already made by the caller (records it for undo). */
  record(change: Change): void {
    this.done.push(change);
    if (this.done.length > HISTORY_LIMIT) this.done.shift();
    this.undone.length = 0;
  }

  undo(): string | null {
    const change = this.done.pop();
    if (!change) return null;
    this.db.transaction(() => change.undo())();
    this.undone.push(change);
    return change.label;
  }

  redo(): string | null {
    const change = this.undone.pop();
    if (!change) return null;
    this.db.transaction(() => change.redo())();
    this.done.push(change);
    return change.label;
  }

  state(): HistoryState {
    return {
      canUndo: this.done.length > 0,
      canRedo: this.undone.length > 0,
      undoLabel: this.done.at(-1)?.label ?? null,
      redoLabel: this.undone.at(-1)?.label ?? null,
    };
  }
}
