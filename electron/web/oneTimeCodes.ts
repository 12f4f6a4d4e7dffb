import { randomBytes } from 'node:crypto';
import { tokenMatches } from './security.js';

/** How long a code opened in the browser stays good: enough for a browser to start. */
export const CODE_TTL_MS = 60_000;

export interface OneTimeCodes {
  /** A new code, good once until `ttlMs` from now. */
  issue(): string;
  /** Whether `code` is a live one; a match uses it up. */
  redeem(code: unknown): boolean;
}

/**
 * Codes the browser-mode host trades for its token (shared/session.ts): random, good for one
 * trade, and only for a short while, so one read from a process list is worth nothing later.
 */
export function createOneTimeCodes(ttlMs = CODE_TTL_MS, now: () => number = Date.now): OneTimeCodes {
  const live = new Map<string, number>();
  const dropExpired = () => {
    for (const [code, expires] of live) if (expires <= now()) live.delete(code);
  };
  return {
    issue() {
      dropExpired();
      const code = randomBytes(18).toString('base64url');
      live.set(code, now() + ttlMs);
      return code;
    },
    redeem(code) {
      dropExpired();
      if (typeof code !== 'string') return false;
      for (const candidate of live.keys()) {
        if (tokenMatches(code, candidate)) {
          live.delete(candidate);
          return true;
        }
      }
      return false;
    },
  };
}
