/**
 * The partial dates `after:`, `before:` and `date:` take: `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`. A value names a whole period (a year, a month or a day), which
 * is what lets `after:2025-07 before:2025-08-01` read as "in July 2025".
 */

const DATE_SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const FORMAT_HINT = 'use YYYY, YYYY-MM or YYYY-MM-DD';

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Checks a typed date. Returns null when it is a real calendar date, else a
 * sentence for the person, e.g. `"2025-13" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`.
 */
export function checkQueryDate(value: string): string | null {
  const m = DATE_SHAPE.exec(value);
  if (!m) return `"${value}" is not a date: ${FORMAT_HINT}`;
  const year = Number(m[1]);
  if (m[2] === undefined) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${value}" is not a date: ${FORMAT_HINT}`;
  if (m[3] === undefined) return null;
  const day = Number(m[3]);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return `"${value}" is not a date: ${m[1]}-${m[2]} has ${last} days (${FORMAT_HINT})`;
  }
  return null;
}

/** A period as ISO day strings: start inclusive, end exclusive. */
export interface DatePeriod {
  start: string;
  end: string;
}

const day = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const firstOfNextMonth = (y: number, m: number): string => (m === 12 ? day(y + 1, 1, 1) : day(y, m + 1, 1));

/**
 * The period a valid query date names, e.g. `2025-07` → `{ start: '2025-07-01',
 * end: '2025-08-01' }`; null if the value is not a valid date. Intended use:
 * `after:X` → date >= start, `before:X` → date < start, `date:X` → start <= date < end.
 */
export function queryDatePeriod(value: string): DatePeriod | null {
  if (checkQueryDate(value) !== null) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return { start: day(y, 1, 1), end: day(y + 1, 1, 1) };
  if (d === undefined) return { start: day(y, m, 1), end: firstOfNextMonth(y, m) };
  const end = d < daysInMonth(y, m) ? day(y, m, d + 1) : firstOfNextMonth(y, m);
  return { start: day(y, m, d), end };
}
