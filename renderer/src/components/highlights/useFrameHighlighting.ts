import { useEffect, useRef, useState } from 'react';
import { locate } from '../../../../shared/highlights/anchor.js';
import type { Highlight } from '../../../../shared/highlights.js';
import { clearMarks, drawMark, selectionOffsets, selectionRect } from './frameText';

/** A passage selected in the frame: its offsets in the body text and where to show the button (in the frame's box). */
export interface FrameSelection {
  start: number;
  end: number;
  top: number;
  left: number;
}

/**
 * The app's single-key shortcuts typed while the focus is in the frame (its keys never reach the
 * app's window): passed on, so j, k, s, Ctrl+Z… work while reading. Keys the frame uses itself
 * (arrows, Space, Page Up/Down, Tab, copying) stay in the frame.
 */
function forwardToApp(event: KeyboardEvent): void {
  const command = event.ctrlKey || event.metaKey;
  const wanted = command ? ['z', 'y'].includes(event.key.toLowerCase()) : event.key === 'Escape' || (event.key.length === 1 && event.key !== ' ');
  if (!wanted || event.altKey || event.defaultPrevented) return;
  const copy = new KeyboardEvent('keydown', {
    key: event.key,
    code: event.code,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
    bubbles: true,
    cancelable: true,
  });
  window.dispatchEvent(copy);
  if (copy.defaultPrevented) event.preventDefault();
}

/** Whether `h` typed in the frame should highlight (no modifier; the frame has no fields, but an editable spot would keep it). */
function isHighlightKey(event: KeyboardEvent): boolean {
  return event.key === 'h' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.defaultPrevented;
}

/**
 * The app's hands in the script-less article frame: it follows the frame's selection (for the
 * "Highlight" button), hears `h` typed there (the frame's keys never reach the app's window),
 * and draws the article's highlights as marks whenever the document or the highlights change.
 */
export function useFrameHighlighting(frameDoc: Document | null, highlights: Highlight[], onHighlightKey: () => void): FrameSelection | null {
  const [selection, setSelection] = useState<FrameSelection | null>(null);
  const keyRef = useRef(onHighlightKey);
  keyRef.current = onHighlightKey;

  useEffect(() => {
    setSelection(null);
    if (!frameDoc) return;
    const follow = () => {
      const offsets = selectionOffsets(frameDoc);
      const rect = offsets && selectionRect(frameDoc);
      setSelection(offsets && rect ? { ...offsets, top: rect.bottom, left: rect.right } : null);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!isHighlightKey(event)) return forwardToApp(event);
      event.preventDefault();
      keyRef.current();
    };
    // Scrolling moves the selection inside the frame: the button follows it.
    const view = frameDoc.defaultView;
    frameDoc.addEventListener('selectionchange', follow);
    frameDoc.addEventListener('keydown', onKey);
    view?.addEventListener('scroll', follow, { passive: true });
    return () => {
      frameDoc.removeEventListener('selectionchange', follow);
      frameDoc.removeEventListener('keydown', onKey);
      view?.removeEventListener('scroll', follow);
    };
  }, [frameDoc]);

  // What is drawn now: a reload that brings the same highlights (any library or curation event
  // refetches them) leaves the marks alone, so a passage flashed by "go to" keeps its flash.
  const drawn = useRef<{ doc: Document; highlights: string } | null>(null);
  useEffect(() => {
    if (!frameDoc?.body) return;
    const wanted = JSON.stringify(highlights);
    if (drawn.current?.doc === frameDoc && drawn.current.highlights === wanted) return;
    drawn.current = { doc: frameDoc, highlights: wanted };
    clearMarks(frameDoc);
    const text = frameDoc.body.textContent ?? '';
    for (const h of highlights) {
      if (h.detached) continue;
      const at = locate(text, h);
      if (at) drawMark(frameDoc, at.start, at.end, h.id, h.color);
    }
  }, [frameDoc, highlights]);

  return selection;
}
