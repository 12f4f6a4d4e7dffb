/**
 * Finds the file an article's local image names, and refuses everything that is not a raster
 * image inside the article's own folders.
 *
 * Two places may hold an article's pictures: its imported folder (a path relative to the
 * article's file: Hugo page bundles, `../shared/a.png`) and a Hugo site's `static/` folder at
 * or above the imported folder (site-root paths, `/img/x.png`). A path is checked twice:
 * lexically (no `..` out of the folder) and by real path after every symlink is followed (no
 * link out of it). The type is decided by the file's first bytes, never by its name.
 * Synchronous: a preview resolves a handful of images, each a realpath and a 32-byte read.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describeRefusal, sniffImage, type ImageMime } from '../images/sniff.js';
import type { LocalPath } from '../sanitize/urls.js';
import { isInside } from '../paths.js';

/** Where an article's file sits: its imported folder (a real path, as stored) and its path inside. */
export interface ArticlePlace {
  root: string;
  /** `/`-separated, relative to root. */
  relPath: string;
}

/** A local image that may be shown, or why not (in words for a placeholder). */
export type LocalImage = { ok: true; file: string; mime: ImageMime } | { ok: false; reason: string };

/** A local image read whole, for serving or embedding: the bytes checked are the bytes sent. */
export type LocalImageBytes = { ok: true; file: string; mime: ImageMime; bytes: Buffer } | { ok: false; reason: string };

/** Larger files are refused rather than read into memory: no article picture is this big. */
export const MAX_LOCAL_IMAGE_BYTES = 50 * 1024 * 1024;

/** Files whose presence makes a folder a Hugo site (its `static/` then serves from the site root). */
const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

// Enough to tell an SVG (which may open with an XML declaration and a comment) from other text.
const SNIFF_BYTES = 512;

/**
 * The `static/` folder (real path) of the Hugo site the imported folder belongs to: the nearest
 * folder at or above `root` holding both a Hugo config file and `static/`. Null when none.
 */
export function siteStaticFolder(root: string): string | null {
  for (let dir = root; ; dir = dirname(dir)) {
    const folder = join(dir, 'static');
    if (statSync(folder, { throwIfNoEntry: false })?.isDirectory() && HUGO_CONFIGS.some((name) => existsSync(join(dir, name)))) {
      try {
        return realpathSync(folder);
      } catch {
        return null;
      }
    }
    if (dirname(dir) === dir) return null;
  }
}

/**
 * The image `ref` names for the article at `place`, or the reason it is not shown. `staticFolder`
 * is {@link siteStaticFolder} of the place's root, passed in so a page with many images looks once.
 */
export function resolveLocalImage(place: ArticlePlace, ref: LocalPath, staticFolder: string | null = siteStaticFolder(place.root)): LocalImage {
  const found = localFile(place, ref, staticFolder);
  if (!found.ok) return found;
  const read = readImage(found.file, false);
  return read.ok ? { ok: true, file: read.file, mime: read.mime } : read;
}

/** Like {@link resolveLocalImage}, with the file's bytes (for the preview route and exports). */
export function readLocalImage(place: ArticlePlace, ref: LocalPath, staticFolder: string | null = siteStaticFolder(place.root)): LocalImageBytes {
  const found = localFile(place, ref, staticFolder);
  return found.ok ? readImage(found.file, true) : found;
}

/** The real path of the file `ref` names inside its allowed folder, or why there is none. */
function localFile(place: ArticlePlace, ref: LocalPath, staticFolder: string | null): { ok: true; file: string } | { ok: false; reason: string } {
  let folder: string;
  let candidate: string;
  if (ref.kind === 'relative') {
    folder = place.root;
    candidate = resolve(dirname(join(place.root, place.relPath)), ref.path);
  } else {
    if (staticFolder === null) return { ok: false, reason: 'no Hugo static folder at or above the imported folder' };
    folder = staticFolder;
    candidate = resolve(staticFolder, `.${ref.path}`);
  }
  const outside = { ok: false, reason: 'outside the imported folder' } as const;
  if (!isInside(folder, candidate) || candidate === folder) return outside;
  let real: string;
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
    real = realpathSync(candidate);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' || code === 'ENOTDIR' ? 'not found' : `could not be read (${code ?? 'error'})` };
  }
  if (!isInside(realFolder, real)) return { ok: false, reason: 'a link that leads outside the imported folder' };
  return { ok: true, file: real };
}

function readImage(file: string, whole: boolean): LocalImageBytes {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return { ok: false, reason: `could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    // fstat on the opened file: what is read is what was checked, even if the name is swapped.
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, reason: 'not a file' };
    if (info.size > MAX_LOCAL_IMAGE_BYTES) return { ok: false, reason: `larger than ${MAX_LOCAL_IMAGE_BYTES / 1024 / 1024} MB` };
    const bytes = Buffer.alloc(whole ? info.size : Math.min(info.size, SNIFF_BYTES));
    let length = 0;
    while (length < bytes.length) {
      const n = readSync(fd, bytes, length, bytes.length - length, length);
      if (n === 0) break; // the file shrank while being read
      length += n;
    }
    const read = bytes.subarray(0, length);
    const mime = sniffImage(read);
    return mime ? { ok: true, file, mime, bytes: read } : { ok: false, reason: localRefusal(read) };
  } finally {
    closeSync(fd);
  }
}

// describeRefusal speaks of servers for markup; a local text file is simply not an image.
function localRefusal(head: Uint8Array): string {
  const why = describeRefusal(head);
  return why.includes('SVG') ? 'an SVG image, which can carry scripts' : 'not a PNG, JPEG, GIF, WebP or AVIF image';
}
