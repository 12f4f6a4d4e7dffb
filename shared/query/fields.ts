/**
 * What each filter accepts. The parser validates here so a typo is reported
 * where it was typed, instead of silently matching nothing in SQL.
 */
import { QUERY_FIELDS, type QueryField } from './ast.js';
import { checkQueryDate } from './dates.js';
import { normalizeLanguage } from '../language.js';

/** Values `has:` accepts, always lowercase in the parsed tree. */
export const HAS_VALUES = ['enclosure', 'summary', 'tags', 'note', 'highlights'] as const;
export type HasValue = (typeof HAS_VALUES)[number];
/** Values `is:` accepts, always lowercase in the parsed tree. */
export const IS_VALUES = ['read', 'unread', 'starred', 'unstarred', 'missing', 'draft', 'copy'] as const;
export type IsValue = (typeof IS_VALUES)[number];

/** Whether `value` is one of `values` (a type guard over the shared lists above). */
export const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

/** The kinds of value a filter takes; each has one check below. */
type ValueKind = 'text' | 'date' | 'boolean' | 'has' | 'is' | 'language' | 'articleId';

/**
 * Every filter's value kind and the example shown when it is typed without a value. A field
 * added to QUERY_FIELDS is a compile error here until it has both, and in the compiler
 * (electron/library/query/compile.ts) until it has SQL.
 */
export const FIELD_SPECS: Record<QueryField, { value: ValueKind; example: string }> = {
  tag: { value: 'text', example: 'tag:ai' },
  source: { value: 'text', example: 'source:"IBN"' },
  author: { value: 'text', example: 'author:"Mara Bos"' },
  lang: { value: 'language', example: 'lang:de' },
  after: { value: 'date', example: 'after:2025-07' },
  before: { value: 'date', example: 'before:2025-08-01' },
  date: { value: 'date', example: 'date:2025-07' },
  draft: { value: 'boolean', example: 'draft:true' },
  has: { value: 'has', example: 'has:summary' },
  title: { value: 'text', example: 'title:budget' },
  is: { value: 'is', example: 'is:unread' },
  folder: { value: 'text', example: 'folder:inbox' },
  collection: { value: 'text', example: 'collection:"Reading pack"' },
  highlight: { value: 'text', example: 'highlight:ferry' },
  story: { value: 'articleId', example: 'story:1234' },
};

/** `a, b, c or d`, for messages. */
function listForPeople(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Case-insensitive field lookup; null for anything that is not a filter name. */
export function toQueryField(name: string): QueryField | null {
  const lower = name.toLowerCase();
  return isOneOf(QUERY_FIELDS, lower) ? lower : null;
}

/** Message for `tag:` typed with nothing after the colon. */
export function missingValueMessage(field: QueryField): string {
  return `${field}: needs a value right after the colon, as in ${FIELD_SPECS[field].example}`;
}

/**
 * Message for `foo:bar` where foo is not a filter. `typed` (the text as it
 * could be searched for in quotes) is suggested only when short and quote-free,
 * so the hint never drags half the query along.
 */
export function unknownFieldMessage(name: string, typed?: string): string {
  const known = QUERY_FIELDS.map((f) => `${f}:`).join(', ');
  const hint = typed !== undefined && typed.length <= 40 && !typed.includes('"') ? ` (or write "${typed}" in quotes to search for that text)` : '';
  return `Unknown filter "${name}:" — use one of ${known}${hint}`;
}

export type FieldValueCheck = { ok: true; value: string } | { ok: false; message: string };

const oneOf = (field: QueryField, values: readonly string[], value: string): FieldValueCheck => {
  const lower = value.toLowerCase();
  if (isOneOf(values, lower)) return { ok: true, value: lower };
  return { ok: false, message: `${field}: takes ${listForPeople(values)}, not "${value}"` };
};

const VALUE_CHECKS: Record<ValueKind, (field: QueryField, value: string) => FieldValueCheck> = {
  text: (_field, value) => ({ ok: true, value }),
  date: (_field, value) => {
    const problem = checkQueryDate(value);
    return problem === null ? { ok: true, value } : { ok: false, message: problem };
  },
  boolean: (field, value) => {
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === 'yes') return { ok: true, value: 'true' };
    if (lower === 'false' || lower === 'no') return { ok: true, value: 'false' };
    return { ok: false, message: `${field}: takes true, false, yes or no, not "${value}"` };
  },
  has: (field, value) => oneOf(field, HAS_VALUES, value),
  is: (field, value) => oneOf(field, IS_VALUES, value),
  language: (field, value) => {
    const code = normalizeLanguage(value);
    if (code !== null) return { ok: true, value: code };
    return { ok: false, message: `${field}: takes a language code such as de, en or pt-br, not "${value}"` };
  },
  articleId: (field, value) => {
    if (/^[1-9]\d{0,15}$/.test(value.trim())) return { ok: true, value: value.trim() };
    return { ok: false, message: `${field}: takes an article id such as ${FIELD_SPECS[field].example}, not "${value}"` };
  },
};

/**
 * Validates a value for a field and returns it in canonical form: `draft:`
 * becomes `true`/`false` (so `yes`/`no` need no special case downstream),
 * `has:`/`is:` become lowercase, `lang:` a stored language code (`lang:JP` → `ja`),
 * everything else is kept exactly as typed.
 */
export function checkFieldValue(field: QueryField, value: string): FieldValueCheck {
  if (value.trim() === '') return { ok: false, message: missingValueMessage(field) };
  return VALUE_CHECKS[FIELD_SPECS[field].value](field, value);
}
