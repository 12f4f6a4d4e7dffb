/**
 * The parsed form of a search the person typed, e.g.
 * `tag:ai source:"IBN" after:2025-07 -draft:true "public sector" OR nhs`.
 *
 * The parser (shared/query/parse.ts) produces it; the engine
 * (electron/library/query/compile.ts) turns it into SQL; the renderer shows its
 * leaves as removable chips. Spans let any of them point back at the typed text.
 */

/** Half-open character range [start, end) in the typed query string. */
export interface Span {
  start: number;
  end: number;
}

/** Field names a person may type before a colon. */
export const QUERY_FIELDS = [
  'tag',
  'source',
  'author',
  'lang',
  'after',
  'before',
  'date',
  'draft',
  'has',
  'title',
  'is',
  'folder',
  'collection',
  'story',
] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export type QueryNode =
  | { kind: 'and'; children: QueryNode[]; span: Span }
  | { kind: 'or'; children: QueryNode[]; span: Span }
  | { kind: 'not'; child: QueryNode; span: Span }
  /** Free text: one word, a "quoted phrase", or a prefix (`gov*`). */
  | { kind: 'text'; value: string; phrase: boolean; prefix: boolean; span: Span }
  /** `field:value` or `field:"quoted value"`. */
  | { kind: 'field'; field: QueryField; value: string; span: Span };

/** An empty query (nothing typed) matches everything. */
export type ParsedQuery = { ok: true; node: QueryNode | null } | { ok: false; error: QueryError };

export interface QueryError {
  /** A sentence a person understands, e.g. `Unclosed quote starting at column 12`. */
  message: string;
  /** Where in the typed text the problem is. */
  span: Span;
}
