import { QUERY_FIELDS, type QueryField, type QueryNode } from '../../../shared/query/ast.js';
import { separateCjk } from '../../../shared/query/cjk.js';
import { queryDatePeriod } from '../../../shared/query/dates.js';
import { FIELD_SPECS, HAS_VALUES, IS_VALUES, isOneOf, type HasValue, type IsValue } from '../../../shared/query/fields.js';

/** A boolean SQL expression over `articles a`, with its bound values in order. */
export interface SqlCondition {
  where: string;
  params: unknown[];
}

/**
 * A query compiled for SQLite. `where`/`params` is the whole query. When the top level's
 * free text can be one FTS5 MATCH, it is `match` and `filter` is everything else; the
 * search then drives from the full-text index (date order, relevance, snippets).
 */
export interface CompiledQuery extends SqlCondition {
  match: string | null;
  filter: SqlCondition;
  /**
   * Day bounds implied by top-level date filters ([from, to)). The FTS rowid is a date
   * key, so a full-text search can seek straight to this range instead of walking
   * every match (the filters stay in `filter` as well).
   */
  dateRange: { from: string | null; to: string | null };
  /** The name in a top-level `collection:` filter: the list can then follow that collection's order. */
  collection: string | null;
}

/** FTS rowids are the articles' date-ordered keys (see migration 0010). */
const FTS_KEYS = 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?';

/** Text leaves (and or/not groups made only of them) can become one FTS5 expression. */
function isTextOnly(node: QueryNode): boolean {
  switch (node.kind) {
    case 'text':
      return true;
    case 'field':
      return node.field === 'title';
    case 'not':
      return false; // FTS5's NOT is binary; negatives are handled by the AND that holds them
    case 'and':
    case 'or':
      return node.children.every(isTextOnly);
  }
}

/**
 * FTS5 string literal: every token quoted, so user text is never FTS syntax. Control
 * characters are not word characters anyway, and a NUL would end the string early.
 * CJK letters are separated as in the index (shared/query/cjk.ts): a quoted string of
 * several units is an FTS5 phrase, so `微内核` finds those three letters in a row.
 */
const ftsString = (value: string): string => `"${separateCjk(value.replace(/[\u0000-\u001f]/g, ' ')).replace(/"/g, '""')}"`;

function toFts(node: QueryNode): string {
  switch (node.kind) {
    case 'text':
      return ftsString(node.value) + (node.prefix ? '*' : '');
    case 'field': // only title: reaches here
      return `title : ${ftsString(node.value)}`;
    case 'and':
      return `(${node.children.map(toFts).join(' AND ')})`;
    case 'or':
      return `(${node.children.map(toFts).join(' OR ')})`;
    case 'not':
      throw new Error('unreachable: NOT is compiled by its AND');
  }
}

/** Start (inclusive) and end (exclusive) day of a checked `YYYY[-MM[-DD]]` value. */
function period(value: string): { start: string; end: string } {
  const bounds = queryDatePeriod(value);
  if (!bounds) throw new Error(`"${value}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`);
  // Day strings compare correctly with stored ISO timestamps: '2025-07-01' < '2025-07-01T…'.
  return bounds;
}

/** Text with no letter or digit (a lone `-`) has no token to find: it matches everything. */
const wordless = (node: QueryNode): boolean => node.kind === 'text' && !/[\p{L}\p{N}]/u.test(node.value);

const likeEscape = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const truthy = (v: string): boolean => ['true', 'yes', '1'].includes(v.toLowerCase());

class Compiler {
  params: unknown[] = [];

  bind(value: unknown): string {
    this.params.push(value);
    return '?';
  }

  /** Articles whose full text matches an FTS5 expression. */
  inFts(expression: string, negate = false): string {
    this.bind(expression);
    return `a.fts_key ${negate ? 'NOT IN' : 'IN'} (${FTS_KEYS})`;
  }

