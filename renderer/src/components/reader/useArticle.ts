import { useCallback, useEffect, useState } from 'react';
import type { ArticlePreview } from '../../../../shared/api.js';
import type { ArticleDetail } from '../../../../shared/types.js';
import { remotePolicy } from '../../lib/remotePolicy';
import { client } from '../../transport';

export interface OpenArticle {
  detail: ArticleDetail | null;
  preview: ArticlePreview | null;
  loading: boolean;
  error: string | null;
  /** Remote images load for this article: allowed this once, or always for its source. */
  remoteAllowed: boolean;
  allowRemoteOnce: () => void;
  /** "Always for this source" (or no longer): the service remembers it; the article reloads. */
  setRemoteForSource: (allowed: boolean) => Promise<void>;
}

/**
 * Loads the article shown in the reading pane: its fields and its sanitized
 * body, together. The remote-images choice belongs to one article: opening
 * another starts blocked again.
 */
export function useArticle(id: number | null, refresh: number): OpenArticle {
  const [state, setState] = useState<{
    id: number | null;
    once: boolean;
    detail: ArticleDetail | null;
    preview: ArticlePreview | null;
    error: string | null;
  }>({
    id: null,
    once: false,
    detail: null,
    preview: null,
    error: null,
  });
  const [reload, setReload] = useState(0);
  const [remote, setRemote] = useState<{ id: number | null; allowed: boolean }>({ id: null, allowed: false });
  const once = remote.id === id && remote.allowed;

  useEffect(() => {
    if (id === null) return;
    let live = true;
    const started = performance.now();
    Promise.all([client.articles.get({ id }), client.articles.preview({ id, allowRemoteImages: once })]).then(
      ([detail, preview]) => {
        if (!live) return;
        setState({ id, once, detail, preview, error: null });
        performance.measure('gleaner:article-load', { start: started });
      },
      (error: Error) => live && setState({ id, once, detail: null, preview: null, error: error.message }),
    );
    return () => {
      live = false;
    };
  }, [id, once, refresh, reload]);

  const allowRemoteOnce = useCallback(() => setRemote({ id, allowed: true }), [id]);
  const source = state.id === id ? state.detail?.source : null;
  const setRemoteForSource = useCallback(
    async (allowed: boolean) => {
      if (!source) return;
      await remotePolicy.setForSource(source, allowed);
      if (!allowed) setRemote({ id, allowed: false });
      setReload((r) => r + 1);
    },
    [id, source],
  );
  const current = state.id === id;
  // The previous article stays on screen until the next one is ready, so moving
  // through the list with j/k never flashes an empty pane.
  return {
    detail: id === null ? null : state.detail,
    preview: id === null ? null : state.preview,
    loading: id !== null && !state.error && (!current || state.once !== once),
    error: current ? state.error : null,
    remoteAllowed: current && (state.preview?.remoteImagesAllowed ?? false),
    allowRemoteOnce,
    setRemoteForSource,
  };
}
