import type { LocalPath } from './urls.js';

/** What kind of remote resource the sanitizer kept the reader from loading. */
export type BlockedKind = 'image' | 'media' | 'iframe' | 'stylesheet' | 'font' | 'other';

/** One remote resource an article asked for and did not get (one entry per occurrence). */
export interface BlockedItem {
  kind: BlockedKind;
  /** Absolute http(s) URL, protocol-relative ones resolved to https. */
  url: string;
}

/** Per-call choices for {@link sanitizeArticleHtml}. */
export interface SanitizeOptions {
  /**
   * Keep `<img>` pointing at http(s) URLs. Off by default in the app: a remote image tells
   * the sender that (and when, and from where) the article was read. Audio, video and frames
   * stay blocked either way.
   */
  allowRemoteImages: boolean;
  /**
   * Exports only: the image to show instead of a remote one that would be held back. Called
   * with the image's absolute URL (never for tracking pixels, which are dropped first); returns
   * the src to write, or undefined to keep the placeholder. Only a raster `data:` URL or a
   * package-relative image path ({@link PACKAGE_IMAGE}) is accepted; anything else is ignored.
   * A package path does not survive a second sanitizing pass, so such output is for packages
   * (EPUB), never for the reading pane.
   */
  embedImage?: (url: string) => string | undefined;
  /**
   * The article's own files: images and links with a relative or site-root path. Absent, such
   * images are dropped and such links keep only their text (nothing to load offline).
   */
  local?: LocalResources;
}

/** How one article's local paths are answered; see SanitizeOptions.local. */
export interface LocalResources {
  /**
   * The src to write for a local image: the preview's route ({@link LOCAL_IMAGE_SRC}) or an
   * export's embedded copy (see embedImage for the accepted forms); or, when it is not shown,
   * why, in words for the placeholder ("not found", "outside the imported folder").
   */
  image(ref: LocalPath, src: string): { src: string } | { refused: string };
  /** The id of the library article a local link names, or undefined (the link keeps its text only). */
  article(ref: LocalPath): number | undefined;
}

/** The sanitized body and what was held back from it. */
export interface SanitizeResult {
  html: string;
  blockedRemote: BlockedItem[];
}

/** Class of the placeholder element that stands in for a blocked resource; the only class kept. */
export const PLACEHOLDER_CLASS = 'gleaner-blocked';

/** Every {@link BlockedKind}, for validating a placeholder read back from stored HTML. */
export const BLOCKED_KINDS: ReadonlySet<string> = new Set<BlockedKind>(['image', 'media', 'iframe', 'stylesheet', 'font', 'other']);
