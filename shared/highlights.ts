/**
 * Highlights (issue 16): marked passages of an article with a colour and an optional note,
 * anchored the way W3C Web Annotation selectors are so they survive edits of the body.
 */
import type { ChangeResult } from './types.js';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/**
 * Where a highlight sits, as W3C Web Annotation selectors do: the quoted text with some
 * context (TextQuoteSelector) and its offsets (TextPositionSelector) in the article's
 * anchor text (see anchorText below).
 */
export interface TextAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Highlight extends TextAnchor {
  id: number;
  articleId: number;
  color: HighlightColor;
  /** The person's note; '' when none. */
  note: string;
  /** The quoted text could not be placed in the article's current body; kept, shown apart. */
  detached: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface HighlightListItem extends Highlight {
  articleTitle: string;
  articleSource: string | null;
  articleDate: string | null;
}

export interface HighlightsApi {
  /** The article's highlights in reading order, detached ones last. */
  forArticle(args: { id: number }): Promise<Highlight[]>;
  /** Highlights across the library, newest first, of the articles matching `query` (all when empty). */
  list(args: { query?: string; offset?: number; limit?: number }): Promise<{ items: HighlightListItem[]; total: number }>;
  /** Marks a passage (undoable). Fails with `bad-request` when the quote is not in the article. */
  add(args: { articleId: number; anchor: TextAnchor; color?: HighlightColor; note?: string }): Promise<ChangeResult & { highlight: Highlight }>;
  /** Recolours or annotates (undoable). */
  update(args: { id: number; color?: HighlightColor; note?: string }): Promise<ChangeResult>;
  /** Deletes (undoable). */
  delete(args: { id: number }): Promise<ChangeResult>;
}

/** The longest note a highlight keeps. */
export const MAX_HIGHLIGHT_NOTE = 10_000;
/** The longest passage one highlight quotes. */
export const MAX_HIGHLIGHT_EXACT = 10_000;
