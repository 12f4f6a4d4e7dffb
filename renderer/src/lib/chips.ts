import type { ParsedQuery, QueryField, QueryNode, Span } from '../../../shared/query/ast.js';
import { addFilter, removeNode } from '../../../shared/query/format.js';
import { parseQuery } from '../../../shared/query/parse.js';

export interface QueryChip {
  /** The typed text of this part, as the person wrote it. */
  text: string;
  /** `source`, `tag`… for a plain filter; null for text, groups and negations. */
  field: QueryField | null;
  value: string;
  negated: boolean;
  /** The word being typed, matched as a prefix although it has no `*` (shown as `collec…`). */
  typing: boolean;
  kind: QueryNode['kind'];
  span: Span;
}

function chipOf(input: string, node: QueryNode): QueryChip {
  const text = input.slice(node.span.start, node.span.end);
  const leaf = node.kind === 'not' ? node.child : node;
  const typing = leaf.kind === 'text' && leaf.prefix && !text.endsWith('*');
  const base = { text, span: node.span, kind: node.kind, typing };
  if (node.kind === 'field') return { ...base, field: node.field, value: node.value, negated: false };
  if (node.kind === 'not' && node.child.kind === 'field') {
    return { ...base, field: node.child.field, value: node.child.value, negated: true };
  }
  return { ...base, field: null, value: node.kind === 'text' ? node.value : '', negated: node.kind === 'not' };
}

/**
 * One chip per top-level term: the parts that are ANDed together, each
 * removable on its own. An OR group or a bracketed group stays one chip,
 * because taking half of it out would change what the rest means.
 */
export function chipsOf(input: string, parsed: ParsedQuery): QueryChip[] {
  if (!parsed.ok || !parsed.node) return [];
  const top = parsed.node.kind === 'and' ? parsed.node.children : [parsed.node];
  return top.map((node) => chipOf(input, node));
}

/** Whether the query has words to rank by (relevance sort needs them). */
export function hasFreeText(parsed: ParsedQuery): boolean {
  if (!parsed.ok || !parsed.node) return false;
  const walk = (n: QueryNode): boolean => {
    switch (n.kind) {
      case 'text':
        return true;
      case 'field':
        return false;
      case 'not':
        return false; // a negated word cannot rank anything
      default:
        return n.children.some(walk);
    }
  };
  return walk(parsed.node);
}

/** The top-level positive filter for field=value, when the query has one (so a facet can show as active). */
export function findFilter(input: string, parsed: ParsedQuery, field: QueryField, value: string): QueryChip | undefined {
  return chipsOf(input, parsed).find((c) => c.kind === 'field' && c.field === field && c.value.toLowerCase() === value.toLowerCase());
}

/** Clicking a facet: adds its filter, or takes it out again when it is already there. */
export function toggleFilter(input: string, parsed: ParsedQuery, field: QueryField, value: string): string {
  const existing = findFilter(input, parsed, field, value);
  return existing ? removeNode(input, existing.span) : addFilter(input, field, value);
}

/** Replaces every top-level filter of the given fields (the timeline's after:/before:) with new ones. */
export function replaceFilters(input: string, fields: QueryField[], add: [QueryField, string][]): string {
  let text = input;
  // removeNode collapses whitespace, which moves later spans: re-parse after each removal.
  for (let guard = 0; guard < 50; guard++) {
    const doomed = chipsOf(text, parseQuery(text)).find((c) => c.kind === 'field' && c.field !== null && fields.includes(c.field));
    if (!doomed) break;
    text = removeNode(text, doomed.span);
  }
  for (const [field, value] of add) text = addFilter(text, field, value);
  return text;
}
