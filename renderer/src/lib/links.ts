import { useEffect } from 'react';
import { isWebUrl } from '../../../shared/webUrl.js';

export { isWebUrl, originalUrl } from '../../../shared/webUrl.js';

/** Opens a URL outside the app (a new tab; Electron hands it to the system browser) without giving it a handle back. */
export function openExternal(url: string): void {
  if (!isWebUrl(url)) return;
  window.open(url, '_blank', 'noopener,noreferrer');
}

// Written by the sanitizer for a link to another article of the library (ARTICLE_LINK there).
const ARTICLE_FRAGMENT = /^#gleaner-article=([1-9][0-9]{0,9})$/;

/**
 * Links between articles. The preview frame runs no script, so it cannot tell the app what was
 * clicked; such a link is instead a fragment of the app's own page opened in the top document
 * (`#gleaner-article=12`, target `_top`): the page does not reload, and the fragment arrives here
 * as a hashchange. It is removed again at once, so the same link works twice and no URL the
 * person copies carries it.
 */
export function useArticleLinks(open: (id: number) => void): void {
  useEffect(() => {
    const onHashChange = () => {
      const match = ARTICLE_FRAGMENT.exec(window.location.hash);
      if (!match) return;
      history.replaceState(history.state, '', window.location.pathname + window.location.search);
      open(Number(match[1]));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [open]);
}
