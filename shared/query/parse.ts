/**
 * Parses the search box text into a QueryNode tree (see ast.ts).
 *
 * Grammar, loosest binding first (Google style: OR binds tighter than AND, so
 * `a b OR c` is `a AND (b OR c)` and `"public sector" OR nhs` is one group):
 *
 *   query   := and? EOF
 *   and     := or ( "AND"? or )*          whitespace and AND mean the same
 *   or      := unary ( "OR" unary )*
 *   unary   := ( "-" | "NOT" ) unary | primary
 *   primary := "(" and ")" | word | word* | "phrase" | field:value | field:"value"
 *
 * OR, AND and NOT are operators only in uppercase; `or` is an ordinary word.
 * Text that merely contains a colon stays text when it is a link (`http:`,
 * `https:`, `mailto:`, `ftp:`, `file:`, anything followed by `//`) or when
 * nothing follows the colon (`note:`); any other `letters:value` with an
 * unknown name is an error, because it is almost always a mistyped filter.
 * To search for such text, quote it: `"foo:bar"`.
 */
import type { ParsedQuery, QueryNode, Span } from './ast.js';
import { fail, Lexer, QuerySyntaxError, type Token } from './lex.js';

/**
 * Brackets plus negations allowed inside each other. Bounds recursion here and
 * in every tree walk downstream, so no input can overflow the stack.
 */
export const MAX_QUERY_DEPTH = 64;

/**
 * Words to match in one search (each CJK letter counts as one: it is one unit in the
 * index). Each reads a whole list of matches, and counting and ranking cost grows with
 * words times matches: at 100,000 articles, 64 common words took seconds, 16 stay
 * well under one.
 */
export const MAX_QUERY_WORDS = 16;
/** Words and filters in one search: filters are cheap, but not free. */
export const MAX_QUERY_TERMS = 64;
/**
 * Prefixes (`gov*`) in one search. Each one reads a merged list of every word that starts
 * that way, the costliest kind of word.
 */
export const MAX_QUERY_PREFIXES = 8;

const at = (span: Span): string => `character ${span.start + 1}`;

const CJK_LETTER = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/gu;
/** Index terms in a text value: runs of letters and digits, and every CJK letter on its own. */
const termsIn = (value: string): number => Math.max(1, (value.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) + (value.match(CJK_LETTER)?.length ?? 0));

/** Refuses a search with more words, terms or prefixes than a reader may be asked to match. */
function checkCost(root: QueryNode): void {
  let terms = 0;
  let words = 0;
  let prefixes = 0;
  const walk = (node: QueryNode): void => {
    if (node.kind === 'not') return walk(node.child);
    if (node.kind === 'and' || node.kind === 'or') return node.children.forEach(walk);
    const inIndex = node.kind === 'text' || (node.kind === 'field' && node.field === 'title') ? termsIn(node.value) : 0;
    words += inIndex;
    terms += Math.max(inIndex, 1);
    if (node.kind === 'text' && node.prefix) prefixes++;
    if (words > MAX_QUERY_WORDS) fail(`Too many words: at most ${MAX_QUERY_WORDS} words to match in one search`, node.span.start, node.span.end);
    if (terms > MAX_QUERY_TERMS) fail(`Too many terms: at most ${MAX_QUERY_TERMS} words and filters in one search`, node.span.start, node.span.end);
    if (prefixes > MAX_QUERY_PREFIXES)
      fail(`Too many prefixes: at most ${MAX_QUERY_PREFIXES} words ending in * in one search`, node.span.start, node.span.end);
  };
  walk(root);
}

function needsBothSides(op: Token): never {
  const word = op.type === 'or' ? 'OR' : 'AND';
  return fail(`${word} needs a term on both sides`, op.span.start, op.span.end);
}

/** One child stays itself; same-kind children are spliced in so trees stay flat. */
function combine(kind: 'and' | 'or', children: QueryNode[], span: Span): QueryNode | null {
  if (children.length < 2) return children[0] ?? null;
  const flat = children.flatMap((c) => (c.kind === kind ? c.children : [c]));
  return { kind, children: flat, span };
}

class Parser {
  private readonly lexer: Lexer;

  constructor(input: string) {
    this.lexer = new Lexer(input);
  }

  parseAll(): QueryNode | null {
    const node = this.parseAnd(0);
    const extra = this.lexer.peek();
    // parseAnd stops only at the end or at a ")", so this is a stray ")".
    if (extra) fail(`Unmatched ")" at ${at(extra.span)}: there is no "(" before it`, extra.span.start, extra.span.end);
    return node;
  }

  private atTermStart(): boolean {
    const t = this.lexer.peek();
    return t !== null && (t.type === 'leaf' || t.type === 'lparen' || t.type === 'minus' || t.type === 'not');
  }

  /** Terms until the end or a ")" (left for the caller). */
  private parseAnd(depth: number): QueryNode | null {
    const children: QueryNode[] = [];
    const start = this.lexer.peek()?.span.start ?? 0;
    for (let t = this.lexer.peek(); t && t.type !== 'rparen'; t = this.lexer.peek()) {
      if (t.type === 'or') needsBothSides(t);
      if (t.type === 'and') {
        this.lexer.next();
        if (children.length === 0 || !this.atTermStart()) needsBothSides(t);
        continue;
      }
      children.push(this.parseOr(depth));
    }
    return combine('and', children, { start, end: this.lexer.consumedEnd });
  }

