import { useCallback, useEffect, useRef, useState } from 'react';
import { quoteAt } from '../../../../shared/highlights/anchor.js';
import type { Highlight, HighlightColor } from '../../../../shared/highlights.js';
import type { ChangeResult } from '../../../../shared/types.js';
import type { ReaderLook } from '../../lib/srcdoc';
import { client } from '../../transport';
import { Icon } from '../widgets/Icon';
import { PreviewFrame } from '../reader/PreviewFrame';
import { scrollToMark, selectionOffsets } from './frameText';
import { HighlightPanel } from './HighlightPanel';
import { onPassageRequest, takePassage } from './pendingPassage';
import { useFrameHighlighting } from './useFrameHighlighting';
import { useHighlights } from './useHighlights';
import { usePersistentState } from '../../hooks/usePersistentState';

interface Props {
  articleId: number;
  html: string;
  allowRemoteImages: boolean;
  look: ReaderLook;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
}

const isOpenFlag = (v: unknown): v is boolean => typeof v === 'boolean';

/** Whether a key typed in the app's own window is meant for a field, not for highlighting. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

/**
 * The article body with its highlights: the script-less frame, the "Highlight" button by a
 * selection, `h` to highlight (typed in the frame or the pane), and the list beside it.
 */
export function ArticleHighlights({ articleId, html, allowRemoteImages, look, change }: Props) {
  const [loaded, setLoaded] = useState<{ doc: Document; articleId: number } | null>(null);
  // Until the frame has loaded this article, nothing is drawn into (or read from) the last one's page.
  const frameDoc = loaded?.articleId === articleId ? loaded.doc : null;
  const { highlights, error: loadError } = useHighlights(articleId);
  const [panelOpen, setPanelOpen] = usePersistentState<boolean>('highlights-panel', true, isOpenFlag);
  const [lastColor, setLastColor] = useState<HighlightColor>('yellow');
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => setError(null), [articleId]);

  const highlight = useCallback(async () => {
    const doc = frameDoc;
    const offsets = doc && selectionOffsets(doc);
    if (!doc || !offsets) return;
    const anchor = quoteAt(doc.body.textContent ?? '', offsets.start, offsets.end);
    let created: Highlight | null = null;
    const message = await change(async () => {
      const result = await client.highlights.add({ articleId, anchor, color: lastColor });
      created = result.highlight;
      return result;
    });
    setError(message);
    doc.getSelection()?.removeAllRanges();
    const made = created as Highlight | null;
    if (made) {
      // The new passage's note is one keystroke away; leaving the field empty keeps no note.
      setPanelOpen(true);
      setEditing(made.id);
    }
  }, [frameDoc, articleId, lastColor, change, setPanelOpen]);

  const selection = useFrameHighlighting(frameDoc, highlights, () => void highlight());

  // `h` while the focus is in the reading pane (not in the frame, whose keys it hears itself).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'h' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]') || !box.current?.closest('.reader-pane')?.contains(document.activeElement)) return;
      if (!frameDoc || !selectionOffsets(frameDoc)) return;
      event.preventDefault();
      void highlight();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [frameDoc, highlight]);

  // A passage asked for by the Highlights view: shown once its marks are drawn.
  const [passageAsked, setPassageAsked] = useState(0);
  useEffect(() => onPassageRequest(() => setPassageAsked((n) => n + 1)), []);
  useEffect(() => {
    if (!frameDoc || highlights.length === 0) return;
    const wanted = takePassage(articleId);
    if (wanted !== null && !scrollToMark(frameDoc, wanted)) setPanelOpen(true);
  }, [frameDoc, highlights, articleId, passageAsked, setPanelOpen]);

  const goTo = useCallback((id: number) => frameDoc !== null && scrollToMark(frameDoc, id), [frameDoc]);
  const onFrameLoad = useCallback((frame: HTMLIFrameElement) => {
    const doc = frame.contentDocument;
    setLoaded(doc ? { doc, articleId: Number(frame.dataset.articleId) } : null);
  }, []);
  const frameRect = box.current?.getBoundingClientRect();

  return (
    <div className="reader-article" ref={box}>
      <div className="reader-frame">
        <PreviewFrame articleId={articleId} html={html} allowRemoteImages={allowRemoteImages} look={look} onFrameLoad={onFrameLoad} />
        {selection && frameRect && (
          <button
            type="button"
            className="btn btn-small highlight-button"
            style={{ top: Math.max(0, selection.top + 6), left: Math.max(0, Math.min(selection.left - 40, frameRect.width - 120)) }}
            title="Highlight the selected text (h)"
            // Keeps the frame's selection: the button must not take it away before it reads it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => void highlight()}
          >
            <Icon name="highlight" size={14} />
            Highlight
          </button>
        )}
      </div>
      <HighlightPanel
        open={panelOpen}
        onToggle={() => setPanelOpen(!panelOpen)}
        highlights={highlights}
        error={error ?? loadError}
        editing={editing}
        onEdit={setEditing}
        onGoTo={goTo}
        change={change}
        onColorChosen={setLastColor}
      />
    </div>
  );
}
