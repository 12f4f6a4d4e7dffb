/**
 * An article's address on the web. Front matter names two: `source_link` (where it was
 * published) and `url` (often a path on the site that exported it, like `/202501/…`). The
 * reading pane's "Open original", the bookmarks and the citations all want the same one.
 */

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

/** The source link, else the article URL when it is absolute; null when neither is a web address. */
export function originalUrl(article: { sourceLink: string | null; url: string | null }): string | null {
  if (isWebUrl(article.sourceLink)) return article.sourceLink;
  if (isWebUrl(article.url)) return article.url;
  return null;
}
