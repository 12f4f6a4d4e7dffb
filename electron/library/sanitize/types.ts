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
