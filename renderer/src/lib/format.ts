/** Display formats. Dates show in UTC so a row's date always agrees with its month in the timeline (buckets are UTC). */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthNameFormat = new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat();

export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateFormat.format(d);
}

const longDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });

/**
 * The reading header's date. A file that gives only a day (`date = 2024-03-01`) is stored as
 * midnight UTC; showing "12:00 AM UTC" would invent a time, so exact midnight shows the day
 * alone (an article really stamped 00:00:00 UTC loses only its time of day).
 */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  if (d.getTime() % 86_400_000 === 0) return longDateFormat.format(d);
  return `${dateTimeFormat.format(d)} UTC`;
}

/** `2025-07` → `Jul 2025`. */
export function formatMonth(ym: string): string {
  const d = new Date(`${ym}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? ym : monthFormat.format(d);
}

/** `2025-07` → `July`. */
export function formatMonthName(ym: string): string {
  const d = new Date(`${ym}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? ym : monthNameFormat.format(d);
}

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Host name of a URL for compact display, or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

// The interface speaks English, so lists and language names do too ("German", not "Deutsch").
const authorList = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** `Ann, Bo, and Cy` (English list style). */
export function formatAuthors(authors: string[]): string {
  return authorList.format(authors);
}

/** `de` → `German`, `pt-br` → `Brazilian Portuguese`; a code the browser does not know stays as it is. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code; // not a well-formed tag
  }
}

/** `6 min read`; empty for an empty body. */
export function formatReadingTime(minutes: number): string {
  return minutes > 0 ? `${formatCount(minutes)} min read` : '';
}
