import { useEffect, useState } from 'react';
import type { Highlight } from '../../../../shared/highlights.js';
import { client } from '../../transport';
import { useHighlightChanges } from './useHighlightChanges';

const NONE: Highlight[] = [];

/**
 * The open article's highlights, reloaded whenever they may have changed (useHighlightChanges).
 */
export function useHighlights(articleId: number): { highlights: Highlight[]; error: string | null } {
  const [state, setState] = useState<{ id: number; highlights: Highlight[]; error: string | null }>({ id: articleId, highlights: [], error: null });
  const version = useHighlightChanges();
  useEffect(() => {
    let live = true;
    client.highlights.forArticle({ id: articleId }).then(
      (highlights) => live && setState({ id: articleId, highlights, error: null }),
      (error: Error) => live && setState({ id: articleId, highlights: [], error: error.message }),
    );
    return () => {
      live = false;
    };
  }, [articleId, version]);
  // Another article's highlights never show, not even for the moment before this one's arrive.
  return state.id === articleId ? state : { highlights: NONE, error: null };
}
