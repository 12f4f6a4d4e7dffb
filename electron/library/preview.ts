import type { ArticlePreview } from '../../shared/api.js';
import type { Db } from './db/connection.js';
import { articleBody } from './db/queries/articleReads.js';
import type { LocalFiles } from './local/localResources.js';
import { renderArticleHtml } from './article/render.js';
import type { SanitizeResult } from './sanitize/sanitizeArticleHtml.js';

/** The reading pane's HTML for one article (`articles.preview`), or null when there is no such article. */
export function articlePreview(db: Db, localFiles: LocalFiles, id: number, allowRemoteImages: boolean): ArticlePreview | null {
  const body = articleBody(db, id);
  if (!body) return null;
  const allowed = allowRemoteImages || body.remoteImagesAllowedForSource;
  const { html, blockedRemote } = previewHtml(db, localFiles, id, allowed, body)!;
  return { id, html, blockedRemote, remoteImagesAllowed: allowed };
}

/**
 * The preview's HTML with remote images allowed or not, whatever the source's setting.
 * Highlights count their offsets in its text with remote images blocked
 * (highlights/anchorText.ts), so the preview and the anchor text share this one path.
 */
export function previewHtml(
  db: Db,
  localFiles: LocalFiles,
  id: number,
  allowRemoteImages: boolean,
  body = articleBody(db, id),
): SanitizeResult | null {
  if (!body) return null;
  return renderArticleHtml(body.body, body.bodyFormat, { allowRemoteImages, local: localFiles.forPreview(id) });
}
