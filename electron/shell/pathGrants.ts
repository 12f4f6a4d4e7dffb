import { randomBytes } from 'node:crypto';
import type { PathGrant } from '../../shared/shell.js';

/** How many grants are remembered; the oldest go first (a window session chooses far fewer). */
const MAX_GRANTS = 500;

/**
 * The desktop app's trust boundary for paths. Import folders and export targets come only
 * from the person's own choice: a system dialog, a drop, the command line, a second launch,
 * the Dock. The main process keeps each chosen path and hands the page an opaque grant for
 * it; over IPC `imports.start` and `exports.start` accept grants only (ipc.ts resolves them),
 * so a page that runs someone else's script still cannot name /etc or ~/.bashrc.
 *
 * Paths the main process itself offers (`offer`: the bundled samples) the page may name as
 * they are.
 */
export class PathGrants {
  private readonly grants = new Map<string, string>();
  private readonly fixed = new Set<string>();

  /** A path the main process itself offers (the bundled samples): the page may name it as it is. */
  offer(path: string | null): void {
    if (path !== null) this.fixed.add(path);
  }

  /** A grant for a path the person chose. */
  grant(path: string): PathGrant {
    const grant = `grant:${randomBytes(18).toString('base64url')}`;
    this.grants.set(grant, path);
    if (this.grants.size > MAX_GRANTS) this.grants.delete(this.grants.keys().next().value!);
    return { path, grant };
  }

  /** The path a grant stands for (or a fixed path itself); null for anything else. */
  resolve(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    return this.grants.get(value) ?? (this.fixed.has(value) ? value : null);
  }
}