  node(node: QueryNode): string {
    switch (node.kind) {
      case 'text':
        return wordless(node) ? '1' : this.inFts(toFts(node));
      case 'field':
        return this.field(node.field, node.value);
      case 'not':
        // coalesce: a filter on an absent value (no source, no date) is false, so its negation is true
        return `NOT coalesce((${this.node(node.child)}), 0)`;
      case 'or':
        if (node.children.some(wordless)) return '1';
        if (isTextOnly(node)) return this.inFts(toFts(node));
        return `(${node.children.map((c) => this.node(c)).join(' OR ')})`;
      case 'and':
        return this.and(node.children).where;
    }
  }

  /** Gathers text children into one MATCH; filters become SQL beside it. */
  and(all: QueryNode[]): { where: string; match: string | null } {
    const split = this.split(all);
    // The filter's values were bound by split(); the MATCH value is bound after, so it goes after.
    const where = split.match === null ? split.filter : `${split.filter} AND ${this.inFts(split.match)}`;
    return { where, match: split.match };
  }

  /** The MATCH expression of the text children (not bound) and the SQL of the rest (bound). */
  split(all: QueryNode[]): { match: string | null; filter: string } {
    const children = all.filter((c) => !wordless(c) && !(c.kind === 'or' && c.children.some(wordless)));
    const positives = children.filter(isTextOnly).map(toFts);
    const negatives = children.flatMap((c) => (c.kind === 'not' && isTextOnly(c.child) ? [toFts(c.child)] : []));
    const rest = children.filter((c) => !isTextOnly(c) && !(c.kind === 'not' && isTextOnly(c.child)));
    const parts: string[] = [];
    let match: string | null = null;
    if (positives.length > 0) match = positives.join(' AND ') + negatives.map((n) => ` NOT ${n}`).join('');
    else if (negatives.length > 0) parts.push(this.inFts(negatives.join(' OR '), true));
    for (const child of rest) parts.push(this.node(child));
    return { match, filter: parts.length > 0 ? parts.join(' AND ') : '1' };
  }

  field(field: string, value: string): string {
    if (!isOneOf(QUERY_FIELDS, field)) throw new Error(`Unknown filter "${field}:"`);
    return FIELD_SQL[field](this, value);
  }
}

/**
 * The SQL of each filter, over `articles a`; values are bound in the order written. Typed
 * against the shared vocabulary (shared/query/ast.ts, fields.ts), so a field or a `has:`/`is:`
 * value the parser accepts is a compile error here until it has SQL.
 */
const FIELD_SQL: Record<QueryField, (c: Compiler, value: string) => string> = {
  // A parent tag includes its children: tag:policy matches policy/uk.
  tag: (c, value) => `a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id
                          WHERE t.name = ${c.bind(value)} OR t.name LIKE ${c.bind(likeEscape(value) + '/%')} ESCAPE '\\')`,
  source: (c, value) => `coalesce(a.source, '') LIKE ${c.bind('%' + likeEscape(value) + '%')} ESCAPE '\\'`,
  // Contains, ignoring case, like source:. Authors are few next to articles: find them, then their articles.
  author: (c, value) => `a.id IN (SELECT aa.article_id FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                          WHERE au.name LIKE ${c.bind('%' + likeEscape(value) + '%')} ESCAPE '\\')`,
  // The code itself or a more specific one: lang:pt matches pt and pt-br (values arrive lowercase).
  lang: (c, value) => `(a.lang = ${c.bind(value)} OR a.lang LIKE ${c.bind(likeEscape(value) + '-%')} ESCAPE '\\')`,
  collection: (c, value) => `a.id IN (SELECT ci.article_id FROM collection_items ci JOIN collections c ON c.id = ci.collection_id
                          WHERE c.name = ${c.bind(value)})`,
  folder: (c, value) => `a.folder_id IN (SELECT id FROM folders WHERE path LIKE ${c.bind('%' + likeEscape(value) + '%')} ESCAPE '\\')`,
  after: (c, value) => `a.date >= ${c.bind(period(value).start)}`,
  before: (c, value) => `a.date < ${c.bind(period(value).start)}`,
  date: (c, value) => {
    const { start, end } = period(value);
    return `(a.date >= ${c.bind(start)} AND a.date < ${c.bind(end)})`;
  },
  draft: (_c, value) => `a.draft = ${truthy(value) ? 1 : 0}`,
  has: (_c, value) => valueSql('has', HAS_VALUES, HAS_SQL, value),
  is: (_c, value) => valueSql('is', IS_VALUES, IS_SQL, value),
  title: (c, value) => c.inFts(`title : ${ftsString(value)}`),
  highlight: (c, value) => {
    // The quote or note contains the text, ignoring case (see migration 0080 for why not FTS).
    const pattern = '%' + likeEscape(value) + '%';
    return `a.id IN (SELECT h.article_id FROM highlights h
                          WHERE h.exact LIKE ${c.bind(pattern)} ESCAPE '\\' OR h.note LIKE ${c.bind(pattern)} ESCAPE '\\')`;
  },
  story: (c, value) => {
    // The members of the story of article <id>, or that article alone when it has none.
    const id = c.bind(Number(value));
    return `(a.id = ${id} OR a.story_id = (SELECT story_id FROM articles WHERE id = ${c.bind(Number(value))}))`;
  },
};

