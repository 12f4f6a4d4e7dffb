import type Database from 'better-sqlite3';
import { migrations } from './migrations/index.js';

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
 * Applies every migration above the database's `user_version`, each in its own
 * transaction so a failed step leaves the previous version intact. `target` exists
 * for migration tests (migrate to N-10, insert rows, migrate to N).
 */
export function migrate(db: Database.Database, target = LATEST_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) throw new NewerDatabaseError(current, LATEST_VERSION);
  for (const step of migrations) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
