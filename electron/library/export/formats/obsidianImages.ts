/**
 * Embedded images of an Obsidian vault: each a file in `attachments/` beside the notes, linked
 * by a relative path, written once however many notes show it. Every type the image cache
 * holds is kept (Obsidian shows PNG, JPEG, GIF, WebP and AVIF).
 */
import type { Embed } from '../bodyHtml.js';
import type { ImageEmbedder } from '../imageEmbedder.js';
import { IMAGE_EXTENSIONS } from '../../images/sniff.js';

/** The vault folder that holds the images (Obsidian's "Files and links" setting can point at it). */
export const ATTACHMENTS = 'attachments';

export class VaultImages {
  private readonly paths = new Map<string, string | null>();
  private pending: { path: string; bytes: Buffer }[] = [];
  private count = 0;

  constructor(private readonly embedder: ImageEmbedder) {}

  /** What the sanitizer gets for notes: {@link resolve} for remote and local images alike. */
  get embed(): Embed {
    return { image: this.resolve, files: this.embedder.files };
  }

  /** The sanitizer hook: the image's path relative to the vault root, or undefined (it stays a link). */
  readonly resolve = (url: string): string | undefined => {
    let path = this.paths.get(url);
    if (path === undefined) {
      const image = this.embedder.get(url);
      path = null;
      if (image) {
        path = `${ATTACHMENTS}/image-${String(++this.count).padStart(5, '0')}.${IMAGE_EXTENSIONS[image.mime]}`;
        this.pending.push({ path, bytes: image.bytes });
      }
      // A missing image is remembered too: the cache is not asked again for every note.
      this.paths.set(url, path);
    }
    return path ?? undefined;
  };

  /** Image files first shown since the last call, for the writer to save. */
  takeNew(): { path: string; bytes: Buffer }[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
