/**
 * Embedded images that become files of the export (an EPUB package, an Obsidian vault):
 * the sanitizer's image hook gives each remote or local image one file, written once however
 * many articles show it, and remembers a missing one too so the cache is not asked again.
 * What differs per format is where a file goes and how an article links to it (`place`).
 */
import type { Embed } from '../bodyHtml.js';
import type { ImageEmbedder } from '../imageEmbedder.js';
import type { ImageMime } from '../../images/sniff.js';

/** Where one image goes: its path inside the export, and the link an article gets. */
export interface PlacedImage {
  path: string;
  link: string;
}

export class PackageImages {
  private readonly links = new Map<string, string | null>();
  private pending: { path: string; bytes: Buffer }[] = [];

  constructor(
    private readonly embedder: ImageEmbedder,
    private readonly place: (mime: ImageMime) => PlacedImage,
    private readonly accepts?: { test: (mime: string) => boolean; why: string },
  ) {}

  /** What the sanitizer gets: {@link resolve} for remote and local images alike. */
  get embed(): Embed {
    return { image: this.resolve, files: this.embedder.files };
  }

  /** The sanitizer hook: the image's link, or undefined (it stays a link to the original). */
  readonly resolve = (url: string): string | undefined => {
    let link = this.links.get(url);
    if (link === undefined) {
      const image = this.embedder.get(url, this.accepts);
      link = null;
      if (image) {
        const placed = this.place(image.mime);
        this.pending.push({ path: placed.path, bytes: image.bytes });
        link = placed.link;
      }
      this.links.set(url, link);
    }
    return link ?? undefined;
  };

  /** Image files (paths inside the export) first shown since the last call, for the writer to save. */
  takeNew(): { path: string; bytes: Buffer }[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
