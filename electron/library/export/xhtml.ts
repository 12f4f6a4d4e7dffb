/**
 * Sanitized article HTML made into valid EPUB XHTML.
 *
 * Sanitized HTML is safe but not necessarily valid: real articles put lists inside
 * paragraphs, links inside links, cells outside rows, `width="100%"` on images. Browsers
 * shrug; EPUB reading systems parse XHTML as XML and epubcheck validates HTML content
 * models. So the DOM is first fitted to the content models of the (few) elements the
 * sanitizer allows, keeping every piece of text, then serialized as XML here rather than
 * with dom-serializer, because XML 1.0 forbids most control characters and dom-serializer
 * would write them as (equally forbidden) character references.
 */
import { Element, Text, type ChildNode, type ParentNode } from 'domhandler';

const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'br',
  'cite',
  'code',
  'del',
  'em',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
  'var',
]);
/** Elements whose content must be phrasing (a/ins/del are transparent: they inherit). */
const PHRASING_ONLY = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'summary',
  ...[...PHRASING].filter((n) => !['a', 'ins', 'del'].includes(n)),
]);
const HEADINGS_AND_SECTIONS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'aside', 'header', 'footer']);
const VOID = new Set(['br', 'hr', 'img', 'col']);
const TABLE_PARTS = new Set(['caption', 'colgroup', 'thead', 'tbody', 'tfoot', 'tr']);
const BREAK_AFTER = new Set([
  'p',
  'div',
  'li',
  'dt',
  'dd',
  'tr',
  'pre',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'figcaption',
  'caption',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'details',
  'summary',
  'ul',
  'ol',
  'dl',
  'table',
]);
/** The parents an element may have; any other parent turns it into a div (or span). */
const PARENTS: Record<string, Set<string>> = {
  li: new Set(['ul', 'ol']),
  dt: new Set(['dl']),
  dd: new Set(['dl']),
  tr: new Set(['table', 'thead', 'tbody', 'tfoot']),
  td: new Set(['tr']),
  th: new Set(['tr']),
  ...Object.fromEntries(['caption', 'colgroup', 'thead', 'tbody', 'tfoot'].map((n) => [n, new Set(['table'])])),
  figcaption: new Set(['figure']),
  summary: new Set(['details']),
};

interface Context {
  parent: string;
  phrasing: boolean;
  inLink: boolean;
  /** Inside dt/th (no headings or sections) or header/footer (no nested header/footer). */
  noHeadings: boolean;
  inHeaderFooter: boolean;
  noTable: boolean;
}

const el = (name: string, children: ChildNode[] = [], attribs: Record<string, string> = {}): Element => new Element(name, attribs, children);
const isElement = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const isBlankText = (n: ChildNode): boolean => n.type === 'text' && (n as Text).data.trim() === '';
const elementChildren = (nodes: ChildNode[]): Element[] => nodes.filter(isElement);

function setChildren(parent: ParentNode, children: ChildNode[]): void {
  parent.children = children;
  children.forEach((child, i) => {
    child.parent = parent;
    child.prev = children[i - 1] ?? null;
    child.next = children[i + 1] ?? null;
  });
}

/** Groups runs of children that fail `ok` (ignoring blank text between them) into `wrap(run)`. */
function wrapRuns(children: ChildNode[], ok: (n: ChildNode) => boolean, wrap: (run: ChildNode[]) => ChildNode): ChildNode[] {
  const out: ChildNode[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    while (run.length > 0 && isBlankText(run[run.length - 1]!)) run.pop();
    if (run.length > 0) out.push(wrap(run));
    run = [];
  };
  for (const child of children) {
    if (ok(child)) {
      flush();
      out.push(child);
    } else if (run.length > 0 || !isBlankText(child)) run.push(child);
  }
  flush();
  return out;
}

const is =
  (...names: string[]) =>
  (n: ChildNode) =>
    isElement(n) && names.includes(n.name);

const INTEGER = /^-?\d{1,9}$/;
const POSITIVE = /^[1-9]\d{0,3}$/;
const LANG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;
// Raster types every EPUB 3 reading system must support; anything else is not embedded.
// Embedded images are package files (../images/iNNNNN.png, see formats/epubImages.ts).
const EPUB_IMAGE = /^data:image\/(?:png|gif|jpeg)[;,]|^\.\.\/images\/[a-z0-9-]+\.(?:png|jpg|gif)$/i;

