/**
 * Highlights drawn into an exported body (HTML digest, EPUB): each placed passage is wrapped
 * in `<mark class="gleaner-hl gleaner-hl-<colour>">`, and a highlight with a note gets a
 * numbered reference after its passage pointing at the note (the format writes the notes).
 *
 * Passages are found again in the exported body's own text with the reading pane's anchoring
 * (`locate`: quote with context, position as tie-break, then a fuzzy match), because an
 * export's text can differ a little from the reading pane's (embedded images have no
 * placeholder text). A highlight that cannot be placed is returned, never dropped.
 */
import { Element, Text, type ChildNode, type ParentNode } from 'domhandler';
import type { Highlight } from '../../../shared/highlights.js';
import { locate } from '../../../shared/highlights/anchor.js';

/** A highlight with a note, numbered in the order its reference appears in the body. */
export interface NumberedNote {
  n: number;
  highlight: Highlight;
}

export interface MarkResult {
  /** Highlights with notes that were placed, numbered 1… in reading order. */
  notes: NumberedNote[];
  /** Detached highlights and those whose passage is not in this body (in their stored order). */
  unplaced: Highlight[];
}

/** Elements whose direct text is not content (whitespace between rows or items): never wrapped. */
const NO_DIRECT_TEXT = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup', 'ul', 'ol', 'dl', 'select']);

/** Text nodes in document order, without recursion (hostile bodies nest thousands deep). */
function textNodes(nodes: ChildNode[]): Text[] {
  const out: Text[] = [];
  const stack: ChildNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') out.push(node as Text);
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

function replaceWith(node: ChildNode, replacements: ChildNode[], siblings: ChildNode[]): void {
  const parent = node.parent;
  const list = parent ? parent.children : siblings;
  const at = list.indexOf(node);
  list.splice(at, 1, ...replacements);
  replacements.forEach((r, i) => {
    r.parent = parent;
    r.prev = list[at + i - 1] ?? null;
    r.next = list[at + i + 1] ?? null;
  });
  if (list[at - 1]) list[at - 1]!.next = replacements[0] ?? null;
  if (list[at + replacements.length]) list[at + replacements.length]!.prev = replacements[replacements.length - 1] ?? null;
}

function insertAfter(node: ChildNode, added: ChildNode, siblings: ChildNode[]): void {
  replaceWith(node, [node, added], siblings);
}

/** The outermost link around a node, if any (a reference must not nest inside a link). */
function outermostLink(node: ChildNode): ChildNode | null {
  let found: ChildNode | null = null;
  for (let p: ParentNode | null = node.parent; p !== null && p.type !== 'root'; p = p.parent) {
    if ((p as Element).name === 'a') found = p as Element;
  }
  return found;
}

/**
 * Marks `highlights` in the body `nodes` in place (the top-level list itself may change).
 * `noteRef(n, highlight)` makes the element placed after the passage of note `n`.
 */
export function markHighlights(
  nodes: ChildNode[],
  highlights: readonly Highlight[],
  noteRef: (n: number, highlight: Highlight) => Element,
): MarkResult {
  const unplaced: Highlight[] = [];
  const texts = textNodes(nodes);
  const whole = texts.map((t) => t.data).join('');
  const placed: { h: Highlight; start: number; end: number }[] = [];
  for (const h of highlights) {
    const at = h.detached ? null : locate(whole, h);
    if (at === null || at.end <= at.start) unplaced.push(h);
    else placed.push({ h, ...at });
  }
  placed.sort((a, b) => a.start - b.start || b.end - a.end);
  if (placed.length === 0) return { notes: [], unplaced };

  // Split every text node at every passage boundary, then wrap the pieces inside passages.
  const cuts = [...new Set(placed.flatMap((p) => [p.start, p.end]))].sort((a, b) => a - b);
  const pieces: { node: Text; start: number; end: number }[] = [];
  let offset = 0;
  for (const node of texts) {
    const start = offset;
    const end = start + node.data.length;
    offset = end;
    const inside = cuts.filter((c) => c > start && c < end);
    if (inside.length === 0) {
      pieces.push({ node, start, end });
      continue;
    }
    const bounds = [start, ...inside, end];
    const parts = bounds
      .slice(0, -1)
      .map((b, i) => ({ node: new Text(node.data.slice(b - start, bounds[i + 1]! - start)), start: b, end: bounds[i + 1]! }));
    replaceWith(
      node,
      parts.map((p) => p.node),
      nodes,
    );
    pieces.push(...parts);
  }

  const lastPiece = new Map<Highlight, ChildNode>();
  for (const piece of pieces) {
    const covering = placed.filter((p) => p.start <= piece.start && piece.end <= p.end);
    const parent = piece.node.parent as Element | null;
    if (covering.length === 0 || piece.node.data.trim() === '' || (parent !== null && NO_DIRECT_TEXT.has(parent.name))) continue;
    let outer: ChildNode = piece.node;
    // Nested marks where passages overlap: the innermost is the one that starts last.
    for (const p of [...covering].reverse()) {
      const mark = new Element('mark', { class: `gleaner-hl gleaner-hl-${p.h.color}` }, []);
      replaceWith(outer, [mark], nodes);
      mark.children = [outer];
      outer.parent = mark;
      outer.prev = outer.next = null;
      outer = mark;
    }
    for (const p of covering) lastPiece.set(p.h, outer);
  }

  const notes: NumberedNote[] = [];
  for (const p of placed) {
    const last = lastPiece.get(p.h);
    if (last === undefined) {
      unplaced.push(p.h); // only whitespace or table scaffolding: nothing to draw
      continue;
    }
    if (p.h.note === '') continue;
    const n = notes.length + 1;
    notes.push({ n, highlight: p.h });
    insertAfter(outermostLink(last) ?? last, noteRef(n, p.h), nodes);
  }
  return { notes, unplaced };
}
