/**
 * Splits an article into front matter and body, and parses the front matter the way Hugo
 * accepts it: TOML between `+++` lines, YAML between `---` lines, or a JSON object at the
 * very start. Pure: text in, data out, never throws.
 */
import TOML from '@iarna/toml';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { parseDateString } from './dates.js';
import type { FrontMatterFormat } from './fields.js';

export interface FrontMatter {
  format: FrontMatterFormat;
  /** The front matter exactly as written, without the fences (JSON keeps its braces). */
  raw: string | null;
  /** Parsed keys and values: strings, numbers, bigints, booleans, Dates, arrays, tables. */
  data: Record<string, unknown>;
  /** Everything after the closing fence line, exactly as written. */
  body: string;
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; reason: string };

const fail = (reason: string): FrontMatterResult => ({ ok: false, reason });

/** 1-based line number of an offset in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const kindOf = (v: unknown): string => (v === null ? 'empty' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/**
 * Parses an article's text. Leading blank lines before the opening fence are skipped
 * (`donate.ar.md` in the Redox corpus has one), a BOM is dropped, and CRLF fences work.
 */
export function parseFrontMatter(input: string): FrontMatterResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const start = /^(?:[ \t]*\r?\n)*/.exec(text)![0].length;
  const lineEnd = text.indexOf('\n', start);
  const firstLine = text.slice(start, lineEnd === -1 ? text.length : lineEnd).trimEnd();
  const openLine = lineAt(text, start);

  if (firstLine === '+++' || firstLine === '---') {
    const format = firstLine === '+++' ? 'toml' : 'yaml';
    const rawStart = lineEnd === -1 ? text.length : lineEnd + 1;
    const closer = new RegExp(`^${firstLine === '+++' ? '\\+\\+\\+' : '---'}[ \\t]*\\r?$`, 'gm');
    closer.lastIndex = rawStart;
    const close = closer.exec(text);
    // `^` in multiline mode also matches right after the opening line's own `\n`,
    // which is the empty-front-matter case `+++\n+++`; an index before rawStart cannot occur.
    if (!close) return fail(`front matter opened with ${firstLine} on line ${openLine} is never closed`);
    const raw = text.slice(rawStart, close.index);
    const afterClose = close.index + close[0].length;
    const body = text.slice(afterClose + (text[afterClose] === '\n' ? 1 : 0));
    const parsed = format === 'toml' ? parseToml(raw, openLine + 1) : parseYamlBlock(raw, openLine + 1);
    if (!parsed.ok) return parsed;
    return { ok: true, value: { format, raw, data: parsed.data, body } };
  }

  // `{{` is a Hugo shortcode or template at the top of a body, never a JSON object.
  if (text[start] === '{' && text[start + 1] !== '{') return parseJsonBlock(text, start, openLine);

  return { ok: true, value: { format: 'none', raw: null, data: {}, body: text } };
}

type DataResult = { ok: true; data: Record<string, unknown> } | { ok: false; reason: string };

// @iarna/toml 3.0.0 looks table paths up with inherited properties: `[constructor]` or
// `toString.x = 1` adds `x` to the shared Object / Object.prototype.toString functions,
// which then leaks into every later parse on that thread. Such files are refused.
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

