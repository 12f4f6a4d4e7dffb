/**
 * Article bodies: which format a body is, Markdown to HTML, Hugo shortcodes made inert,
 * and HTML to plain text for the full-text index. The HTML produced here is NOT safe to
 * display; sanitizing happens at display time.
 */
import MarkdownIt from 'markdown-it';
import { Parser } from 'htmlparser2';
import type { BodyFormat } from './fields.js';

// Tags that mark a body as HTML rather than plain text. Inline tags such as <b> alone
// are not enough: prose like "use <b> for bold" should stay text.
const HTML_SIGNAL = /<(?:p|div|br|hr|h[1-6]|ul|ol|li|table|tr|td|blockquote|pre|section|article|html|body|head|meta|title|img|a\s[^>]*href)\b[^>]*>/i;

/** True when a text body contains block-level HTML tags. */
export function looksLikeHtml(text: string): boolean {
  return HTML_SIGNAL.test(text);
}

/** File kinds Gleaner reads as articles; everything else is counted and skipped. */
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.md', '.markdown']);

/** `.md`/`.markdown` → Markdown, `.html`/`.htm` → HTML, anything else by sniffing (HTML or text). */
export function detectBodyFormat(relPath: string, body: string): BodyFormat {
  const ext = /\.([^./]+)$/.exec(relPath)?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm') return 'html';
  return looksLikeHtml(body) ? 'html' : 'text';
}

// ---------------------------------------------------------------------------------------
// Hugo shortcodes. They are templates, and Gleaner never runs templates. The choice:
//  - `{{< name args >}}` / `{{% name args %}}` tags are removed; the content between a
//    paired open and close tag is kept (for `figure`, `details`, `alert`… it is the text
//    the reader was meant to see);
//  - except `comment`, whose content Hugo hides on purpose, so it is dropped too;
//  - `param "key"` is replaced by that front-matter value when it is a scalar (a string
//    substitution, not template execution): posts write `[original]: <{{% param canonical_url %}}>`
//    and dropping it would leave a dead link; unknown keys (site params) become nothing;
//  - the escaped form `{{</* x */>}}` becomes the literal text `{{< x >}}`, as Hugo shows it;
//  - inside fenced code blocks and code spans nothing is removed (only the escape is
//    undone): code samples that show template syntax must survive, and non-Hugo sites
//    (Zola, Jekyll) have no shortcodes at all.
// ---------------------------------------------------------------------------------------
// Arguments: Hugo quotes with "…" (escapes allowed) or `…` (raw, may hold `>}}`); a single
// quote is an ordinary character to Hugo, so `caption=it's` must not start a string.
const SHORTCODE_ARGS = '((?:"(?:[^"\\\\]|\\\\.)*"|`[^`]*`|[^"`])*?)';
const SHORTCODE = new RegExp(
  [
    /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/.source, // 1: fenced code
    '(`+)(?!`)(?:(?!\\n[ \\t]*\\n)[\\s\\S])*?[^`]\\2(?!`)', // 2: code span (not across paragraphs)
    /\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/.source, // 3-5: escaped shortcode
    `\\{\\{(?:<\\s*(\\/)?\\s*([\\w./-]+)${SHORTCODE_ARGS}\\s*>|%\\s*(\\/)?\\s*([\\w./-]+)${SHORTCODE_ARGS}\\s*%)\\}\\}`, // 6-11
  ].join('|'),
  'gm',
);
const COMMENT_CLOSE = /\{\{[<%]\s*\/\s*comment\s*[>%]\}\}/;
const ESCAPED_IN_CODE = /\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A front-matter value by (dotted, case-insensitive) key, if it is a scalar. */
function paramValue(params: Record<string, unknown>, path: string): string | null {
  let node: unknown = params;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
    const obj = node as Record<string, unknown>;
    const key = Object.hasOwn(obj, part) ? part : Object.keys(obj).find((k) => k.toLowerCase() === part.toLowerCase());
    node = key === undefined ? undefined : obj[key];
  }
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint' || typeof node === 'boolean') return String(node);
  return node instanceof Date ? node.toISOString() : null;
}

