/**
 * Boolean tag filters from the sidebar, as edits to the typed query (so the search
 * box and its chips always show exactly what applies):
 *   all of  → `tag:a` at the top level (ANDed with the rest),
 *   any of  → a member of one top-level OR group made only of tag filters
 *             (`tag:a OR tag:b`; OR binds tighter than AND, so it needs no brackets),
 *   none of → `-tag:a` at the top level.
 */
import type { ParsedQuery, QueryNode } from '../../../shared/query/ast.js';
import { addFilter, formatField, removeNode } from '../../../shared/query/format.js';
import { parseQuery } from '../../../shared/query/parse.js';

export type TagFilterMode = 'all' | 'any' | 'none';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isTag = (n: QueryNode): n is Extract<QueryNode, { kind: 'field' }> => n.kind === 'field' && n.field === 'tag';

function topLevel(parsed: ParsedQuery): QueryNode[] {
  if (!parsed.ok || !parsed.node) return [];
  return parsed.node.kind === 'and' ? parsed.node.children : [parsed.node];
}

/** The first top-level OR group whose members are all plain tag filters: the sidebar's "any of" group. */
function anyGroup(parsed: ParsedQuery): Extract<QueryNode, { kind: 'or' }> | undefined {
  return topLevel(parsed).find((n): n is Extract<QueryNode, { kind: 'or' }> => n.kind === 'or' && n.children.every(isTag));
}

/** Every tag the query filters on at the top level, by lower-cased name, with how. */
export function tagFilterModes(parsed: ParsedQuery): Map<string, TagFilterMode> {
  const modes = new Map<string, TagFilterMode>();
  const group = anyGroup(parsed);
  for (const node of topLevel(parsed)) {
    if (isTag(node)) modes.set(node.value.toLowerCase(), 'all');
    else if (node.kind === 'not' && isTag(node.child)) modes.set(node.child.value.toLowerCase(), 'none');
    else if (node === group)
      for (const c of group.children) if (isTag(c) && !modes.has(c.value.toLowerCase())) modes.set(c.value.toLowerCase(), 'any');
  }
  return modes;
}

/** The tags the query filters on at the top level, as typed (a tag filtered out has no facet count, yet its row must stay). */
export function filteredTagNames(parsed: ParsedQuery): string[] {
  const group = anyGroup(parsed);
  return topLevel(parsed).flatMap((n) =>
    isTag(n) ? [n.value] : n.kind === 'not' && isTag(n.child) ? [n.child.value] : n === group ? group.children.filter(isTag).map((c) => c.value) : [],
  );
}

/** How the query filters on this tag, or null when it does not (at the top level). */
export function tagFilterMode(parsed: ParsedQuery, name: string): TagFilterMode | null {
  return tagFilterModes(parsed).get(name.toLowerCase()) ?? null;
}

/** The span of one top-level filter on this tag, in any of the three forms, if there is one. */
function findAny(parsed: ParsedQuery, name: string) {
  const group = anyGroup(parsed);
  const member = group?.children.find((c) => isTag(c) && same(c.value, name));
  if (member) return member.span;
  const node = topLevel(parsed).find((n) => (isTag(n) && same(n.value, name)) || (n.kind === 'not' && isTag(n.child) && same(n.child.value, name)));
  return node?.span;
}

/** Takes every sidebar filter on this tag out of the query. */
export function clearTagFilter(input: string, name: string): string {
  let text = input;
  // removeNode collapses whitespace, which moves later spans: re-parse after each removal.
  for (let guard = 0; guard < 50; guard++) {
    const span = findAny(parseQuery(text), name);
    if (!span) break;
    text = removeNode(text, span);
  }
  return text;
}

/**
 * Puts the tag into the query in one mode (replacing any other filter on it), or
 * takes it out with null. "Any of" joins the existing any-of group; without one it
 * pairs with the last "all of" tag (`tag:a` becomes `tag:a OR tag:b`), and alone it
 * is simply `tag:b` (a group of one means the same as "all of").
 */
export function setTagFilter(input: string, name: string, mode: TagFilterMode | null): string {
  const text = clearTagFilter(input, name);
  const piece = formatField('tag', name);
  if (mode === null) return text;
  if (mode === 'all') return addFilter(text, 'tag', name);
  if (mode === 'none') {
    const before = text.trimEnd();
    return before === '' ? `-${piece}` : `${before} -${piece}`;
  }
  const parsed = parseQuery(text);
  const group = anyGroup(parsed);
  const last = group?.children.at(-1) ?? topLevel(parsed).filter(isTag).at(-1);
  if (!last) return addFilter(text, 'tag', name);
  return `${text.slice(0, last.span.end)} OR ${piece}${text.slice(last.span.end)}`;
}

/** What a click on the tag does: takes out whatever filter it has, else filters by it (all of). */
export function toggleTagFilter(input: string, parsed: ParsedQuery, name: string): string {
  return setTagFilter(input, name, tagFilterMode(parsed, name) === null ? 'all' : null);
}

/**
 * After a tag was renamed (or merged into another), filters on the old name follow it, so
 * the list keeps showing the same articles: `tag:policy` → `tag:gov`, and for a rename the
 * children too (`tag:policy/uk` → `tag:gov/uk`). Anywhere in the query, negated or in groups.
 */
export function renameTagInQuery(input: string, from: string, to: string, withChildren: boolean): string {
  const parsed = parseQuery(input);
  if (!parsed.ok || !parsed.node) return input;
  const edits: { start: number; end: number; text: string }[] = [];
  const prefix = `${from.toLowerCase()}/`;
  const walk = (n: QueryNode): void => {
    if (n.kind === 'and' || n.kind === 'or') n.children.forEach(walk);
    else if (n.kind === 'not') walk(n.child);
    else if (isTag(n)) {
      const value = same(n.value, from) ? to : withChildren && n.value.toLowerCase().startsWith(prefix) ? to + n.value.slice(from.length) : null;
      if (value !== null) edits.push({ ...n.span, text: formatField('tag', value) });
    }
  };
  walk(parsed.node);
  // From the end, so earlier spans stay where they were.
  return edits.sort((a, b) => b.start - a.start).reduce((text, e) => text.slice(0, e.start) + e.text + text.slice(e.end), input);
}
