/**
 * Embedded images in an EPUB: each a real file in the package (`OEBPS/images/iNNNNN.ext`),
 * listed in the manifest with its media type, written once however many chapters show it.
 * Only EPUB core media types are used (PNG, JPEG, GIF): a reading system need not show any
 * other, and epubcheck requires a fallback for them; WebP and AVIF stay links.
 */
import type { ImageEmbedder } from '../imageEmbedder.js';
import { IMAGE_EXTENSIONS, type ImageMime } from '../../images/sniff.js';
import { PackageImages } from './packageImages.js';

/** An image file of the book, as the package document lists it. */
export interface BookImage {
  id: string;
  /** Relative to the package document (OEBPS/). */
  href: string;
  mime: ImageMime;
}

const CORE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);
const CORE_ONLY = { test: (mime: string) => CORE_TYPES.has(mime), why: 'WebP and AVIF are not types every EPUB reader shows' };

/** The book's images: `OEBPS/images/iNNNNN.ext`, linked from chapters in `OEBPS/text/`, listed in the manifest. */
export class BookImages extends PackageImages {
  /** Files of the book so far, in the order they were first shown. */
  readonly items: BookImage[] = [];

  constructor(embedder: ImageEmbedder) {
    super(
      embedder,
      (mime) => {
        const n = String(this.items.length + 1).padStart(5, '0');
        const href = `images/i${n}.${IMAGE_EXTENSIONS[mime]}`;
        this.items.push({ id: `img${n}`, href, mime });
        return { path: `OEBPS/${href}`, link: `../${href}` };
      },
      CORE_ONLY,
    );
  }
}
