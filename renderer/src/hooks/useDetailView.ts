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
  const [statsOpen, setStatsOpen] = useState(false);
  const [highlightsOpen, setHighlightsOpen] = useState(false);
  return {
    statsOpen,
    highlightsOpen,
    toggleStats: () => {
      setHighlightsOpen(false);
      setStatsOpen((o) => !o);
    },
    toggleHighlights: () => {
      setStatsOpen(false);
      setHighlightsOpen((o) => !o);
    },
    closeStats: () => setStatsOpen(false),
    closeHighlights: () => setHighlightsOpen(false),
    copiesFor,
    setCopiesFor,
  };
}
