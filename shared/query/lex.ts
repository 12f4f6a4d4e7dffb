/**
 * Turns raw pieces (scan.ts) into the tokens the parser works with: operators,
 * and leaves already checked (field names known, values valid, `*` placed right).
 * Tokens are produced on demand, so the first problem reported is the first one
 * in the text, wherever it comes from.
 */
import type { QueryError, QueryField, QueryNode, Span } from './ast.js';
import { checkFieldValue, missingValueMessage, toQueryField, unknownFieldMessage } from './fields.js';
import { scanToken, type RawToken } from './scan.js';

export type Token = { type: 'lparen' | 'rparen' | 'minus' | 'or' | 'and' | 'not'; span: Span } | { type: 'leaf'; node: QueryNode; span: Span };

/** Internal: carries a QueryError out of deep recursion; parseQuery catches it. */
export class QuerySyntaxError extends Error {
  constructor(readonly queryError: QueryError) {
    super(queryError.message);
  }
}

/** Throws a QuerySyntaxError for [start, end). */
export function fail(message: string, start: number, end: number): never {
  throw new QuerySyntaxError({ message, span: { start, end } });
}

// A Map, not an object literal, so words like `constructor` are not found on the prototype.
const KEYWORDS = new Map<string, 'or' | 'and' | 'not'>([
  ['OR', 'or'],
  ['AND', 'and'],
  ['NOT', 'not'],
]);

/** `name:rest` where name is letters only: the shape of a filter. */
const FILTER_SHAPE = /^([A-Za-z]+):([\s\S]*)$/;

/**
 * `scheme:` prefixes that are text, not filters, so a pasted link stays
 * searchable. Anything followed by `//` is treated as a link too.
 */
const TEXT_SCHEMES = new Set(['http', 'https', 'mailto', 'ftp', 'file']);

function unclosedQuote(input: string, quoteStart: number): never {
  return fail(`Unclosed quote starting at character ${quoteStart + 1}`, quoteStart, input.length);
}

function fieldLeaf(field: QueryField, value: string, span: Span, valueSpan: Span): Token {
  const checked = checkFieldValue(field, value);
  if (!checked.ok) return fail(checked.message, valueSpan.start, valueSpan.end);
  return { type: 'leaf', span, node: { kind: 'field', field, value: checked.value, span } };
}

function textWord(word: string, span: Span): Token {
  const star = word.indexOf('*');
  let value = word;
  let prefix = false;
  if (star !== -1) {
    if (/^\*+$/.test(word)) fail('"*" needs letters before it, as in gov*', span.start, span.end);
    if (star !== word.length - 1) fail(`"*" only works at the end of a word, as in gov*`, span.start, span.end);
    // Shorter prefixes match nearly every article and are not in the index's prefix lists.
    if ([...word].length < 3) fail(`"${word}" is too short: a prefix needs at least 2 letters before "*", as in gov*`, span.start, span.end);
    value = word.slice(0, -1);
    prefix = true;
  }
  return { type: 'leaf', span, node: { kind: 'text', value, phrase: false, prefix, span } };
}

/** Classifies one raw piece; throws QuerySyntaxError when it is wrong on its own. */
export function classify(input: string, raw: RawToken): Token {
  const span = { start: raw.start, end: raw.end };
  if (raw.kind !== 'word' && raw.kind !== 'quoted') return { type: raw.kind, span };
  const q = raw.quoted;
  if (raw.kind === 'quoted' && q) {
    if (!q.closed) unclosedQuote(input, q.start);
    if (q.value.trim() === '') fail(`Empty quotes at character ${q.start + 1}: put the words to find between them`, span.start, span.end);
    return { type: 'leaf', span, node: { kind: 'text', value: q.value, phrase: true, prefix: false, span } };
  }
  if (q) {
    // A word glued to quotes is always `letters:"…"` (see scan.ts).
    const name = input.slice(raw.start, q.start - 1);
    const field = toQueryField(name);
    if (field === null) {
      return fail(unknownFieldMessage(name, q.closed ? `${name}:${q.value}` : undefined), raw.start, q.start);
    }
    if (!q.closed) unclosedQuote(input, q.start);
    return fieldLeaf(field, q.value, span, { start: q.start, end: raw.end });
  }
  const word = input.slice(raw.start, raw.end);
  const keyword = KEYWORDS.get(word);
  if (keyword) return { type: keyword, span };
  const m = FILTER_SHAPE.exec(word);
  if (m) {
    const name = m[1] as string;
    const rest = m[2] as string;
    const colon = raw.start + name.length;
    const field = toQueryField(name);
    if (field !== null) {
      if (rest === '') fail(missingValueMessage(field), raw.start, colon + 1);
      return fieldLeaf(field, rest, span, { start: colon + 1, end: raw.end });
    }
    const looksLikeLink = rest.startsWith('//') || TEXT_SCHEMES.has(name.toLowerCase());
    // `note:` on its own is ordinary text; with a value after it, it is a mistyped filter.
    if (rest !== '' && !looksLikeLink) fail(unknownFieldMessage(name, word), raw.start, colon + 1);
  }
  return textWord(word, span);
}

/** Tokens on demand with one token of lookahead. */
export class Lexer {
  private pos = 0;
  private ahead: Token | null | undefined;
  /** End of the last token next() returned: where the term just parsed ends. */
  consumedEnd = 0;

  constructor(private readonly input: string) {}

  /** The next token without consuming it; null at the end. */
  peek(): Token | null {
    if (this.ahead === undefined) {
      const raw = scanToken(this.input, this.pos);
      if (raw) this.pos = raw.end;
      this.ahead = raw ? classify(this.input, raw) : null;
    }
    return this.ahead;
  }

  /** Consumes and returns the next token; null at the end. */
  next(): Token | null {
    const token = this.peek();
    this.ahead = undefined;
    if (token) this.consumedEnd = token.span.end;
    return token;
  }
}