function inheritedPathName(raw: string, firstLine: number): string | null {
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = /^\s*\[\[?([^\]]+)\]/.exec(line);
    const dotted = header ? null : /^\s*([\w"'. -]+?)\s*=/.exec(line);
    const path = header?.[1] ?? (dotted?.[1]?.includes('.') ? dotted[1] : null);
    if (!path) continue;
    const bad = path
      .split('.')
      .map((part) => part.trim().replace(/^["']|["']$/g, ''))
      .find((part) => INHERITED.has(part));
    if (bad !== undefined) return `"${bad}" cannot be used as a table name (line ${firstLine + i})`;
  }
  return null;
}

function parseToml(raw: string, firstLine: number): DataResult {
  const reserved = inheritedPathName(raw, firstLine);
  if (reserved !== null) return { ok: false, reason: `TOML front matter is not accepted: ${reserved}` };
  let data: Record<string, unknown>;
  try {
    // CRLF is a line end in TOML, but @iarna/toml rejects the \r that ends a comment line.
    // Only the parser sees LF: the raw text is stored as written.
    data = TOML.parse(raw.replace(/\r\n/g, '\n')) as Record<string, unknown>;
  } catch (error) {
    // @iarna/toml throws a bare "Invalid Datetime" (no line) for `2025-13-01`. Quoting such
    // literals lets the date check report them as warnings, the same as `2025-02-30`,
    // instead of losing the whole article to a typo in its date.
    const quoted = quoteImpossibleDates(raw);
    if ((error as Error).message === 'Invalid Datetime' && quoted !== raw) return parseToml(quoted, firstLine);
    return { ok: false, reason: `TOML front matter is invalid: ${describeTomlError(error as Error & { line?: number }, raw, firstLine)}` };
  }
  repairTomlLiterals(raw, data);
  return { ok: true, data };
}

function describeTomlError(e: Error & { line?: number }, raw: string, firstLine: number): string {
  let what = e.message.split('\n')[0]!.replace(/ at row \d+, col \d+, pos \d+:?$/, '');
  if (e.line === undefined) return what;
  if (what.startsWith("Can't redefine existing key")) {
    const src = raw.split('\n')[e.line] ?? '';
    const table = /^\s*\[\[?\s*([^\]]+?)\s*\]/.exec(src);
    const key = /^\s*([^=]+?)\s*=/.exec(src);
    if (table) what = `table [${table[1]}] is defined twice`;
    else if (key) what = `duplicate key "${key[1]!.replace(/^["']|["']$/g, '')}"`;
  }
  return `${what} (line ${firstLine + e.line})`;
}

function quoteImpossibleDates(raw: string): string {
  return raw.replace(
    /^(\s*[\w"'.-]+\s*=\s*)(\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?)(?=\s*(?:#.*)?\r?$)/gm,
    (all, prefix: string, literal: string) => (parseDateString(literal).iso === null ? `${prefix}"${literal}"` : all),
  );
}

/**
 * @iarna/toml returns integers above 2^53 as exact BigInts, but wraps integers outside the
 * 64-bit range (99999999999999999999 becomes 7766279631452241919) and rolls impossible
 * dates over (`2025-02-30` becomes March 2). For top-level keys, re-read the literal text:
 * an over-long integer keeps every digit, an impossible date becomes its literal string so
 * the date check reports it instead of storing a wrong day. Nested tables are not repaired.
 */
function repairTomlLiterals(raw: string, data: Record<string, unknown>): void {
  let inMultiline: string | null = null;
  for (const line of raw.split('\n')) {
    if (inMultiline === null && /^\s*\[/.test(line)) return; // first table header: top level is over
    for (const q of ['"""', "'''"]) {
      const count = line.split(q).length - 1;
      if (count % 2 === 1 && (inMultiline === null || inMultiline === q)) inMultiline = inMultiline ? null : q;
    }
    if (inMultiline !== null) continue;
    const m = /^\s*([A-Za-z0-9_-]+|"[^"]*"|'[^']*')\s*=\s*([^"'\s#[{][^#]*?)\s*(?:#.*)?\r?$/.exec(line);
    if (!m) continue;
    const key = m[1]!.replace(/^["']|["']$/g, '');
    const literal = m[2]!;
    const value = data[key];
    if ((typeof value === 'bigint' || typeof value === 'number') && /^[+-]?\d[\d_]*$/.test(literal)) {
      const exact = BigInt(literal.replace(/[_+]/g, ''));
      if (String(exact) !== String(value)) data[key] = exact;
    } else if (value instanceof Date && /^\d{4}-\d{2}-\d{2}/.test(literal) && !sameCalendarDay(literal, value)) {
      data[key] = literal;
    }
  }
}

/** Whether the Y-M-D written in a TOML date literal survived parsing unchanged. */
function sameCalendarDay(literal: string, parsed: Date): boolean {
  const [y, m, d] = literal.slice(0, 10).split('-').map(Number);
  // Offset datetimes are instants: compare in the literal's own offset.
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(literal);
  const shift = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const local = new Date(parsed.getTime() + shift * 60_000);
  return local.getUTCFullYear() === y && local.getUTCMonth() + 1 === m && local.getUTCDate() === d;
}

function parseYamlBlock(raw: string, firstLine: number): DataResult {
  let data: unknown;
  try {
    // YAML 1.2 core schema: dates stay strings (checked strictly later) and `yes` stays a
    // word; intAsBigInt keeps ids above 2^53 exact; aliases are capped against bombs.
    data = parseYaml(raw, { intAsBigInt: true, uniqueKeys: true, logLevel: 'error', maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const pos = error.linePos?.[0];
      let what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      if (error.code === 'DUPLICATE_KEY' && pos) {
        const key = /^\s*(?:-\s+)?["']?([^:"']+)/.exec(raw.split('\n')[pos.line - 1] ?? '');
        if (key) what = `duplicate key "${key[1]!.trim()}"`;
      }
      return { ok: false, reason: `YAML front matter is invalid: ${what}${pos ? ` (line ${firstLine + pos.line - 1})` : ''}` };
    }
    return { ok: false, reason: `YAML front matter is invalid: ${(error as Error).message}` };
  }
  if (data === null || data === undefined) return { ok: true, data: {} }; // empty or comments only
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: `YAML front matter must be a set of "key: value" lines, but it is ${kindOf(data)}` };
  }
  return { ok: true, data: data as Record<string, unknown> };
}

/**
 * JSON front matter as Hugo reads it: an object starting at the top of the file whose
 * closing brace ends its line; the body follows. Braces inside strings are skipped.
 */
function parseJsonBlock(text: string, start: number, openLine: number): FrontMatterResult {
  let depth = 0;
  let inString = false;
  let end = -1;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      end = i + 1;
      break;
    }
  }
  if (end === -1) return fail(`front matter opened with { on line ${openLine} is never closed`);
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  if (rest.trim() !== '') return fail(`JSON front matter must end with } at the end of a line (line ${lineAt(text, end)})`);
  const raw = text.slice(start, end);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    const msg = (error as Error).message;
    const pos = /at position (\d+)/.exec(msg);
    const what = msg
      .split('\n')[0]!
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/, ".*$/, '');
    return fail(`JSON front matter is invalid: ${what}${pos ? ` (line ${lineAt(text, start + Number(pos[1]))})` : ''}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('JSON front matter must be an object');
  repairJsonIntegers(raw, data as Record<string, unknown>);
  const body = text.slice(lineEnd === -1 ? text.length : lineEnd + 1);
  return { ok: true, value: { format: 'json', raw, data: data as Record<string, unknown>, body } };
}

/** JSON.parse rounds integers above 2^53; re-read top-level ones from the text as BigInts. */
function repairJsonIntegers(raw: string, data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || Number.isSafeInteger(value)) continue;
    const escaped = JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`${escaped}\\s*:\\s*(-?\\d+)\\s*[,}\\n\\r]`).exec(raw);
    if (m) data[key] = BigInt(m[1]!);
  }
}
