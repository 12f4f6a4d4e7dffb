/**
 * What article HTML may contain after sanitizing, and why.
 *
 * The rule is "what reading needs": structure, emphasis, code, tables, figures and links.
 * Nothing that runs, loads, styles, submits or names things survives. The output is safe by
 * construction rather than by pattern: only these elements are ever written, every text node
 * and attribute value is escaped, and no raw-text element (script, style, textarea, title…)
 * or foreign element (svg, math) is ever written. Mutation-XSS needs one of those in the
 * output for the browser to re-read text as markup, so however htmlparser2 and Chromium
 * disagree about hostile input, they cannot disagree about what we emit.
 */

import { PLACEHOLDER_CLASS } from './types.js';

/** Elements written to the output; everything else is dropped or unwrapped. */
export const ALLOWED_TAGS: string[] = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'blockquote',
  'pre',
  'code',
  'kbd',
  'samp',
  'var',
  'figure',
  'figcaption',
  'img',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'cite',
  'q',
  'span',
  'div',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'details',
  'summary',
  'time',
];

/**
 * Attributes per element. Deliberately absent everywhere: `on*` (script), `style` (CSS can load
 * URLs and, in old engines, run code), `class` (the page's CSS is not ours; one placeholder class
 * excepted), `id`/`name` (DOM clobbering: `<img name=location>` shadows globals in the reader),
 * `srcset`/`sizes`/`poster`/`background`/`dynsrc`/`lowsrc` (more ways to load remote URLs),
 * `formaction`/`action`/`srcdoc`/`ping` (navigation, inline documents, beacons), and every
 * quoting/`cite` URL (`blockquote cite`, `del cite`): meaningless offline.
 * URL-bearing attributes that remain (`a href`, `img src`) are rewritten by the resource policy.
 */
export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  // `lang`/`dir` keep right-to-left text and language-specific hyphenation readable; inert.
  '*': ['lang', 'dir'],
  // rel/target are always overwritten by the policy (noopener, system browser).
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
  time: ['datetime'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  col: ['span'],
  colgroup: ['span'],
  // Numbering of legal and step-by-step texts depends on these.
  ol: ['start', 'reversed'],
  li: ['value'],
  details: ['open'],
  // The placeholder written by the policy; the policy also validates these on re-sanitizing.
  span: ['class', 'data-blocked-kind', 'data-blocked-url', 'data-local-file', 'title'],
};

/** The one class that survives: the placeholder's, so our own stylesheet can show it. */
export const ALLOWED_CLASSES: Record<string, string[]> = { span: [PLACEHOLDER_CLASS] };

/**
 * Elements dropped together with their content (sanitize-html's default for a disallowed
 * element is to unwrap it and keep its text). These hold code, CSS, foreign markup, form
 * state or fallback for things we never render; their text is not part of the article.
 * Elements not listed and not allowed (form, button, label, font, center, marquee, html,
 * body, picture, video/audio without a usable source…) are unwrapped: their text stays.
 */
export const DROP_WITH_CONTENT: string[] = [
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'xmp',
  'plaintext',
  'object',
  'embed',
  'applet',
  'iframe',
  'frame',
  'frameset',
  'noframes',
  'noembed',
  'svg',
  'math',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
];
