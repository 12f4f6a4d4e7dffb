/**
 * An article's own files as the sanitizer sees them (SanitizeOptions.local), for the preview
 * and for exports, and the preview route's answer to a request. Plain Node: both transports
 * (browser mode and the desktop app's app:// protocol) call {@link LocalFiles.serve}.
 */
import { pathToFileURL } from 'node:url';
import type { Db } from '../db/connection.js';
import { articlePlace, firstArticleAt, type StoredPlace } from '../db/queries/articlePlaces.js';
import type { LocalResources } from '../sanitize/types.js';
import { localPath } from '../sanitize/urls.js';
import { articleLinkCandidates } from './articleLinks.js';
import { ImageRoute } from './imageRoute.js';
import { readLocalImage, resolveLocalImage, siteStaticFolder, type LocalImageBytes } from './localImages.js';

/** What the route answers: the image, or a status with the reason (never the path on disk). */
export type ServedImage = LocalImageBytes | { ok: false; reason: string; status: 404 };

/** One library's local files: the route's key lives here, one per process. */
export class LocalFiles {
  constructor(
    private readonly db: Db,
    readonly route: ImageRoute = new ImageRoute(),
  ) {}

  /** For the reading pane: images through the route, links to articles of the same folder. */
  forPreview(articleId: number): LocalResources | undefined {
    const place = articlePlace(this.db, articleId);
    if (!place) return undefined;
    const staticFolder = lazy(() => siteStaticFolder(place.root));
    return {
      image: (ref, src) => {
        const found = resolveLocalImage(place, ref, staticFolder());
        if (!found.ok) return { refused: found.reason };
        const path = this.route.path(articleId, src);
        return path === null ? { refused: 'path too long' } : { src: path };
      },
      article: (ref) => this.linkedArticle(place, ref),
    };
  }

  /**
   * For exports that embed images: each local image is offered to `embed` as its `file:` URL
   * (see ImageEmbedder.get), which answers with the src to write. Links stay text: an exported
   * file has no library to open.
   */
  forExport(articleId: number, embed: (url: string) => string | undefined): LocalResources | undefined {
    const place = articlePlace(this.db, articleId);
    if (!place) return undefined;
    const staticFolder = lazy(() => siteStaticFolder(place.root));
    return {
      image: (ref) => {
        const found = resolveLocalImage(place, ref, staticFolder());
        if (!found.ok) return { refused: found.reason };
        const src = embed(pathToFileURL(found.file).href);
        return src === undefined ? { refused: 'not embedded' } : { src };
      },
      article: () => undefined,
    };
  }

  /** The image a route path names, read whole and checked again, or why not. */
  serve(pathname: string): ServedImage {
    const request = this.route.parse(pathname);
    const place = request && articlePlace(this.db, request.articleId);
    const ref = request && localPath(request.src);
    if (!request || !place || !ref) return { ok: false, reason: 'no such image', status: 404 };
    return readLocalImage(place, ref);
  }

  private linkedArticle(place: StoredPlace, ref: Parameters<LocalResources['article']>[0]): number | undefined {
    return firstArticleAt(this.db, place.folderId, articleLinkCandidates(place.relPath, ref));
  }
}

function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
