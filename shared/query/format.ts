/**
 * Turning queries back into text: the canonical form of a tree, and the two
 * edits the chip UI makes to what the person typed (remove a chip, add a filter).
 */
import type { QueryField, QueryNode, Span } from './ast.js';
import { classify } from './lex.js';
import { parseQuery } from './parse.js';
import { isWordBreak, scanAll, scanToken, type RawToken } from './scan.js';

function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

/** Whether `text` alone reads back as exactly this unquoted word. */
function readsAsWord(text: string, value: string, prefix: boolean): boolean {
  const raw = scanToken(text, 0);
  if (!raw || raw.start !== 0 || raw.end !== text.length) return false;
  try {
    const t = classify(text, raw);
    return t.type === 'leaf' && t.node.kind === 'text' && !t.node.phrase && t.node.value === value && t.node.prefix === prefix;
  } catch {
    return false;
  }
}

/** `field:value`, quoting the value only when it would not read back as one word. */
export function formatField(field: QueryField, value: string): string {
  const bare = value !== '' && ![...value].some(isWordBreak);
  return `${field}:${bare ? value : quote(value)}`;
}

function formatText(node: Extract<QueryNode, { kind: 'text' }>): string {
  if (!node.phrase) {
    const word = node.prefix ? `${node.value}*` : node.value;
    if (readsAsWord(word, node.value, node.prefix)) return word;
  }
  // The grammar has no quoted prefix, so a prefix phrase degrades to a phrase.
  return quote(node.value);
}

function formatNode(node: QueryNode): string {
  switch (node.kind) {
    case 'and':
      // OR binds tighter than AND, so or-children need no brackets here.
      return node.children.map((c) => (c.kind === 'and' ? `(${formatNode(c)})` : formatNode(c))).join(' ');
    case 'or':
      return node.children.map((c) => (c.kind === 'and' || c.kind === 'or' ? `(${formatNode(c)})` : formatNode(c))).join(' OR ');
    case 'not': {
      const c = node.child;
      return `-${c.kind === 'and' || c.kind === 'or' ? `(${formatNode(c)})` : formatNode(c)}`;
    }
    case 'text':
      return formatText(node);
    case 'field':
      return formatField(node.field, node.value);
  }
}

/**
 * Canonical text for a tree: single spaces, `-` for negation, brackets only
 * where precedence needs them, values quoted only when they must be (with `"`
 * and `\` escaped by a backslash). For any tree parseQuery produced,
 * `parseQuery(formatQuery(tree))` gives the same tree (spans aside).
 * `null` (the empty query) formats as `''`.
 */
export function formatQuery(node: QueryNode | null): string {
  return node ? formatNode(node) : '';
}

const isKeyword = (input: string, t: RawToken | undefined, word: string): boolean =>
  t !== undefined && t.kind === 'word' && input.slice(t.start, t.end) === word;

/**
 * Removes the text of one node (a chip) from the typed query, keeping the rest
 * as typed but with whitespace collapsed. Also removes what would dangle or
 * change meaning without it: its `-`/`NOT`, brackets left empty, and one
 * adjacent OR/AND (the OR first, so `a b OR c` minus `b` is `a c`).
 * A span that covers no text returns the input unchanged. Never throws.
 */
export function removeNode(input: string, span: Span): string {
  const tokens = scanAll(input);
  const gone = tokens.map((t) => t.start < span.end && t.end > span.start);
  let first = gone.indexOf(true);
  let last = gone.lastIndexOf(true);
  if (first === -1) return input;
  for (let i = first; i <= last; i++) gone[i] = true;
  const kind = (i: number): RawToken['kind'] | undefined => tokens[i]?.kind;
  for (;;) {
    while (kind(first - 1) === 'minus' || isKeyword(input, tokens[first - 1], 'NOT')) gone[--first] = true;
    if (kind(first - 1) !== 'lparen' || kind(last + 1) !== 'rparen') break;
    gone[--first] = true;
    gone[++last] = true;
  }
  for (const op of ['OR', 'AND']) {
    const side = isKeyword(input, tokens[first - 1], op) ? first - 1 : isKeyword(input, tokens[last + 1], op) ? last + 1 : -1;
    if (side !== -1) {
      gone[side] = true;
      break;
    }
  }
  let out = '';
  let prev: RawToken | undefined;
  let gap = false;
  tokens.forEach((t, i) => {
    if (gone[i]) {
      gap = true;
      return;
    }
    if (prev && (gap || t.start > prev.end) && prev.kind !== 'lparen' && t.kind !== 'rparen') out += ' ';
    out += input.slice(t.start, t.end);
    prev = t;
    gap = false;
  });
  return out;
}

/**
 * Appends `field:value` to the typed query (quoting the value when needed),
 * unless the same filter already applies to the whole query: an identical
 * top-level filter (compared after normalising, so `draft:yes` matches
 * `draft:true`) leaves the input unchanged. A filter inside an OR group or a
 * negation does not count. An empty value adds nothing. Never throws.
 */
export function addFilter(input: string, field: QueryField, value: string): string {
  if (value.trim() === '') return input;
  const piece = formatField(field, value);
  const added = parseQuery(piece);
  const current = parseQuery(input);
  if (added.ok && added.node?.kind === 'field' && current.ok && current.node) {
    const wanted = added.node;
    const top = current.node.kind === 'and' ? current.node.children : [current.node];
    if (top.some((n) => n.kind === 'field' && n.field === wanted.field && n.value === wanted.value)) return input;
  }
  const before = input.trimEnd();
  return before === '' ? piece : `${before} ${piece}`;
}
