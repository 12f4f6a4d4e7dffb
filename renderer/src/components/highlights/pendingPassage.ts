/**
 * "Open this article at that passage", from the Highlights view to the reading pane: the view
 * asks before the article opens, the pane scrolls once its marks are drawn.
 */
type Listener = () => void;

let pending: { articleId: number; highlightId: number } | null = null;
const listeners = new Set<Listener>();

/** Asks the reading pane to show a highlight when its article is (or already is) open. */
export function showPassage(articleId: number, highlightId: number): void {
  pending = { articleId, highlightId };
  for (const listener of listeners) listener();
}

/** The highlight to show in this article, once: taking it clears the request. */
export function takePassage(articleId: number): number | null {
  if (pending?.articleId !== articleId) return null;
  const id = pending.highlightId;
  pending = null;
  return id;
}

/** Hears new requests (for an article already open). */
export function onPassageRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
