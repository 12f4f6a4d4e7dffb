/**
 * Splits typed query text into raw pieces without judging them.
 *
 * Both the parser (which then classifies and validates each piece) and the
 * chip editing helpers (which must cope with half-typed, invalid queries) use
 * this, so "where does a term start and end" is decided in one place only.
 */

/** What a raw piece looks like, before anyone decides what it means. */
export type RawKind = 'lparen' | 'rparen' | 'minus' | 'word' | 'quoted';

export interface RawToken {
  kind: RawKind;
  /** Half-open [start, end) in the input. */
  start: number;
  end: number;
  /**
   * Set for a `"quoted"` piece and for a word glued to quotes (`tag:"x y"`):
   * the unescaped text, where its opening quote is, and whether it was closed.
   */
  quoted?: QuotedText;
}

export interface QuotedText {
  value: string;
  /** Index of the opening `"`. */
  start: number;
  closed: boolean;
}

/** Whitespace as the query sees it; formatters must agree with the scanner. */
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** Characters that end an unquoted word. */
export function isWordBreak(ch: string): boolean {
  return ch === '(' || ch === ')' || ch === '"' || isSpace(ch);
}

/** `letters:` exactly, the only word that may be glued to a following quote. */
const FIELD_PREFIX = /^[A-Za-z]+:$/;

/**
 * Reads a quoted string whose opening `"` is at `start`. Only `\"` and `\\`
 * are escapes, so a pasted Windows path like `"C:\Users"` keeps its backslash.
 */
export function readQuoted(input: string, start: number): { value: string; end: number; closed: boolean } {
  const parts: string[] = [];
  let from = start + 1;
  let i = from;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '\\' && (input[i + 1] === '"' || input[i + 1] === '\\')) {
      parts.push(input.slice(from, i), input[i + 1] as string);
      i += 2;
      from = i;
      continue;
    }
    if (ch === '"') {
      parts.push(input.slice(from, i));
      return { value: parts.join(''), end: i + 1, closed: true };
    }
    i++;
  }
  parts.push(input.slice(from));
  return { value: parts.join(''), end: input.length, closed: false };
}

/**
 * The next raw piece at or after `pos`, or null at the end. Always consumes at
 * least one character, so loops over it terminate.
 */
export function scanToken(input: string, pos: number): RawToken | null {
  let i = pos;
  while (i < input.length && isSpace(input[i])) i++;
  if (i >= input.length) return null;
  const ch = input[i];
  if (ch === '(') return { kind: 'lparen', start: i, end: i + 1 };
  if (ch === ')') return { kind: 'rparen', start: i, end: i + 1 };
  if (ch === '"') {
    const q = readQuoted(input, i);
    return { kind: 'quoted', start: i, end: q.end, quoted: { value: q.value, start: i, closed: q.closed } };
  }
  // A dash negates only when it starts a term and something follows it, so a
  // lone `-` (and the dash in `covid-19`, which never starts a term) stays text.
  if (ch === '-') {
    const next = input[i + 1];
    if (next !== undefined && !isSpace(next) && next !== ')') return { kind: 'minus', start: i, end: i + 1 };
  }
  let j = i;
  while (j < input.length && !isWordBreak(input[j] as string)) j++;
  if (input[j] === '"' && FIELD_PREFIX.test(input.slice(i, j))) {
    const q = readQuoted(input, j);
    return { kind: 'word', start: i, end: q.end, quoted: { value: q.value, start: j, closed: q.closed } };
  }
  return { kind: 'word', start: i, end: j };
}

/** Every raw piece of the input, in order. Never fails. */
export function scanAll(input: string): RawToken[] {
  const tokens: RawToken[] = [];
  for (let t = scanToken(input, 0); t; t = scanToken(input, t.end)) tokens.push(t);
  return tokens;
}
