/**
 * The app's side of the article frame's text: the frame runs no script, so the app reads its
 * selection and draws highlight marks into its document (the frame is same-origin for this).
 * Offsets count in the body's `textContent`, the anchor text of shared/highlights.ts; marks add
 * elements but no text, so drawing them never moves an offset.
 */

/** The class every mark carries; the colour class is `gleaner-hl-<colour>`. */
export const MARK_CLASS = 'gleaner-hl';

/** The selected passage in the frame as offsets in its body text, or null when nothing (or only space) is selected. */
export function selectionOffsets(doc: Document): { start: number; end: number } | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const body = doc.body;
  if (!body || !body.contains(range.commonAncestorContainer) || range.toString().trim() === '') return null;
  // A range's text is the data of the Text nodes it covers, exactly as textContent counts them.
  const before = doc.createRange();
  before.setStart(body, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

/** The selection's box in the frame's viewport, for placing the "Highlight" button by it. */
export function selectionRect(doc: Document): DOMRect | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const rects = selection.getRangeAt(0).getClientRects();
  return rects.item(rects.length - 1);
}

/** Takes every mark out of the frame, leaving its text where it was. */
export function clearMarks(doc: Document): void {
  const marks = doc.body?.querySelectorAll(`mark.${MARK_CLASS}`) ?? [];
  for (const mark of marks) mark.replaceWith(...mark.childNodes);
  doc.body?.normalize();
}

/**
 * Wraps the text of body offsets [start, end) in `<mark>` elements, one per text node it
 * crosses (a passage can span paragraphs). Text nodes of nothing but white space are left
 * alone: between table rows or list items a mark would be out of place and shows nothing.
 */
export function drawMark(doc: Document, start: number, end: number, id: number, color: string): void {
  if (!doc.body || end <= start) return;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const pieces: { node: Text; from: number; to: number }[] = [];
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    const from = Math.max(start, offset) - offset;
    const to = Math.min(end, offset + length) - offset;
    if (to > from && node.data.slice(from, to).trim() !== '') pieces.push({ node, from, to });
    offset += length;
    if (offset >= end) break;
  }
  pieces.forEach(({ node, from, to }, i) => {
    let target = node;
    if (from > 0) target = target.splitText(from);
    if (to - from < target.data.length) target.splitText(to - from);
    const mark = doc.createElement('mark');
    mark.className = `${MARK_CLASS} ${MARK_CLASS}-${color}`;
    mark.dataset.highlightId = String(id);
    // The first piece of a passage spanning several nodes is where "go to" scrolls.
    if (i === 0) mark.dataset.highlightStart = '';
    target.replaceWith(mark);
    mark.append(target);
  });
}

/** Scrolls the frame to a highlight's first mark and flashes it; false when it is not drawn. */
export function scrollToMark(doc: Document, id: number): boolean {
  const marks = [...doc.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}[data-highlight-id="${id}"]`)];
  const first = marks[0];
  if (!first) return false;
  first.scrollIntoView({ block: 'center' });
  for (const mark of marks) {
    mark.classList.remove(`${MARK_CLASS}-flash`);
    // Restarts the animation when the same passage is asked for twice.
    void mark.offsetWidth;
    mark.classList.add(`${MARK_CLASS}-flash`);
  }
  return true;
}
