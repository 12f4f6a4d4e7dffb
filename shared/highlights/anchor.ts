/**
 * Placing a quoted passage in an article's anchor text (see shared/highlights.ts), the way
 * Hypothesis re-anchors annotations: the exact quote first (its context and position choose
 * among repeats), then a fuzzy match that tolerates small edits around and inside the quote.
 * Pure: the server (re-anchoring, `highlight add --text`) and the renderer (drawing marks)
 * both use it. Offsets are UTF-16 code units (JavaScript string indexes).
 */
import approxSearch from 'approx-string-match';
import type { TextAnchor } from '../highlights.js';

/** How much context a quote keeps on each side. */
export const CONTEXT_LENGTH = 32;

/**
 * The share of the quote's length a fuzzy match may differ by. Tolerates a changed word in a
 * sentence-long quote without placing a short quote on some unrelated passage.
 */
const MAX_ERROR_RATIO = 0.2;
/** The fuzzy search's cost grows with the errors allowed; long quotes stop at this many. */
const MAX_ERRORS = 256;
/** A fuzzy match must score at least this (1 = quote and context unchanged; see score()). */
const MIN_FUZZY_SCORE = 0.75;

/** The quote between `start` and `end` of `text`, with its context. */
export function quoteAt(text: string, start: number, end: number): TextAnchor {
  const from = clamp(Math.min(start, end), 0, text.length);
  const to = clamp(Math.max(start, end), 0, text.length);
  return {
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - CONTEXT_LENGTH), from),
    suffix: text.slice(to, to + CONTEXT_LENGTH),
    start: from,
    end: to,
  };
}

/**
 * Where `anchor`'s quote is in `text` now, or null when it cannot be placed. An exact
 * occurrence wins over any fuzzy one; among several, the one whose context matches best, then
 * the one nearest the stored position.
 */
export function locate(text: string, anchor: TextAnchor): { start: number; end: number } | null {
  const { exact } = anchor;
  if (exact.length === 0) return null;
  // The common case (an unchanged body): the quote and its context are where they were.
  if (
    text.slice(anchor.start, anchor.end) === exact &&
    text.slice(Math.max(0, anchor.start - anchor.prefix.length), anchor.start) === anchor.prefix &&
    text.slice(anchor.end, anchor.end + anchor.suffix.length) === anchor.suffix
  ) {
    return { start: anchor.start, end: anchor.end };
  }
  const exactMatches: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    exactMatches.push({ start: at, end: at + exact.length, errors: 0 });
  }
  if (exactMatches.length > 0) return best(text, anchor, exactMatches).place;

  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length * MAX_ERROR_RATIO));
  if (maxErrors === 0) return null;
  const fuzzy = approxSearch(text, exact, maxErrors);
  if (fuzzy.length === 0) return null;
  const found = best(text, anchor, fuzzy);
  return found.score >= MIN_FUZZY_SCORE ? found.place : null;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

function best(text: string, anchor: TextAnchor, candidates: Candidate[]): { place: { start: number; end: number }; score: number } {
  let top = candidates[0]!;
  let topScore = -Infinity;
  for (const candidate of candidates) {
    const s = score(text, anchor, candidate);
    if (s > topScore) {
      top = candidate;
      topScore = s;
    }
  }
  return { place: { start: top.start, end: top.end }, score: topScore };
}

/**
 * Hypothesis's weighting: the quote counts most, then its context, and the position only
 * breaks ties between otherwise equal matches. 1 is a perfect match at the stored place.
 */
function score(text: string, anchor: TextAnchor, match: Candidate): number {
  const quote = 1 - match.errors / anchor.exact.length;
  const prefix = anchor.prefix ? similarity(text.slice(Math.max(0, match.start - anchor.prefix.length), match.start), anchor.prefix) : 1;
  const suffix = anchor.suffix ? similarity(text.slice(match.end, match.end + anchor.suffix.length), anchor.suffix) : 1;
  const position = text.length === 0 ? 1 : 1 - Math.min(1, Math.abs(match.start - anchor.start) / text.length);
  return (50 * quote + 20 * prefix + 20 * suffix + 2 * position) / 92;
}

/** 1 for equal strings, 0 for nothing in common (by the edit distance of `wanted` within `found`). */
function similarity(found: string, wanted: string): number {
  if (found.length === 0) return 0;
  const matches = approxSearch(found, wanted, wanted.length);
  return matches.length === 0 ? 0 : 1 - matches[0]!.errors / wanted.length;
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}
