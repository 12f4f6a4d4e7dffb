import type { ParsedQuery, QueryNode } from '../../../shared/query/ast.js';
import { formatField } from '../../../shared/query/format.js';
import type { CollectionInfo } from '../../../shared/types.js';

/** The query that shows one collection (the sidebar writes it), quoted the way the parser reads it back. */
export const collectionQuery = (name: string): string => formatField('collection', name);

export interface CollectionView {
  collection: CollectionInfo;
  /** The list is exactly this collection in its own order: rows can be dragged to reorder. */
  reorderable: boolean;
}

function topLevel(parsed: ParsedQuery): QueryNode[] {
  if (!parsed.ok || !parsed.node) return [];
  return parsed.node.kind === 'and' ? parsed.node.children : [parsed.node];
}

/** The name in a top-level `collection:` filter: the one whose order the list can follow (as the engine does). */
export function collectionFilter(parsed: ParsedQuery): string | null {
  const filter = topLevel(parsed).find((n) => n.kind === 'field' && n.field === 'collection');
  return filter?.kind === 'field' ? filter.value : null;
}

/**
 * The collection the list is about: a top-level `collection:` filter naming one
 * that exists (names compare without case, as the library does).
 */
export function collectionView(parsed: ParsedQuery, collections: CollectionInfo[], sort: string): CollectionView | null {
  const name = collectionFilter(parsed)?.toLowerCase();
  const collection = name === undefined ? undefined : collections.find((c) => c.name.toLowerCase() === name);
  if (!collection) return null;
  return { collection, reorderable: topLevel(parsed).length === 1 && sort === 'collection' };
}
