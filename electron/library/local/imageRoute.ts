/**
 * The one route that shows an article's local images in the preview, on the app's own origin:
 * `/article-images/<article id>/<mac>/<src, base64url>`. Both transports serve it (browser mode
 * on 127.0.0.1, the desktop app on app://gleaner), through LibraryService.localImage.
 *
 * The URL carries the article and the src exactly as the article wrote it, so serving resolves
 * the path again with the same checks as rendering (containment, real paths, type by bytes):
 * the URL grants nothing the resolver would refuse. The mac (HMAC-SHA256 under a key made per
 * process, 128 bits) makes the URL unguessable: only a page that was handed the rendered
 * preview, which takes the API token, can name an image. A web page probing 127.0.0.1 cannot.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LOCAL_IMAGE_SRC } from '../sanitize/urls.js';

/** Where the route lives on the app's origin; the preview frame's CSP allows images from here only. */
export const IMAGE_ROUTE_PREFIX = '/article-images/';

/** Longest encoded src the route carries (LOCAL_IMAGE_SRC's limit); longer ones get placeholders. */
const MAX_ENCODED = 4096;

/** What a route URL names. */
export interface ImageRequest {
  articleId: number;
  /** The image's src as written in the article. */
  src: string;
}

export class ImageRoute {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  /** The route path for one image of one article, or null for a src too long to carry. */
  path(articleId: number, src: string): string | null {
    const encoded = Buffer.from(src, 'utf8').toString('base64url');
    if (encoded.length === 0 || encoded.length > MAX_ENCODED) return null;
    return `${IMAGE_ROUTE_PREFIX}${articleId}/${this.mac(articleId, src).toString('base64url')}/${encoded}`;
  }

  /** The image a request path names, or null when it is not a path this process made. */
  parse(pathname: string): ImageRequest | null {
    if (!LOCAL_IMAGE_SRC.test(pathname)) return null;
    const [, , id, mac, encoded] = pathname.split('/') as [string, string, string, string, string];
    const articleId = Number(id);
    const src = Buffer.from(encoded, 'base64url').toString('utf8');
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(articleId, src);
    return given.length === expected.length && timingSafeEqual(given, expected) ? { articleId, src } : null;
  }

  private mac(articleId: number, src: string): Buffer {
    return createHmac('sha256', this.key).update(`${articleId}\n${src}`).digest().subarray(0, 16);
  }
}

/**
 * Headers of an image the route serves, the same on both transports: the type decided from the
 * bytes, no second guess by the browser, and a CSP that leaves nothing to run should the URL be
 * opened as a page. Not cached across runs: the next process has another key anyway.
 */
export function imageHeaders(mime: string, length: number): Record<string, string> {
  return {
    'Content-Type': mime,
    'Content-Length': String(length),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'private, no-cache',
  };
}