/** Keeps only attribute values the HTML content model accepts (browsers ignore the rest anyway). */
function fixAttributes(node: Element): void {
  const a = node.attribs;
  const keepIf = (name: string, ok: (v: string) => boolean) => {
    if (a[name] !== undefined && !ok(a[name]!.trim())) delete a[name];
  };
  keepIf('lang', (v) => v === '' || LANG.test(v));
  keepIf('dir', (v) => ['ltr', 'rtl', 'auto'].includes(v));
  if (node.name === 'img') {
    keepIf('width', (v) => /^\d{1,5}$/.test(v));
    keepIf('height', (v) => /^\d{1,5}$/.test(v));
    a.alt ??= '';
  }
  if (node.name === 'td' || node.name === 'th') {
    keepIf('colspan', (v) => POSITIVE.test(v));
    keepIf('rowspan', (v) => /^\d{1,4}$/.test(v));
    keepIf('scope', (v) => ['row', 'col', 'rowgroup', 'colgroup'].includes(v));
  }
  if (node.name === 'col' || node.name === 'colgroup') keepIf('span', (v) => POSITIVE.test(v));
  if (node.name === 'ol') {
    keepIf('start', (v) => INTEGER.test(v));
    if (a.reversed !== undefined) a.reversed = 'reversed';
  }
  if (node.name === 'li') keepIf('value', (v) => INTEGER.test(v));
  if (node.name === 'details' && a.open !== undefined) a.open = 'open';
  // A book has no browsing contexts to target, and rel/target without href are invalid.
  if (node.name === 'a') {
    delete a.target;
    delete a.rel;
    if (a.href !== undefined) a.href = strictUri(a.href);
  }
}

/** The element's own fix given where it stands; returns its replacement nodes. */
function fixElement(node: Element, ctx: Context, index: number, siblings: Element[]): ChildNode[] {
  fixAttributes(node);
  // A renamed element keeps only global attributes; `colspan` on a div would be invalid.
  const rename = (name: string) => {
    node.name = name;
    node.attribs = Object.fromEntries(Object.entries(node.attribs).filter(([k]) => ['lang', 'dir', 'title', 'class'].includes(k)));
  };
  if (node.name === 'time') rename('span'); // a datetime must be a valid date string: not worth checking
  if (node.name === 'img' && !EPUB_IMAGE.test(node.attribs.src ?? '')) {
    return [new Text(node.attribs.alt ? `[image: ${node.attribs.alt}]` : '[image]')];
  }
  if (node.name === 'col' && ctx.parent !== 'colgroup' && ctx.parent !== 'table') return [];
  const allowedParents = PARENTS[node.name];
  const misplaced =
    (allowedParents !== undefined && !allowedParents.has(ctx.parent)) ||
    (node.name === 'figcaption' && index !== 0 && index !== siblings.length - 1) ||
    (node.name === 'summary' && index !== 0) ||
    (ctx.inLink && (node.name === 'a' || node.name === 'details')) ||
    (ctx.noHeadings && HEADINGS_AND_SECTIONS.has(node.name)) ||
    (ctx.inHeaderFooter && (node.name === 'header' || node.name === 'footer')) ||
    (ctx.noTable && node.name === 'table');
  if (ctx.phrasing && !PHRASING.has(node.name)) {
    // A block inside phrasing content: keep its text as a span, and its line break as <br>.
    const breakAfter = BREAK_AFTER.has(node.name);
    if (node.name === 'hr') return [el('br')];
    rename('span');
    return breakAfter ? [node, el('br')] : [node];
  }
  if (misplaced) rename(ctx.phrasing ? 'span' : 'div');
  return [node];
}

/** Fixes the children an element of this kind must (and must only) have. */
function fixChildren(node: Element): void {
  const kids = node.children;
  switch (node.name) {
    case 'ul':
    case 'ol':
      setChildren(
        node,
        wrapRuns(kids, is('li'), (run) => el('li', run)),
      );
      break;
    case 'dl': {
      const wrapped = wrapRuns(kids, is('dt', 'dd'), (run) => el('dd', run));
      const items = elementChildren(wrapped);
      if (items[0]?.name === 'dd') wrapped.unshift(el('dt'));
      if (items[items.length - 1]?.name === 'dt') wrapped.push(el('dd'));
      setChildren(node, wrapped);
      break;
    }
    case 'tr':
      setChildren(
        node,
        wrapRuns(kids, is('td', 'th'), (run) => el('td', run)),
      );
      break;
    case 'thead':
    case 'tbody':
    case 'tfoot':
      setChildren(
        node,
        wrapRuns(
          wrapRuns(kids, is('tr', 'td', 'th'), (run) => el('td', run)),
          is('tr'),
          (run) => el('tr', run),
        ),
      );
      break;
    case 'colgroup':
      setChildren(node, kids.filter(is('col')));
      if (node.children.length > 0) delete node.attribs.span;
      break;
    case 'table':
      setChildren(node, tableChildren(kids));
      break;
    case 'details': {
      // A summary must come first; without one, give it the label browsers show.
      const first = kids.find((k) => !isBlankText(k));
      if (!first || !isElement(first) || first.name !== 'summary') setChildren(node, [el('summary', [new Text('Details')]), ...kids]);
      break;
    }
  }
}

