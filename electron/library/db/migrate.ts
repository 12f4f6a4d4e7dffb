import type Database from 'better-sqlite3';
import { migrations, type Migration } from './migrations/index.js';

export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This library was written by a newer Gleaner (schema ${found}; this version knows up to ${supported}). ` +
        'Update Gleaner to open it; nothing was changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export const LATEST_VERSION = migrations[migrations.length - 1]?.version ?? 0;

/**
 * Applies every migration above the database's `user_version`, all in one transaction: a
 * step that fails rolls every step of this run back, so the file is left exactly as it was
 * (never half upgraded, never at a version between the two). `target` exists for migration
 * tests (migrate to N-10, insert rows, migrate to N); `steps` for testing a failing step.
 */
export function migrate(db: Database.Database, target = LATEST_VERSION, steps: readonly Migration[] = migrations): number {
  const latest = steps[steps.length - 1]?.version ?? 0;
  const pendingAt = (current: number): Migration[] => {
    if (current > latest) throw new NewerDatabaseError(current, latest);
    return steps.filter((step) => step.version > current && step.version <= target);
  };
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (pendingAt(version()).length > 0) {
    // Read again under the write lock: another process may have upgraded the file meanwhile.
    db.transaction(() => {
      for (const step of pendingAt(version())) {
        step.up(db);
        db.pragma(`user_version = ${step.version}`);
      }
    }).immediate();
  }
  return version();
}
