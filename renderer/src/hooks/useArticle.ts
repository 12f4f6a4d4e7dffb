import { useCallback, useEffect, useState } from 'react';
import type { ArticlePreview } from '../../../shared/api.js';
import type { ArticleDetail } from '../../../shared/types.js';
import { client } from '../transport';

export interface OpenArticle {
  detail: ArticleDetail | null;
  preview: ArticlePreview | null;
  loading: boolean;
  error: string | null;
  /** Remote images were allowed for this article, this time only. */
  remoteAllowed: boolean;
  allowRemoteOnce: () => void;
}

/**
 * Loads the article shown in the reading pane: its fields and its sanitized
 * body, together. The remote-images choice belongs to one article: opening
 * another starts blocked again.
 */
export function useArticle(id: number | null, refresh: number): OpenArticle {
  const [state, setState] = useState<{ id: number | null; detail: ArticleDetail | null; preview: ArticlePreview | null; error: string | null }>({
    id: null,
    detail: null,
    preview: null,
    error: null,
  });
  const [remote, setRemote] = useState<{ id: number | null; allowed: boolean }>({ id: null, allowed: false });
  const remoteAllowed = remote.id === id && remote.allowed;

  useEffect(() => {
    if (id === null) return;
    let live = true;
    const started = performance.now();
    Promise.all([client.articles.get({ id }), client.articles.preview({ id, allowRemoteImages: remoteAllowed })]).then(
      ([detail, preview]) => {
        if (!live) return;
        setState({ id, detail, preview, error: null });
        performance.measure('gleaner:article-load', { start: started });
      },
      (error: Error) => live && setState({ id, detail: null, preview: null, error: error.message }),
    );
    return () => {
      live = false;
    };
  }, [id, remoteAllowed, refresh]);

  const allowRemoteOnce = useCallback(() => setRemote({ id, allowed: true }), [id]);
  const current = state.id === id;
  // The previous article stays on screen until the next one is ready, so moving
  // through the list with j/k never flashes an empty pane.
  return {
    detail: id === null ? null : state.detail,
    preview: id === null ? null : state.preview,
    loading: id !== null && !state.error && (!current || (state.preview?.remoteImagesAllowed ?? false) !== remoteAllowed),
    error: current ? state.error : null,
    remoteAllowed,
    allowRemoteOnce,
  };
}
