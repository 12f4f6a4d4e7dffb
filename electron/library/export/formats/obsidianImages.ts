/**
 * Embedded images of an Obsidian vault: each a file in `images/` beside the notes, linked by a
 * relative path, written once however many notes show it. Every type the image cache holds is
 * kept (Obsidian shows PNG, JPEG, GIF, WebP and AVIF).
 *
 * The sanitizer writes only one relative image path, a package's `../images/name.ext` (see
 * PACKAGE_IMAGE), so that is what it is given; {@link vaultImageLinks} then points the note's
 * Markdown at `images/name.ext`, since the notes sit at the vault's root.
 */
import type { Embed } from '../bodyHtml.js';
import type { ImageEmbedder } from '../imageEmbedder.js';
import { IMAGE_EXTENSIONS } from '../../images/sniff.js';

/** The vault folder that holds the images (Obsidian's "Files and links" setting can point at it). */
export const ATTACHMENTS = 'images';

// Only the names this module hands out, in a Markdown image or link target not escaped as text.
// (A title may follow the path: `](../images/image-00002.jpg "Photo")`.)
const PACKAGE_LINK = /(?<!\\)\]\(\.\.\/images\/(image-\d{5}\.(?:png|jpg|gif|webp|avif))(?=[ )])/g;

/** Rewrites the sanitizer's package paths in converted Markdown to the vault's `images/…`. */
export function vaultImageLinks(markdown: string): string {
  return markdown.replace(PACKAGE_LINK, `](${ATTACHMENTS}/$1`);
}

export class VaultImages {
  private readonly paths = new Map<string, string | null>();
  private pending: { path: string; bytes: Buffer }[] = [];
  private count = 0;

  constructor(private readonly embedder: ImageEmbedder) {}

  /** What the sanitizer gets for notes: {@link resolve} for remote and local images alike. */
  get embed(): Embed {
    return { image: this.resolve, files: this.embedder.files };
  }

  /** The sanitizer hook: the image's package path (`../images/…`), or undefined (it stays a link). */
  readonly resolve = (url: string): string | undefined => {
    let path = this.paths.get(url);
    if (path === undefined) {
      const image = this.embedder.get(url);
      path = null;
      if (image) {
        const name = `image-${String(++this.count).padStart(5, '0')}.${IMAGE_EXTENSIONS[image.mime]}`;
        path = `../${ATTACHMENTS}/${name}`;
        this.pending.push({ path: `${ATTACHMENTS}/${name}`, bytes: image.bytes });
      }
      // A missing image is remembered too: the cache is not asked again for every note.
      this.paths.set(url, path);
    }
    return path ?? undefined;
  };

  /** Image files (paths relative to the vault) first shown since the last call, for the writer to save. */
  takeNew(): { path: string; bytes: Buffer }[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