  // Compound spans run to the last token consumed rather than the last child's
  // end, so a trailing ")" of a bracketed single term (`x (c)`) is inside them.
  private parseOr(depth: number): QueryNode {
    const start = this.lexer.peek()?.span.start ?? 0;
    const children = [this.parseUnary(depth)];
    for (let t = this.lexer.peek(); t?.type === 'or'; t = this.lexer.peek()) {
      this.lexer.next();
      if (!this.atTermStart()) needsBothSides(t);
      children.push(this.parseUnary(depth));
    }
    return combine('or', children, { start, end: this.lexer.consumedEnd }) as QueryNode;
  }

  /** Callers check atTermStart() first, so the next token begins a term. */
  private parseUnary(depth: number): QueryNode {
    const t = this.lexer.next();
    if (!t) return fail('Expected a term at the end of the search', this.lexer.consumedEnd, this.lexer.consumedEnd);
    if (depth > MAX_QUERY_DEPTH) {
      fail(`This search nests too deeply at ${at(t.span)}: use at most ${MAX_QUERY_DEPTH} levels of brackets and negation`, t.span.start, t.span.end);
    }
    if (t.type === 'leaf') return t.node;
    if (t.type === 'minus' || t.type === 'not') {
      if (!this.atTermStart()) {
        const message = t.type === 'not' ? 'NOT needs a term after it' : '"-" needs a word, phrase, filter or group right after it';
        fail(message, t.span.start, t.span.end);
      }
      const child = this.parseUnary(depth + 1);
      return { kind: 'not', child, span: { start: t.span.start, end: this.lexer.consumedEnd } };
    }
    if (t.type === 'lparen') return this.parseGroup(t, depth);
    return fail(`Expected a term at ${at(t.span)}`, t.span.start, t.span.end);
  }

  private parseGroup(open: Token, depth: number): QueryNode {
    const first = this.lexer.peek();
    if (first?.type === 'rparen') {
      fail(`Nothing between "(" and ")" at ${at(open.span)}`, open.span.start, first.span.end);
    }
    const inner = this.parseAnd(depth + 1);
    const close = this.lexer.next();
    if (!close || !inner) return fail(`Missing ")" for the "(" at ${at(open.span)}`, open.span.start, open.span.end);
    // A group that became an and/or owns its brackets, so removing it as a
    // chip removes them too; a bracketed single term keeps its own span.
    if (inner.kind === 'and' || inner.kind === 'or') return { ...inner, span: { start: open.span.start, end: close.span.end } };
    return inner;
  }
}

/** How to read the text. */
export interface ParseOptions {
  /**
   * The text is being typed into a search box: a bare word that ends the text (no space
   * or quote after it yet) is the word being typed and matches as a prefix, as if it
   * ended in `*` (`collec` finds "collector"). One letter stays a whole word: a prefix
   * that short matches nearly everything and costs the most to look up.
   */
  typing?: boolean;
}

/** The leaf that ends exactly at `end`, if it is a bare, whole word of two letters or more. */
function typedWord(node: QueryNode, end: number): Extract<QueryNode, { kind: 'text' }> | null {
  switch (node.kind) {
    case 'text':
      return node.span.end === end && !node.phrase && !node.prefix && [...node.value].length >= 2 && /[\p{L}\p{N}]/u.test(node.value) ? node : null;
    case 'field':
      return null;
    case 'not':
      return typedWord(node.child, end);
    case 'and':
    case 'or':
      return node.children.length > 0 ? typedWord(node.children[node.children.length - 1] as QueryNode, end) : null;
  }
}

/** The tree with `leaf` (found by identity) marked as a prefix; the rest shared as is. */
function withPrefix(node: QueryNode, leaf: QueryNode): QueryNode {
  if (node === leaf && node.kind === 'text') return { ...node, prefix: true };
  if (node.kind === 'not') return { ...node, child: withPrefix(node.child, leaf) };
  if (node.kind === 'and' || node.kind === 'or') return { ...node, children: node.children.map((c) => withPrefix(c, leaf)) };
  return node;
}

/**
 * Parses typed search text. Never throws: problems come back as
 * `{ ok: false, error }` with a message for the person and the span of the bad
 * part (message positions are 1-based "character N"; spans are 0-based,
 * half-open). Empty or whitespace-only text gives `{ ok: true, node: null }`,
 * which matches everything.
 */
export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  const text = typeof input === 'string' ? input : '';
  try {
    const node = new Parser(text).parseAll();
    if (node) checkCost(node);
    const typed = options.typing && node ? typedWord(node, text.length) : null;
    return { ok: true, node: typed && node ? withPrefix(node, typed) : node };
  } catch (err) {
    if (err instanceof QuerySyntaxError) return { ok: false, error: err.queryError };
    // A bug in here must not break the search box; say so rather than throw.
    return { ok: false, error: { message: 'This search could not be read', span: { start: 0, end: text.length } } };
  }
}