const HAS_SQL: Record<HasValue, string> = {
  enclosure: 'a.has_enclosure = 1',
  summary: 'a.has_summary = 1',
  tags: 'EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id)',
  note: "coalesce(a.note, '') != ''",
  highlights: 'EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)',
};

const IS_SQL: Record<IsValue, string> = {
  read: 'a.read_at IS NOT NULL',
  unread: 'a.read_at IS NULL',
  starred: 'a.starred = 1',
  unstarred: 'a.starred = 0',
  missing: 'a.missing = 1',
  draft: 'a.draft = 1',
  // Not the first of its story (story_rank 0 is the first; an article alone has no story_id).
  copy: 'a.story_rank > 0',
};

/** The SQL of `has:`/`is:` with one of its shared values; any other value is refused naming them all. */
function valueSql<T extends string>(field: 'has' | 'is', values: readonly T[], sql: Record<T, string>, value: string): string {
  const lower = value.toLowerCase();
  if (!isOneOf(values, lower)) throw new Error(`${field}:${lower} is not a filter: use ${values.map((v) => `${field}:${v}`).join(', ')}`);
  return sql[lower];
}

/** The narrowest [from, to) day range that the top-level date filters allow. */
function dateRangeOf(children: QueryNode[]): CompiledQuery['dateRange'] {
  let from: string | null = null;
  let to: string | null = null;
  for (const c of children) {
    if (c.kind !== 'field' || FIELD_SPECS[c.field].value !== 'date') continue;
    const bounds = period(c.value);
    const lower = c.field === 'before' ? null : bounds.start;
    const upper = c.field === 'after' ? null : c.field === 'before' ? bounds.start : bounds.end;
    if (lower !== null && (from === null || lower > from)) from = lower;
    if (upper !== null && (to === null || upper < to)) to = upper;
  }
  return { from, to };
}

/** Compiles a parsed query; `null` (nothing typed) matches every article. */
export function compileQuery(node: QueryNode | null): CompiledQuery {
  const none = { from: null, to: null };
  if (node === null) return { where: '1', params: [], match: null, filter: { where: '1', params: [] }, dateRange: none, collection: null };
  const compiler = new Compiler();
  const children = node.kind === 'and' ? node.children : [node];
  const { match, filter } = compiler.split(children);
  const filterParams = compiler.params;
  const dateRange = dateRangeOf(children);
  const collection = children.find((c) => c.kind === 'field' && c.field === 'collection');
  const base = { dateRange, collection: collection?.kind === 'field' ? collection.value : null };
  if (match === null) return { where: filter, params: filterParams, match, filter: { where: filter, params: filterParams }, ...base };
  return {
    ...base,
    where: `a.fts_key IN (${FTS_KEYS}) AND ${filter}`,
    params: [match, ...filterParams],
    match,
    filter: { where: filter, params: filterParams },
  };
}
