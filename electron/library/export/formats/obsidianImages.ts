/**
 * Embedded images of an Obsidian vault: each a file in `images/` beside the notes, linked by a
 * relative path, written once however many notes show it. Every type the image cache holds is
 * kept (Obsidian shows PNG, JPEG, GIF, WebP and AVIF).
 *
 * The sanitizer writes only one relative image path, a package's `../images/name.ext` (see
 * PACKAGE_IMAGE), so that is what it is given; {@link vaultImageLinks} then points the note's
 * Markdown at `images/name.ext`, since the notes sit at the vault's root.
 */
import type { ImageEmbedder } from '../imageEmbedder.js';
import { IMAGE_EXTENSIONS } from '../../images/sniff.js';
import { PackageImages } from './packageImages.js';

/** The vault folder that holds the images (Obsidian's "Files and links" setting can point at it). */
export const ATTACHMENTS = 'images';

// Only the names this module hands out, in a Markdown image or link target not escaped as text.
// (A title may follow the path: `](../images/image-00002.jpg "Photo")`.)
const PACKAGE_LINK = /(?<!\\)\]\(\.\.\/images\/(image-\d{5}\.(?:png|jpg|gif|webp|avif))(?=[ )])/g;

/** Rewrites the sanitizer's package paths in converted Markdown to the vault's `images/…`. */
export function vaultImageLinks(markdown: string): string {
  return markdown.replace(PACKAGE_LINK, `](${ATTACHMENTS}/$1`);
}

/** The vault's images: `images/image-NNNNN.ext`, linked as the sanitizer's package path (see above). */
export class VaultImages extends PackageImages {
  private count = 0;

  constructor(embedder: ImageEmbedder) {
    super(embedder, (mime) => {
      const name = `image-${String(++this.count).padStart(5, '0')}.${IMAGE_EXTENSIONS[mime]}`;
      return { path: `${ATTACHMENTS}/${name}`, link: `../${ATTACHMENTS}/${name}` };
    });
  }
}
