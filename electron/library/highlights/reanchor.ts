import type { Db } from '../db/connection.js';
import { storedBody } from '../db/queries/articleReads.js';
import { hasHighlights, highlightsForArticle, setHighlightAnchor } from '../db/queries/highlights.js';
import { locate, quoteAt } from '../../../shared/highlights/anchor.js';
import { anchorText } from './anchorText.js';

/**
 * Runs `write` (an import's update of article `id` to `newBody`), then places the article's
 * highlights in its new anchor text if it has any and the body really changed: each gets
 * its new offsets and context, or is marked detached (kept with its quote, never deleted);
 * a detached one whose quote is found again is attached again. Cheap for the usual update:
 * one indexed lookup, and nothing rendered for an article without highlights.
 */
export function withReanchoring(db: Db, id: number, newBody: string, write: () => void): void {
  const bodyChanged = hasHighlights(db, id) && storedBody(db, id) !== newBody;
  write();
  if (bodyChanged) reanchorArticle(db, id);
}

/** Places every highlight of article `id` in its current anchor text; returns how many are detached. */
export function reanchorArticle(db: Db, id: number): number {
  const text = anchorText(db, id) ?? '';
  let detached = 0;
  for (const highlight of highlightsForArticle(db, id)) {
    const place = locate(text, highlight);
    if (place) {
      const { prefix, suffix } = quoteAt(text, place.start, place.end);
      setHighlightAnchor(db, highlight.id, { start: place.start, end: place.end, prefix, suffix });
    } else {
      setHighlightAnchor(db, highlight.id, null);
      detached++;
    }
  }
  return detached;
}
