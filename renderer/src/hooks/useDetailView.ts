import { useState } from 'react';

export interface DetailView {
  /** Statistics replace the reading pane. */
  statsOpen: boolean;
  /** The library's highlights replace the reading pane. */
  highlightsOpen: boolean;
  /** Statistics on or off; they and the highlights never show together. */
  toggleStats: () => void;
  /** The highlights on or off; they and the statistics never show together. */
  toggleHighlights: () => void;
  closeStats: () => void;
  closeHighlights: () => void;
  /** The article whose Copies panel is open ("N copies" in a row opens it). */
  copiesFor: number | null;
  setCopiesFor: (id: number | null) => void;
}

/** What the third pane shows instead of the open article, and whether its Copies panel is open. */
export function useDetailView(): DetailView {
  const [copiesFor, setCopiesFor] = useState<number | null>(null);
  // One state, not two flags: statistics and highlights never show together.
  const [shown, setShown] = useState<'stats' | 'highlights' | null>(null);
  const toggle = (view: 'stats' | 'highlights') => setShown((now) => (now === view ? null : view));
  const close = (view: 'stats' | 'highlights') => setShown((now) => (now === view ? null : now));
  return {
    statsOpen: shown === 'stats',
    highlightsOpen: shown === 'highlights',
    toggleStats: () => toggle('stats'),
    toggleHighlights: () => toggle('highlights'),
    closeStats: () => close('stats'),
    closeHighlights: () => close('highlights'),
    copiesFor,
    setCopiesFor,
  };
}