/** Makes Hugo shortcodes inert (see the comment above for what is kept). */
export function stripShortcodes(src: string, params: Record<string, unknown> = {}): string {
  if (!src.includes('{{')) return src; // the common case costs one scan
  let out = '';
  let last = 0;
  let hidden = 0; // depth inside {{< comment >}} … {{< /comment >}}
  SHORTCODE.lastIndex = 0;
  for (let m = SHORTCODE.exec(src); m !== null; m = SHORTCODE.exec(src)) {
    if (m[0] === '') {
      SHORTCODE.lastIndex++;
      continue;
    }
    if (hidden === 0) out += src.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] !== undefined || m[2] !== undefined) {
      if (hidden === 0) out += m[0].replace(ESCAPED_IN_CODE, '{{$1$2$3}}');
      continue;
    }
    if (m[3] !== undefined) {
      if (hidden === 0) out += `{{${m[3]}${m[4]}${m[5]}}}`;
      continue;
    }
    const closing = (m[6] ?? m[9]) !== undefined;
    const name = (m[7] ?? m[10] ?? '').toLowerCase();
    const args = (m[8] ?? m[11] ?? '').replace(/\/\s*$/, '').trim();
    if (name === 'comment') {
      // An unclosed comment would hide the rest of the article; Hugo rejects it, we ignore it.
      if (closing) hidden = Math.max(0, hidden - 1);
      else if (COMMENT_CLOSE.test(src.slice(last))) hidden++;
    } else if (hidden === 0 && !closing && name === 'param') {
      const key = /^["'`]?([^"'`\s]+)/.exec(args)?.[1];
      const value = key === undefined ? null : paramValue(params, key);
      if (value !== null) out += escapeHtml(value);
    }
  }
  return hidden === 0 ? out + src.slice(last) : out;
}

// ---------------------------------------------------------------------------------------
// Markdown.
// ---------------------------------------------------------------------------------------
// html: raw HTML in Markdown is part of many real posts (embeds, tables, styled divs);
// linkify and typographer off so text is not rewritten behind the author's back.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** Markdown (with shortcodes made inert) to unsanitized HTML. */
export function renderMarkdown(md: string, params: Record<string, unknown> = {}): string {
  return markdown.render(stripShortcodes(md, params));
}

/** Any body to unsanitized HTML: Markdown rendered, HTML as is, text escaped into paragraphs. */
export function renderBody(body: string, format: BodyFormat, params: Record<string, unknown> = {}): string {
  if (format === 'markdown') return renderMarkdown(body, params);
  if (format === 'html') return stripShortcodes(body, params);
  return body
    .split(/\r?\n[ \t]*\r?\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, '<br>\n')}</p>`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------
// HTML to text. One reused streaming parser: no DOM is built, which is what keeps text
// extraction for 100k articles within seconds. Not re-entrant, and need not be: parsing
// is synchronous and each worker thread has its own module instance.
// ---------------------------------------------------------------------------------------
// <head> and <title> are metadata, not article text; the title is still captured as a heading.
const SKIPPED = new Set(['script', 'style', 'template', 'head', 'title']);
const CELL = new Set(['td', 'th']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'iframe',
  'video',
  'audio',
  'img',
  'option',
]);

const state = { chunks: [] as string[], skip: 0, heading: null as string | null, capture: null as string[] | null, captureTag: '' };

const parser = new Parser(
  {
    // onopentagname, not onopentag: the parser then skips building attribute objects.
    onopentagname(name) {
      if (SKIPPED.has(name)) state.skip++;
      if (state.heading === null && state.capture === null && (name === 'h1' || name === 'title')) {
        state.capture = [];
        state.captureTag = name;
      }
      if (BLOCK.has(name)) state.chunks.push('\n');
      else if (CELL.has(name)) state.chunks.push(' ');
    },
    ontext(text) {
      state.capture?.push(text);
      if (state.skip === 0) state.chunks.push(text);
    },
    onclosetag(name) {
      if (SKIPPED.has(name) && state.skip > 0) state.skip--;
      if (state.capture !== null && name === state.captureTag) {
        const heading = collapse(state.capture.join(''));
        state.capture = null;
        if (heading !== '') state.heading = heading;
      }
      if (BLOCK.has(name)) state.chunks.push('\n');
      else if (CELL.has(name)) state.chunks.push(' ');
    },
  },
  { decodeEntities: true },
);

/**
 * Collapses whitespace: a run holding a line break becomes one newline, any other run one
 * space. Lone plain spaces are not matched at all, which makes this 3-4x faster than two
 * replace passes on prose (most whitespace there is a single space).
 */
export function collapse(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, (run) => (run.includes('\n') ? '\n' : ' ')).trim();
}

/** Plain text of an HTML body plus its first `<h1>`/`<title>` text (for a missing title). */
export function extractText(html: string): { text: string; heading: string | null } {
  state.chunks = [];
  state.skip = 0;
  state.heading = null;
  state.capture = null;
  parser.parseComplete(html);
  const result = { text: collapse(state.chunks.join('')), heading: state.heading };
  state.chunks = [];
  return result;
}

/** Plain text of an HTML body for the full-text index: no tags, no scripts, words kept apart. */
export function htmlToText(html: string): string {
  return extractText(html).text;
}
