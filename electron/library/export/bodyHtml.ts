/**
 * Article bodies as HTML for the document formats (HTML digest, EPUB, Markdown digest).
 *
 * The only source is renderArticleHtml, the sanitizer path the reading pane uses, with
 * remote images off: an exported file must not report to anyone that it was opened. What
 * the sanitizer held back (remote images, media, frames) arrives as placeholders; here they
 * become plain links, so the reader of an export can still follow them by choice.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element, ParentNode } from 'domhandler';
import { htmlToText } from '../article/body.js';
import type { LocalFiles } from '../local/localResources.js';
import { renderArticleHtml } from '../article/render.js';
import { classifyUrl } from '../sanitize/urls.js';
import { PLACEHOLDER_CLASS } from '../sanitize/types.js';
import type { ExportArticle } from './types.js';

/** The rel every exported external link carries: no opener, no referrer, no endorsement. */
export const LINK_REL = 'noopener noreferrer nofollow';

export interface BodyDom {
  /** The sanitized body, parsed. */
  nodes: ChildNode[];
  /** How many remote resources were held back (and turned into links). */
  blocked: number;
}

/**
 * Gives a remote image's replacement src (a cached copy), or undefined to leave it a link;
 * see SanitizeOptions.embedImage. Absent when the export embeds no images.
 */
export type EmbedImage = (url: string) => string | undefined;

/**
 * What an export that embeds images hands the sanitizer: the hook for image URLs (remote ones,
 * and the article's local images as `file:` URLs) and the library's files to find local ones in.
 */
export interface Embed {
  image: EmbedImage;
  files: LocalFiles;
}

const render = (article: ExportArticle, embed?: Embed) =>
  renderArticleHtml(article.body, article.bodyFormat, {
    allowRemoteImages: false,
    params: article.extra,
    embedImage: embed?.image,
    local: embed?.files.forExport(article.id, embed.image),
  });

/** The sanitized body of one article as a DOM, placeholders turned into links. */
export function sanitizedBody(article: ExportArticle, embed?: Embed): BodyDom {
  const { html, blockedRemote } = render(article, embed);
  const doc = parseDocument(html, { decodeEntities: true });
  if (blockedRemote.length > 0) placeholdersToLinks(doc);
  return { nodes: doc.children, blocked: blockedRemote.length };
}

function insideLink(node: Element): boolean {
  for (let p: ParentNode | null = node.parent; p !== null && p.type !== 'root'; p = p.parent) {
    if ((p as Element).name === 'a') return true;
  }
  return false;
}

/**
 * `<span class="gleaner-blocked" data-blocked-url=…>[image: alt]</span>` becomes
 * `<a href=… class="gleaner-blocked">[image: alt]</a>`. Only web URLs the sanitizer
 * already accepted become links; a placeholder inside a link stays a span (no nesting).
 */
export function placeholdersToLinks(root: ParentNode): void {
  const spans = DomUtils.findAll((el) => el.name === 'span' && el.attribs.class === PLACEHOLDER_CLASS, root.children);
  for (const span of spans) {
    const url = classifyUrl(span.attribs['data-blocked-url']);
    if (url.kind !== 'web' || insideLink(span)) continue;
    span.name = 'a';
    span.attribs = { href: url.url, class: PLACEHOLDER_CLASS, title: span.attribs.title ?? url.url, rel: LINK_REL };
  }
}

/** Sanitized body as an HTML string (for the HTML digest and the Markdown converter). */
export function sanitizedBodyHtml(article: ExportArticle, embed?: Embed): { html: string; blocked: number } {
  const { html, blockedRemote } = render(article, embed);
  // Most bodies hold nothing remote: skip the extra parse and keep the sanitizer's bytes.
  if (blockedRemote.length === 0) return { html, blocked: 0 };
  try {
    const doc = parseDocument(html, { decodeEntities: true });
    placeholdersToLinks(doc);
    return { html: DomUtils.getOuterHTML(doc.children, { encodeEntities: 'utf8' }), blocked: blockedRemote.length };
  } catch {
    // Serializing recurses per level: thousands of nested elements can exhaust the stack.
    // The sanitizer's own output is just as safe; only the placeholders stay spans.
    return { html, blocked: blockedRemote.length };
  }
}

/**
 * The body's text in paragraphs, for when a converter gives up on a body (hostile nesting
 * depth overflows recursive tree walkers). Uses the streaming text extractor: no recursion.
 */
export function bodyParagraphs(article: ExportArticle): string[] {
  const { html } = render(article);
  return htmlToText(html)
    .split('\n')
    .filter((line) => line.trim() !== '');
}

// Only bodies that could hold an image are rendered to find out (raw HTML or Markdown syntax).
const MAY_HOLD_IMAGES = /<img|!\[/i;

/**
 * The remote image URLs the sanitizer would ask to embed for this article (tracking pixels
 * are dropped before that point, so they are never listed and never fetched).
 */
export function embeddableImageUrls(article: ExportArticle, into: Set<string>): void {
  if (!MAY_HOLD_IMAGES.test(article.body)) return;
  renderArticleHtml(article.body, article.bodyFormat, { allowRemoteImages: false, params: article.extra, embedImage: (url) => void into.add(url) });
}

/** The warning for a body written as plain text. */
export function plainTextWarning(article: ExportArticle, why: unknown): string {
  const reason = why instanceof RangeError ? 'it is nested too deeply' : (why as Error).message;
  return `the body of "${article.title}" (${article.relPath}) could not be converted (${reason}); it was written as plain text`;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML text and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]!);
}