/** caption?, colgroup*, thead?, (tbody* | tr*), tfoot? — in that order, everything else in rows. */
function tableChildren(kids: ChildNode[]): ChildNode[] {
  let nodes = wrapRuns(kids, is(...TABLE_PARTS, 'td', 'th'), (run) => el('tr', [el('td', run)]));
  nodes = wrapRuns(nodes, is(...TABLE_PARTS), (run) => el('tr', run));
  const items = elementChildren(nodes);
  const first = (name: string) => items.find((n) => n.name === name);
  const caption = first('caption');
  const thead = first('thead');
  const tfoot = first('tfoot');
  const colgroups = items.filter((n) => n.name === 'colgroup');
  // Extra captions, heads and feet become body rows; rows beside sections go into a tbody.
  let bodies = items.filter((n) => !['colgroup'].includes(n.name) && n !== caption && n !== thead && n !== tfoot);
  bodies = bodies.map((n) =>
    n.name === 'caption' ? el('tr', [el('td', n.children)]) : n.name === 'thead' || n.name === 'tfoot' ? ((n.name = 'tbody'), n) : n,
  );
  if ((thead || tfoot || bodies.some((n) => n.name === 'tbody')) && bodies.some((n) => n.name === 'tr')) {
    bodies = wrapRuns(bodies, is('tbody'), (run) => el('tbody', run)) as Element[];
  }
  return [caption, ...colgroups, thead, ...bodies, tfoot].filter((n): n is Element => n !== undefined);
}

function fixTree(parent: ParentNode, ctx: Context): void {
  const siblings = elementChildren(parent.children);
  const out: ChildNode[] = [];
  for (const child of parent.children) {
    if (!isElement(child)) {
      if (child.type === 'text') out.push(child);
      continue; // comments, processing instructions: nothing a reader needs
    }
    out.push(...fixElement(child, ctx, siblings.indexOf(child), siblings));
  }
  setChildren(parent, out);
  for (const child of out) {
    if (!isElement(child)) continue;
    fixChildren(child);
    const name = child.name;
    fixTree(child, {
      parent: name,
      phrasing: name === 'a' || name === 'ins' || name === 'del' ? ctx.phrasing : PHRASING_ONLY.has(name),
      inLink: ctx.inLink || name === 'a',
      noHeadings: ctx.noHeadings || name === 'dt' || name === 'th',
      inHeaderFooter: ctx.inHeaderFooter || name === 'header' || name === 'footer',
      noTable: ctx.noTable || name === 'caption',
    });
  }
}

/** Fits sanitized body nodes to the content models EPUB's XHTML is validated against, in place. */
export function fitToXhtml(nodes: ChildNode[], parentName = 'div'): ChildNode[] {
  const root = el(parentName, nodes);
  setChildren(root, nodes);
  fixTree(root, { parent: parentName, phrasing: false, inLink: false, noHeadings: false, inHeaderFooter: false, noTable: false });
  return root.children;
}

/**
 * A URL as a strict RFC 3986 URI, which epubcheck requires of every href: the WHATWG URL
 * serializer browsers use leaves some characters raw (a second `#` in a fragment, `[`, `|`,
 * `^`…). Scheme and authority are kept (already ASCII); the rest is percent-encoded.
 */
export function strictUri(href: string): string {
  const [, prefix = '', rest = ''] = /^([a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?)([\s\S]*)$/i.exec(href) ?? [undefined, '', href];
  let seenHash = false;
  const encoded = rest.replace(/%(?![0-9A-Fa-f]{2})/g, '%25').replace(/[^A-Za-z0-9\-._~:/?@!$&'()*+,;=%]/gu, (ch) => {
    if (ch === '#' && !seenHash) {
      seenHash = true;
      return ch;
    }
    try {
      return encodeURIComponent(ch);
    } catch {
      return ''; // a lone surrogate has no UTF-8 form
    }
  });
  return prefix + encoded;
}

// Characters XML 1.0 does not allow at all (lone surrogates included, thanks to the u flag).
const XML_INVALID = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text for XML character data: forbidden characters dropped, markup characters escaped. */
export function xmlText(text: string): string {
  return text.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for a double-quoted XML attribute value. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Serializes nodes as XHTML (elements and text only). */
export function toXml(nodes: ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += xmlText((node as Text).data);
    else if (isElement(node)) {
      const attrs = Object.entries(node.attribs)
        .map(([k, v]) => ` ${k}="${xmlAttr(v)}"`)
        .join('');
      out += VOID.has(node.name) ? `<${node.name}${attrs}/>` : `<${node.name}${attrs}>${toXml(node.children)}</${node.name}>`;
    }
  }
  return out;
}
