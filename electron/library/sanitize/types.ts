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
}

/** The sanitized body and what was held back from it. */
export interface SanitizeResult {
  html: string;
  blockedRemote: BlockedItem[];
}

/** Class of the placeholder element that stands in for a blocked resource; the only class kept. */
export const PLACEHOLDER_CLASS = 'gleaner-blocked';

/** Every {@link BlockedKind}, for validating a placeholder read back from stored HTML. */
export const BLOCKED_KINDS: ReadonlySet<string> = new Set<BlockedKind>([
  'image', 'media', 'iframe', 'stylesheet', 'font', 'other',
]);
