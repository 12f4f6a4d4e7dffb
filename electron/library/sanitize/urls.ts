/**
 * How article HTML may refer to the outside world.
 *
 * A URL is judged the way a browser will read it, not the way it looks: the WHATWG URL parser
 * strips leading and trailing C0 controls and spaces and deletes every tab and newline anywhere,
 * so ` java\tscript:` is a javascript: URL. Character references (`&#106;avascript:`) need no
 * work here because htmlparser2 has decoded them before we see the value. After that cleanup
 * only an explicit, allowed scheme counts; everything else (relative paths, unknown schemes,
 * values a browser might read differently) is `unusable`, so the policy fails closed.
 */

/** What a URL attribute value turned out to be, after browser-equivalent cleanup. */
export type ClassifiedUrl =
  /** Absolute http(s). `url` is normalised by `URL`; protocol-relative input became https. */
  | { kind: 'web'; url: string; protocolRelative: boolean }
  | { kind: 'mailto'; url: string }
  /** A raster image inlined as data (png, gif, jpeg, webp, avif); never SVG, which can script. */
  | { kind: 'raster-data'; url: string }
  /** Relative, javascript:, vbscript:, data:text/html, data:image/svg+xml, garbage… */
  | { kind: 'unusable' };

// WHATWG "scheme state": an ASCII letter, then letters, digits, '+', '-', '.', then ':'.
// A value with anything else before the first ':' has no scheme and is a relative URL.
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
// Two slashes in any mix of '/' and '\': browsers read '\' as '/' in http(s) URLs.
const PROTOCOL_RELATIVE = /^[\\/]{2}/;
const RASTER_DATA = /^data:image\/(?:png|gif|jpeg|webp|avif)[;,]/i;
const LEADING_TRAILING_C0 = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
const UNUSABLE: ClassifiedUrl = { kind: 'unusable' };

/**
 * An image file inside an export package, relative to the chapter (`../images/i00001.png`):
 * the one relative src an embedding export may write. Fixed shape, so no traversal or scheme.
 */
export const PACKAGE_IMAGE = /^\.\.\/images\/[a-z0-9-]{1,64}\.(?:png|jpg|gif|webp|avif)$/;

/** Whether `src`, offered by an export's embedImage hook, may be written as an image source. */
export function isEmbeddableSrc(src: string): boolean {
  return PACKAGE_IMAGE.test(src) || classifyUrl(src).kind === 'raster-data';
}

/** Undoes the cosmetics a browser ignores, so the scheme we test is the one it will use. */
export function browserCleanUrl(raw: string): string {
  return raw.replace(LEADING_TRAILING_C0, '').replace(TAB_OR_NEWLINE, '');
}

/**
 * A path an article uses for one of its own site's files: `chart.png`, `./img/a.png`,
 * `../other/index.md` (relative to the article's file) or `/img/x.png` (from the site's root).
 * Decoded, with `/` separators and without query or fragment. Nothing here says the path
 * stays anywhere: the resolver decides that against the real folders.
 */
export interface LocalPath {
  kind: 'relative' | 'site-root';
  path: string;
}

/**
 * The local path a URL attribute value names, or null when it names something else: a scheme
 * (`https:`, `javascript:`, a Windows drive `C:`), a protocol-relative host, a bare fragment.
 */
export function localPath(raw: string | undefined): LocalPath | null {
  if (raw === undefined) return null;
  const cleaned = browserCleanUrl(raw);
  if (cleaned === '' || cleaned.startsWith('#') || SCHEME.test(cleaned) || PROTOCOL_RELATIVE.test(cleaned)) return null;
  const encoded = cleaned.split(/[?#]/, 1)[0]!;
  let path: string;
  try {
    path = decodeURIComponent(encoded);
  } catch {
    path = encoded; // a stray '%' is part of the name
  }
  path = path.replace(/\\/g, '/');
  if (path === '' || path.includes('\0')) return null;
  return path.startsWith('/') ? { kind: 'site-root', path } : { kind: 'relative', path };
}

/**
 * The preview's link to another article of the library: a fragment of the app's own page
 * (`#gleaner-article=12`, opened with target `_top`), which the reader turns into opening that
 * article. A fragment never loads anything; it only tells the app which article was clicked.
 */
export const ARTICLE_LINK = /^#gleaner-article=([1-9][0-9]{0,9})$/;

/** The {@link ARTICLE_LINK} for an article id. */
export const articleLink = (id: number): string => `#gleaner-article=${id}`;

/**
 * The preview's route to an article's own image (see local/imageRoute.ts): a path on the app's
 * origin, the one relative src the reading pane may show. Fixed shape: no traversal, no scheme.
 */
export const LOCAL_IMAGE_SRC = /^\/article-images\/[1-9][0-9]{0,9}\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]{1,4096}$/;

/** Classifies one URL attribute value; see {@link ClassifiedUrl}. */
export function classifyUrl(raw: string | undefined): ClassifiedUrl {
  if (raw === undefined) return UNUSABLE;
  const cleaned = browserCleanUrl(raw);
  const scheme = SCHEME.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // Resolving against an https base gives exactly the URL a browser would fetch for '//host'.
    return PROTOCOL_RELATIVE.test(cleaned) ? web(cleaned, true) : UNUSABLE;
  }
  if (scheme === 'http' || scheme === 'https') return web(cleaned, false);
  if (scheme === 'mailto') {
    const url = parse(cleaned);
    return url ? { kind: 'mailto', url: url.href } : UNUSABLE;
  }
  // Kept as written (minus ignored whitespace): re-serialising a large data URL buys nothing.
  if (scheme === 'data' && RASTER_DATA.test(cleaned)) return { kind: 'raster-data', url: cleaned };
  return UNUSABLE;
}

function web(cleaned: string, protocolRelative: boolean): ClassifiedUrl {
  const url = parse(cleaned, protocolRelative ? 'https://protocol-relative.invalid/' : undefined);
  // `URL` accepts 'https:host' and repairs it; insist the result really is web and has a host.
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return UNUSABLE;
  return { kind: 'web', url: url.href, protocolRelative };
}

function parse(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}
