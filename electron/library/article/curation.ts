/**
 * The person's curation as it travels with an article file: what the exporter writes in the
 * `gleaner` key (gleanerKey.ts) and the importer gives back to a library.
 */
import type { Highlight } from '../../../shared/highlights.js';

/** The person's curation of one article: what `gleaner` keys and `curation` objects hold. */
export interface Curation {
  /** The person's own tags (origin 'user'); the file's tags stay in its front matter. */
  tags: string[];
  starred: boolean;
  /** ISO 8601 UTC, or null when unread. */
  readAt: string | null;
  note: string | null;
  /** Names of the manual collections the article is in. */
  collections: string[];
}

/** A highlight as the key carries it: no ids (they belong to one library); re-anchored on import. */
export type CarriedHighlight = Omit<Highlight, 'id' | 'articleId'>;

/** The carried form of a library's highlight (what a round trip must give back). */
export const carried = ({ id: _id, articleId: _articleId, ...rest }: Highlight): CarriedHighlight => rest;
