/**
 * What each filter accepts. The parser validates here so a typo is reported
 * where it was typed, instead of silently matching nothing in SQL.
 */
import { QUERY_FIELDS, type QueryField } from './ast.js';
import { checkQueryDate } from './dates.js';
import { normalizeLanguage } from '../language.js';

/** Values `has:` accepts, always lowercase in the parsed tree. */
export const HAS_VALUES = ['enclosure', 'summary', 'tags', 'note'] as const;
/** Values `is:` accepts, always lowercase in the parsed tree. */
export const IS_VALUES = ['read', 'unread', 'starred', 'unstarred', 'missing', 'draft', 'copy'] as const;

/** One example per field, shown when a filter is typed without a value. */
const EXAMPLES: Record<QueryField, string> = {
  tag: 'tag:ai',
  source: 'source:"IBN"',
  author: 'author:"Mara Bos"',
  lang: 'lang:de',
  after: 'after:2025-07',
  before: 'before:2025-08-01',
  date: 'date:2025-07',
  draft: 'draft:true',
  has: 'has:summary',
  title: 'title:budget',
  is: 'is:unread',
  folder: 'folder:inbox',
  collection: 'collection:"Reading pack"',
  story: 'story:1234',
};

/** `a, b, c or d`, for messages. */
function listForPeople(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Case-insensitive field lookup; null for anything that is not a filter name. */
export function toQueryField(name: string): QueryField | null {
  const lower = name.toLowerCase();
  return (QUERY_FIELDS as readonly string[]).includes(lower) ? (lower as QueryField) : null;
}

/** Message for `tag:` typed with nothing after the colon. */
export function missingValueMessage(field: QueryField): string {
  return `${field}: needs a value right after the colon, as in ${EXAMPLES[field]}`;
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

/**
 * Validates a value for a field and returns it in canonical form: `draft:`
 * becomes `true`/`false` (so `yes`/`no` need no special case downstream),
 * `has:`/`is:` become lowercase, `lang:` a stored language code (`lang:JP` → `ja`),
 * everything else is kept exactly as typed.
 */
export function checkFieldValue(field: QueryField, value: string): FieldValueCheck {
  if (value.trim() === '') return { ok: false, message: missingValueMessage(field) };
  switch (field) {
    case 'after':
    case 'before':
    case 'date': {
      const problem = checkQueryDate(value);
      return problem === null ? { ok: true, value } : { ok: false, message: problem };
    }
    case 'draft': {
      const lower = value.toLowerCase();
      if (lower === 'true' || lower === 'yes') return { ok: true, value: 'true' };
      if (lower === 'false' || lower === 'no') return { ok: true, value: 'false' };
      return { ok: false, message: `draft: takes true, false, yes or no, not "${value}"` };
    }
    case 'has':
    case 'is': {
      const allowed: readonly string[] = field === 'has' ? HAS_VALUES : IS_VALUES;
      const lower = value.toLowerCase();
      if (allowed.includes(lower)) return { ok: true, value: lower };
      return { ok: false, message: `${field}: takes ${listForPeople(allowed)}, not "${value}"` };
    }
    case 'lang': {
      const code = normalizeLanguage(value);
      if (code !== null) return { ok: true, value: code };
      return { ok: false, message: `lang: takes a language code such as de, en or pt-br, not "${value}"` };
    }
    case 'story':
      if (/^[1-9]\d{0,15}$/.test(value.trim())) return { ok: true, value: value.trim() };
      return { ok: false, message: `story: takes an article id such as story:1234, not "${value}"` };
    default:
      return { ok: true, value };
  }
}
