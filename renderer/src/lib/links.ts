import type { ArticleDetail } from '../../../shared/types.js';

/** Only web links leave the app: a `javascript:` or `file:` URL from front matter must never become clickable. */
export function isWebUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Where "Open original" goes: the source link, else the article URL when it is absolute. */
export function originalUrl(article: Pick<ArticleDetail, 'sourceLink' | 'url'>): string | null {
  if (isWebUrl(article.sourceLink)) return article.sourceLink;
  if (isWebUrl(article.url)) return article.url;
  return null;
}

/** Opens a URL outside the app (a new tab; Electron hands it to the system browser) without giving it a handle back. */
export function openExternal(url: string): void {
  if (!isWebUrl(url)) return;
  window.open(url, '_blank', 'noopener,noreferrer');
}
