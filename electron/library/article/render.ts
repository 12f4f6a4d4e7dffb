import type { BodyFormat } from './fields.js';
import { renderBody } from './body.js';
import { sanitizeArticleHtml, type SanitizeOptions, type SanitizeResult } from '../sanitize/sanitizeArticleHtml.js';

/**
 * The one path from a stored body to HTML that may be shown or written: render
 * (Markdown, inert shortcodes, escaped text), then sanitize. The preview and every
 * export that writes HTML go through here, so none can skip the sanitizer.
 */
export function renderArticleHtml(body: string, format: BodyFormat, options: SanitizeOptions & { params?: Record<string, unknown> }): SanitizeResult {
  const { params, ...sanitize } = options;
  return sanitizeArticleHtml(renderBody(body, format, params ?? {}), sanitize);
}
