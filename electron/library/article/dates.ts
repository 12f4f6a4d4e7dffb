/**
 * Date normalization for front matter. Every date leaves here as ISO 8601 UTC with
 * milliseconds (`2025-07-29T14:15:29.000Z`) or as null with a reason.
 *
 * Strings are parsed by hand instead of `new Date(str)`: JS Date silently rolls
 * `2025-02-30` over to March 2 and reads zone-less strings in the machine's local zone,
 * so the same folder would import differently on two computers.
 */

/** A date that was read, or the reason it could not be. */
export type NormalizedDate = { iso: string; warning: null } | { iso: null; warning: string };

const ok = (iso: string): NormalizedDate => ({ iso, warning: null });
const bad = (warning: string): NormalizedDate => ({ iso: null, warning });

// YYYY-MM-DD, optionally followed by a time (T or space), fraction, and a zone
// (Z, +HH:MM, +HHMM, +HH), with optional space before the zone: `2017-10-30 19:58:39 +0000`.
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|(?:UTC|GMT)|[+-]\d{2}(?::?\d{2})?)?)?$/;

// RFC 2822 as in RSS `pubDate`: `Tue, 29 Jul 2025 14:15:29 +0000`. Named zones other than
// UT/GMT/UTC/Z are ambiguous (EST, IST…) and are refused rather than guessed.
const RFC_2822 = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|UT|UTC|GMT|[+-]\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Offset in minutes east of UTC, or null when the zone text is malformed. */
function offsetMinutes(zone: string | undefined): number | null {
  if (!zone || /^(z|utc|gmt|ut)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Builds the UTC instant from checked components. Returns null when any part is out of
 * range, which is the whole point: no rollover, ever.
 */
function fromParts(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return new Date(date.getTime() - offset * 60_000).toISOString();
}

/** Reads a date string in the shapes front matter uses; see the tests for the list. */
export function parseDateString(input: string): NormalizedDate {
  const text = input.trim();
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = iso;
    const offset = offsetMinutes(zone);
    // Fractions past milliseconds are truncated, as TOML parsers do.
    const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
    const out = offset === null ? null : fromParts(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms, offset);
    return out ? ok(out) : bad(`"${text}" is not a real date`);
  }
  const rfc = RFC_2822.exec(text);
  if (rfc) {
    const [, d, mon, y, h, mi, s = '0', zone] = rfc;
    const month = MONTHS.indexOf((mon ?? '').toLowerCase()) + 1;
    const offset = offsetMinutes(zone);
    const out = month === 0 || offset === null ? null : fromParts(Number(y), month, Number(d), Number(h), Number(mi), Number(s), 0, offset);
    return out ? ok(out) : bad(`"${text}" is not a real date`);
  }
  return bad(`"${text}" is not a date format Gleaner can read`);
}

/**
 * Normalizes a front-matter date value: a string, or a Date from a TOML/YAML parser.
 *
 * @iarna/toml returns Date subclasses: an offset datetime is a plain Date (exact instant);
 * a local datetime (`isFloating`) and a local date (`isDate`) carry their wall-clock time
 * as UTC whatever the machine's zone, so reading the UTC time value treats them as UTC,
 * which is the rule for zone-less dates here; a local time (`isTime`) is not a date.
 * A Date object cannot tell whether the parser rolled `2025-02-30` over, so callers that
 * have the literal text should pass it instead (parseFile does, for TOML).
 */
export function normalizeDate(value: unknown): NormalizedDate {
  if (typeof value === 'string') return parseDateString(value);
  if (value instanceof Date) {
    if ((value as Date & { isTime?: boolean }).isTime) return bad('is a time of day, not a date');
    const time = value.getTime();
    return Number.isNaN(time) ? bad('is not a real date') : ok(new Date(time).toISOString());
  }
  return bad(`is a ${value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value}, not a date`);
}

// A date in the path: `2019/11/07/slug`, `posts/2019/11/07/…`, or a file or folder
// named `2019-11-07-slug`. The date must be whole path segments (or a name prefix), so
// a slug like `1.94.1-release` or `v2019-11-07x` does not count.
const PATH_DATE = /(?:^|\/)(\d{4})([/-])(\d{2})\2(\d{2})(?=\/|-|_|\.|$)/;

/** The date a path names, as UTC midnight, or null when it names none (or an impossible one). */
export function dateFromPath(relPath: string): string | null {
  const m = PATH_DATE.exec(relPath.replace(/\\/g, '/'));
  if (!m) return null;
  return fromParts(Number(m[1]), Number(m[3]), Number(m[4]), 0, 0, 0, 0, 0);
}
