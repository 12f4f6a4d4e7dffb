/**
 * The contract's calls as plain names: every `domain:method` a transport carries. Plain on
 * purpose: the preload (sandboxed, bundled on its own) refuses any other call with it, and
 * the renderer builds its client from it, so neither carries the zod schemas, which stay in
 * the main process and the browser host, where arguments are validated (shared/schemas.ts).
 *
 * Both tables are checked against `LibraryApi` at compile time (here below, and by the
 * schemas' `satisfies`), and tests/shared/channels.test.ts keeps their names equal.
 */
import type { Domain, MethodOf } from './api.js';

export const CONTRACT = {
  articles: ['search', 'count', 'facets', 'counts', 'get', 'preview', 'setRemoteImagesForSource', 'setRead', 'setStarred', 'markOpened', 'setNote'],
  imports: ['start', 'cancel', 'status'],
  library: ['stats', 'folders', 'counts', 'samplesFolder', 'setFolderWatched', 'setFolderSource'],
  tags: ['list', 'add', 'remove', 'rename', 'merge', 'recolor', 'delete'],
  collections: ['list', 'articleIds', 'create', 'rename', 'delete', 'add', 'remove', 'move'],
  saved: ['list', 'create', 'update', 'delete'],
  exports: ['formats', 'start', 'cancel', 'status'],
  highlights: ['forArticle', 'list', 'add', 'update', 'delete'],
  stories: ['members', 'compare', 'list', 'split', 'merge'],
  history: ['undo', 'redo', 'state'],
} as const satisfies { [D in Domain]: readonly MethodOf<D>[] };

/** A method of `LibraryApi` missing from CONTRACT (never, or this file does not compile). */
type Unlisted = { [D in Domain]: Exclude<MethodOf<D>, (typeof CONTRACT)[D][number]> }[Domain];
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMethodListed;

export type Channel = `${Domain}:${string}`;

/** Where service events travel from the main process to the page (Electron IPC). */
export const EVENT_CHANNEL = 'gleaner:event';

/** Every `domain:method` channel of the contract. */
export function channels(): { domain: Domain; method: string; channel: Channel }[] {
  return (Object.keys(CONTRACT) as Domain[]).flatMap((domain) =>
    CONTRACT[domain].map((method) => ({ domain, method, channel: `${domain}:${method}` as Channel })),
  );
}

/** Whether `domain:method` is a call of the contract (own names only: `__proto__`, `constructor` are not). */
export function isContractCall(domain: unknown, method: unknown): boolean {
  if (typeof domain !== 'string' || typeof method !== 'string' || !Object.hasOwn(CONTRACT, domain)) return false;
  return (CONTRACT[domain as Domain] as readonly string[]).includes(method);
}
