/**
 * Remote images in document exports (HTML digest, Markdown digest, EPUB), when the person
 * asks for them: `embedLocalImages` embeds what the library's image cache holds and never
 * touches the network; `fetchRemoteImages` also downloads, during this export, the images the
 * cache lacks (and keeps them there). Everything else stays a link, exactly as without either
 * option. A failed image is a warning; the export goes on.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connection.js';
import { ImageCache, type CachedImage } from '../db/queries/imageCache.js';
import { fetchImage, inParallel, type FetchLimits } from '../images/fetchImage.js';
import { sniffImage } from '../images/sniff.js';
import { LocalFiles } from '../local/localResources.js';
import { embeddableImageUrls, type Embed } from './bodyHtml.js';
import type { ExportArticle } from './types.js';

export interface EmbedderOptions {
  /** Download images missing from the cache (the person allowed it for this export). */
  fetch: boolean;
  /** The export's signal: cancelling stops the downloads too. */
  signal?: AbortSignal;
  limits?: Partial<FetchLimits>;
  /** Downloads at once; a few, to be polite to the sites and to this machine. */
  parallel?: number;
}

/** Detailed failure warnings kept per export; the rest are counted in one line. */
const MAX_DETAILED = 50;

export class ImageEmbedder {
  private readonly cache: ImageCache;
  /** Fetched images the cache refused to keep (a read-only library): held for this export only. */
  private readonly unsaved = new Map<string, CachedImage>();
  private readonly failed = new Map<string, string>();
  private readonly missing = new Set<string>();
  private readonly unsupported = new Map<string, string>();
  private readonly otherWarnings: string[] = [];
  /**
   * Hosts that did not answer: their other images are not tried in this export, so an offline
   * machine or a dead site costs one time limit, not one per image.
   */
  private readonly unreachable = new Map<string, string>();

  /** The articles' own image files (relative and site-root paths), embedded as they are on disk. */
  readonly files: LocalFiles;
  /** Local images read in this export, by `file:` URL: a picture shown by many articles is read once. */
  private readonly local = new Map<string, CachedImage | null>();

  constructor(
    db: Db,
    private readonly options: EmbedderOptions,
  ) {
    this.cache = new ImageCache(db);
    this.files = new LocalFiles(db);
  }

  /**
   * Downloads, when allowed, the images these articles show that the cache lacks, before the
   * chunk is written (the sanitizer, which decides what is embedded, runs synchronously).
   */
  async prefetch(articles: readonly ExportArticle[]): Promise<void> {
    if (!this.options.fetch || this.options.signal?.aborted) return;
    const urls = new Set<string>();
    for (const article of articles) embeddableImageUrls(article, urls);
    const todo = [...urls].filter((url) => !this.failed.has(url) && !this.unsaved.has(url) && !this.cache.has(url));
    await inParallel(todo, this.options.parallel ?? 4, async (url) => {
      if (this.options.signal?.aborted) return;
      const host = new URL(url).host;
      const earlier = this.unreachable.get(host);
      if (earlier !== undefined) return void this.failed.set(url, `not tried: ${host} failed earlier in this export (${earlier})`);
      const result = await fetchImage(url, { limits: this.options.limits, signal: this.options.signal });
      if (!result.ok) {
        if (result.unreachable) this.unreachable.set(host, result.reason);
        return void this.failed.set(url, result.reason);
      }
      const image: CachedImage = { mime: result.mime, bytes: result.bytes };
      try {
        this.cache.put(url, image);
      } catch (error) {
        this.unsaved.set(url, image);
        if (this.otherWarnings.length === 0)
          this.otherWarnings.push(
            `downloaded images could not be kept in the image cache (${(error as Error).message}); they are embedded in this export only`,
          );
      }
    });
  }

  /**
   * The local copy of a remote image, or undefined (it then stays a link). A format that can
   * carry only some types passes `accepts`; a copy of another type is then not used.
   */
  get(url: string, accepts?: { test: (mime: string) => boolean; why: string }): CachedImage | undefined {
    const image = url.startsWith('file:') ? this.localFile(url) : (this.unsaved.get(url) ?? (this.failed.has(url) ? undefined : this.cache.get(url)));
    if (image && accepts && !accepts.test(image.mime)) {
      this.unsupported.set(url, accepts.why);
      return undefined;
    }
    if (!image && !this.failed.has(url)) this.missing.add(url);
    return image;
  }

  /** The sanitizer hook for single-file digests: the image as a `data:` URL. */
  readonly dataUrl = (url: string): string | undefined => {
    const image = this.get(url);
    return image && `data:${image.mime};base64,${image.bytes.toString('base64')}`;
  };

  /** What single-file digests hand the sanitizer: {@link dataUrl} for remote and local images. */
  get dataUrls(): Embed {
    return { image: this.dataUrl, files: this.files };
  }

  // The resolver has checked the file (inside the article's folders, raster by its bytes) just
  // before; its bytes are checked again here, since they are what gets embedded.
  private localFile(url: string): CachedImage | undefined {
    let image = this.local.get(url);
    if (image === undefined) {
      try {
        const bytes = readFileSync(fileURLToPath(url));
        const mime = sniffImage(bytes);
        image = mime ? { mime, bytes } : null;
      } catch (error) {
        this.failed.set(url, (error as Error).message);
        image = null;
      }
      this.local.set(url, image);
    }
    return image ?? undefined;
  }

  /** What the report should say: failures per image (bounded), and what stayed a link. */
  warnings(): string[] {
    const out = [...this.otherWarnings];
    let n = 0;
    for (const [url, reason] of this.failed) {
      if (++n > MAX_DETAILED) break;
      out.push(`image not embedded, ${url}: ${reason}`);
    }
    if (this.failed.size > MAX_DETAILED) out.push(`${this.failed.size - MAX_DETAILED} more image(s) could not be downloaded`);
    const whys = new Set(this.unsupported.values());
    for (const why of whys)
      out.push(`${[...this.unsupported.values()].filter((w) => w === why).length} image(s) not embedded: ${why}; they are links`);
    if (this.missing.size > 0) {
      const why = this.options.fetch ? 'were not downloaded' : 'are not in the local image cache (allow downloading to embed them)';
      out.push(`${this.missing.size} image(s) ${why}; they are links`);
    }
    return out;
  }
}
