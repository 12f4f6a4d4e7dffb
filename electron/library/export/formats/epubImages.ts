/**
 * Embedded images in an EPUB: each a real file in the package (`OEBPS/images/iNNNNN.ext`),
 * listed in the manifest with its media type, written once however many chapters show it.
 * Only EPUB core media types are used (PNG, JPEG, GIF): a reading system need not show any
 * other, and epubcheck requires a fallback for them; WebP and AVIF stay links.
 */
import type { Embed } from '../bodyHtml.js';
import type { ImageEmbedder } from '../imageEmbedder.js';
import { IMAGE_EXTENSIONS, type ImageMime } from '../../images/sniff.js';

/** An image file of the book, as the package document lists it. */
export interface BookImage {
  id: string;
  /** Relative to the package document (OEBPS/). */
  href: string;
  mime: ImageMime;
}

const CORE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);
const CORE_ONLY = { test: (mime: string) => CORE_TYPES.has(mime), why: 'WebP and AVIF are not types every EPUB reader shows' };

export class BookImages {
  /** Files of the book so far, in the order they were first shown. */
  readonly items: BookImage[] = [];
  private readonly hrefs = new Map<string, string | null>();
  private pending: { name: string; bytes: Buffer }[] = [];

  constructor(private readonly embedder: ImageEmbedder) {}

  /** What the sanitizer gets for chapters: {@link resolve} for remote and local images alike. */
  get embed(): Embed {
    return { image: this.resolve, files: this.embedder.files };
  }

  /** The sanitizer hook for chapters (in OEBPS/text/): the image's path, or undefined. */
  readonly resolve = (url: string): string | undefined => {
    let href = this.hrefs.get(url);
    if (href === undefined) {
      const image = this.embedder.get(url, CORE_ONLY);
      href = image ? this.add(image.mime, image.bytes) : null;
      // A missing image is remembered too: the cache is not asked again for every chapter.
      this.hrefs.set(url, href);
    }
    return href === null ? undefined : `../${href}`;
  };

  /** Image files first shown since the last call: the writer adds them to the zip. */
  takeNew(): { name: string; bytes: Buffer }[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  private add(mime: ImageMime, bytes: Buffer): string {
    const n = String(this.items.length + 1).padStart(5, '0');
    const href = `images/i${n}.${IMAGE_EXTENSIONS[mime]}`;
    this.items.push({ id: `img${n}`, href, mime });
    this.pending.push({ name: `OEBPS/${href}`, bytes });
    return href;
  }
}
