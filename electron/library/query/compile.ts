import type { QueryNode } from '../../../shared/query/ast.js';
import { separateCjk } from '../../../shared/query/cjk.js';
import { queryDatePeriod } from '../../../shared/query/dates.js';
import { HAS_VALUES, IS_VALUES } from '../../../shared/query/fields.js';

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
    switch (field) {
      case 'tag':
        // A parent tag includes its children: tag:policy matches policy/uk.
        return `a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id
                          WHERE t.name = ${this.bind(value)} OR t.name LIKE ${this.bind(likeEscape(value) + '/%')} ESCAPE '\\')`;
      case 'source':
        return `coalesce(a.source, '') LIKE ${this.bind('%' + likeEscape(value) + '%')} ESCAPE '\\'`;
      case 'author':
        // Contains, ignoring case, like source:. Authors are few next to articles: find them, then their articles.
        return `a.id IN (SELECT aa.article_id FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                          WHERE au.name LIKE ${this.bind('%' + likeEscape(value) + '%')} ESCAPE '\\')`;
      case 'lang':
        // The code itself or a more specific one: lang:pt matches pt and pt-br (values arrive lowercase).
        return `(a.lang = ${this.bind(value)} OR a.lang LIKE ${this.bind(likeEscape(value) + '-%')} ESCAPE '\\')`;
      case 'collection':
        return `a.id IN (SELECT ci.article_id FROM collection_items ci JOIN collections c ON c.id = ci.collection_id
                          WHERE c.name = ${this.bind(value)})`;
      case 'folder':
        return `a.folder_id IN (SELECT id FROM folders WHERE path LIKE ${this.bind('%' + likeEscape(value) + '%')} ESCAPE '\\')`;
      case 'after':
        return `a.date >= ${this.bind(period(value).start)}`;
      case 'before':
        return `a.date < ${this.bind(period(value).start)}`;
      case 'date': {
        const { start, end } = period(value);
        return `(a.date >= ${this.bind(start)} AND a.date < ${this.bind(end)})`;
      }
      case 'draft':
        return `a.draft = ${truthy(value) ? 1 : 0}`;
      case 'has':
        return this.has(value.toLowerCase());
      case 'is':
        return this.is(value.toLowerCase());
      case 'title':
        return this.inFts(`title : ${ftsString(value)}`);
      case 'story': {
        // The members of the story of article <id>, or that article alone when it has none.
        const id = this.bind(Number(value));
        return `(a.id = ${id} OR a.story_id = (SELECT story_id FROM articles WHERE id = ${this.bind(Number(value))}))`;
      }
      default:
        throw new Error(`Unknown filter "${field}:"`);
    }
  }

  has(value: string): string {
    switch (value) {
      case 'enclosure':
        return 'a.has_enclosure = 1';
      case 'summary':
        return 'a.has_summary = 1';
      case 'tags':
        return 'EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id)';
      case 'note':
        return "coalesce(a.note, '') != ''";
      default:
        throw new Error(`has:${value} is not a filter: use ${HAS_VALUES.map((v) => `has:${v}`).join(', ')}`);
    }
  }

  is(value: string): string {
    switch (value) {
      case 'read':
        return 'a.read_at IS NOT NULL';
      case 'unread':
        return 'a.read_at IS NULL';
      case 'starred':
        return 'a.starred = 1';
      case 'unstarred':
        return 'a.starred = 0';
      case 'missing':
        return 'a.missing = 1';
      case 'draft':
        return 'a.draft = 1';
      case 'copy':
        // Not the first of its story (story_rank 0 is the first; an article alone has no story_id).
        return 'a.story_rank > 0';
      default:
        throw new Error(`is:${value} is not a filter: use ${IS_VALUES.map((v) => `is:${v}`).join(', ')}`);
    }
  }
}

/** The narrowest [from, to) day range that the top-level date filters allow. */
function dateRangeOf(children: QueryNode[]): CompiledQuery['dateRange'] {
  let from: string | null = null;
  let to: string | null = null;
  for (const c of children) {
    if (c.kind !== 'field' || !['after', 'before', 'date'].includes(c.field)) continue;
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
