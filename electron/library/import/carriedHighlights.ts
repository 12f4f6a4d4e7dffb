/**
 * Highlights carried by a Gleaner folder export (the `gleaner` key's `highlights`), placed
 * again in the imported body: the body may differ from the one they were made on (edited
 * since, or rendered by another version), so each is found by its quote with the reading
 * pane's anchoring and gets this body's offsets. One that cannot be found comes back
 * detached with its text, never dropped; one already detached stays detached.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { locate } from '../../../shared/highlights/anchor.js';
import type { CarriedHighlight } from '../export/gleanerKey.js';
import { renderArticleHtml } from '../render.js';
import type { BodyFormat } from './types.js';

/** The anchor text of a body as the reading pane shows it (remote images blocked). */
function anchorText(body: string, format: BodyFormat): string {
  const { html } = renderArticleHtml(body, format, { allowRemoteImages: false });
  return DomUtils.textContent(parseDocument(html).children);
}

/** The carried highlights with offsets in this body (rendered only when one needs placing). */
export function placeCarried(highlights: CarriedHighlight[], body: string, format: BodyFormat): CarriedHighlight[] {
  if (!highlights.some((h) => !h.detached)) return highlights;
  const text = anchorText(body, format);
  return highlights.map((h) => {
    if (h.detached) return h;
    const at = locate(text, h);
    return at === null ? { ...h, detached: true } : { ...h, start: at.start, end: at.end };
  });
}
