/** Hierarchical tag names (`policy/uk`) as a tree for the sidebar. */
import type { FacetCount } from '../../../shared/types.js';

export interface TagNode {
  /** The full name, e.g. `policy/uk`: what `tag:` filters by. */
  name: string;
  /** The last part, e.g. `uk`: what the row shows under its parent. */
  label: string;
  /** Articles carrying exactly this tag over the current query; null when only its children are tags. */
  own: number | null;
  /**
   * A lower bound for the articles carrying it or a tag under it: the largest
   * count in the family. (The sum would count an article with two child tags twice.)
   */
  atLeast: number;
  children: TagNode[];
}

/**
 * Groups names by `/` into a tree. Parents that exist only through their children
 * (`policy` of `policy/uk`) are made up, with no count of their own. `extra` adds
 * names with no facet count (tags the query filters out), so their state stays visible.
 */
export function buildTagTree(facets: FacetCount[], extra: string[] = []): TagNode[] {
  const byName = new Map<string, TagNode>();
  const roots: TagNode[] = [];
  const ensure = (name: string): TagNode => {
    const found = byName.get(name);
    if (found) return found;
    const cut = name.lastIndexOf('/');
    const node: TagNode = { name, label: cut < 0 ? name : name.slice(cut + 1), own: null, atLeast: 0, children: [] };
    byName.set(name, node);
    if (cut < 0) roots.push(node);
    else ensure(name.slice(0, cut)).children.push(node);
    return node;
  };
  for (const f of facets) {
    const node = ensure(f.value);
    node.own = f.count;
  }
  // The query may spell a tag in another case than the library (`tag:Policy`): one row, not two.
  const known = new Set([...byName.keys()].map((k) => k.toLowerCase()));
  for (const name of extra) if (!known.has(name.toLowerCase())) ensure(name).own ??= 0;
  const settle = (node: TagNode): number => {
    node.atLeast = Math.max(node.own ?? 0, ...node.children.map(settle));
    node.children.sort(byCount);
    return node.atLeast;
  };
  roots.forEach(settle);
  return roots.sort(byCount);
}

/** Biggest first, then by name: the order of the flat facet list it replaces, and stable while counts load. */
function byCount(a: TagNode, b: TagNode): number {
  return b.atLeast - a.atLeast || a.name.localeCompare(b.name);
}

/** `policy/uk/london` → [`policy`, `policy/uk`]. */
export function ancestorsOf(name: string): string[] {
  const parts = name.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
