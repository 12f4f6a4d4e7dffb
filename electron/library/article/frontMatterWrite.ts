/**
 * Writes an article file back in the format it came from: the stored front matter verbatim
 * (comments, key order, quoting and all) plus one `gleaner` key with the person's curation,
 * then the body exactly as stored.
 *
 * The key is added by text edits (append a table / mapping / member; remove an older
 * `gleaner` key first, which is what re-exporting a re-imported file needs). Every result
 * is parsed back with the importer's own parser and compared with the original; only when
 * that check fails is the front matter re-serialized from parsed data (layout and comments
 * lost, said in a warning). So a file is either verbatim-plus-key or provably equivalent.
 */
import TOML from '@iarna/toml';
import { parseDocument } from 'yaml';
import type { Highlight } from '../../../shared/highlights.js';
import { carried, type Curation } from './curation.js';
import type { ArticleFields, FrontMatterFormat } from './fields.js';
import { parseFrontMatter } from './frontmatter.js';
import { GLEANER_KEY, gleanerKeyValue, readGleanerKey, type GleanerValue, type HighlightEntry } from './gleanerKey.js';

/**
 * What the writer reads of an article: only these fields, so article/ stays free of the
 * export's own article type (export/ imports article/, never the other way round) and any
 * exporter's richer article fits as it is.
 */
export interface WritableArticle extends Pick<ArticleFields, 'title' | 'date'> {
  relPath: string;
  format: FrontMatterFormat;
  curation: Curation;
  /** The person's highlights, carried in the `gleaner` key. */
  highlights: Highlight[];
  /** The front matter exactly as written in the file (no fences), or null. */
  frontMatter: string | null;
  body: string;
}

type Value = GleanerValue;
type Format = 'toml' | 'yaml' | 'json';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Escaped on top of JSON's own escapes: DEL, C1 controls and noncharacters are not allowed raw
// in YAML double-quoted scalars; TOML refuses raw DEL. \uXXXX is valid in all three.
const EXTRA_ESCAPES = /[\u007f-\u009f\ufffe\uffff]/g;

/**
 * A string literal that is at once valid JSON, a TOML basic string and a YAML double-quoted
 * scalar, on one line (so line-ending conversion can never change its value).
 */
export function quote(text: string): string {
  return JSON.stringify(text.replace(LONE_SURROGATE, '\ufffd')).replace(EXTRA_ESCAPES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const scalar = (value: string | number | boolean): string => (typeof value === 'string' ? quote(value) : String(value));

/**
 * A flow value: quoted strings, numbers, booleans and lists read the same in TOML, YAML and
 * JSON; a list of tables (highlights) is written as inline tables, `{ k = v }` in TOML and
 * `{"k": v}` in YAML and JSON. Every value stays on one line.
 */
function literal(value: Value, format: Format): string {
  if (!Array.isArray(value)) return scalar(value);
  const entry = (e: HighlightEntry) =>
    `{ ${Object.entries(e)
      .map(([k, v]) => (format === 'toml' ? `${k} = ${scalar(v)}` : `${quote(k)}: ${scalar(v)}`))
      .join(', ')} }`;
  return `[${value.map((v) => (typeof v === 'string' ? quote(v) : entry(v))).join(', ')}]`;
}

const eolOf = (raw: string): string => (raw.includes('\r\n') ? '\r\n' : '\n');
const withEol = (raw: string, eol: string): string => (raw === '' || raw.endsWith('\n') ? raw : raw + eol);

function tomlTable(value: Record<string, Value>, eol: string): string {
  return [`[${GLEANER_KEY}]`, ...Object.entries(value).map(([k, v]) => `${k} = ${literal(v, 'toml')}`)].join(eol) + eol;
}

function yamlMapping(value: Record<string, Value>, eol: string): string {
  return [`${GLEANER_KEY}:`, ...Object.entries(value).map(([k, v]) => `  ${k}: ${literal(v, 'yaml')}`)].join(eol) + eol;
}

function jsonMember(value: Record<string, Value>): string {
  return `"${GLEANER_KEY}": {${Object.entries(value)
    .map(([k, v]) => `${quote(k)}: ${literal(v, 'json')}`)
    .join(', ')}}`;
}

const KEY_NAME = `(?:${GLEANER_KEY}|"${GLEANER_KEY}"|'${GLEANER_KEY}')`;
const TOML_HEADER = /^\s*\[/;
const TOML_GLEANER_HEADER = new RegExp(`^\\s*\\[\\[?\\s*${KEY_NAME}\\s*[.\\]]`);
const TOML_GLEANER_KEY = new RegExp(`^\\s*${KEY_NAME}\\s*[.=]`);
const YAML_GLEANER_KEY = new RegExp(`^${KEY_NAME}\\s*:(?:\\s|$)`);

/** Removes `[gleaner]` / `[gleaner.x]` / `[[gleaner]]` tables and top-level `gleaner = …` lines. */
function removeToml(raw: string): string {
  const out: string[] = [];
  let skipping = false;
  let topLevel = true;
  let inMultiline: string | null = null;
  for (const line of raw.split(/(?<=\n)/)) {
    if (inMultiline === null && TOML_HEADER.test(line)) {
      topLevel = false;
      skipping = TOML_GLEANER_HEADER.test(line);
    }
    const dropLine = skipping || (inMultiline === null && topLevel && TOML_GLEANER_KEY.test(line));
    for (const q of ['"""', "'''"]) {
      if ((line.split(q).length - 1) % 2 === 1 && (inMultiline === null || inMultiline === q)) inMultiline = inMultiline ? null : q;
    }
    if (!dropLine) out.push(line);
  }
  return out.join('');
}

/** Removes a top-level `gleaner:` key with everything indented under it. */
function removeYaml(raw: string): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of raw.split(/(?<=\n)/)) {
    if (YAML_GLEANER_KEY.test(line)) skipping = true;
    else if (skipping && /^[^\s#-]/.test(line)) skipping = false;
    if (!skipping) out.push(line);
  }
  return out.join('');
}

/** Spans of the top-level members of a JSON object text: [start of key, end of value). */
function jsonMembers(raw: string): { key: string; start: number; end: number }[] {
  const members: { key: string; start: number; end: number }[] = [];
  let depth = 0;
  let expectKey = false;
  let current: { key: string; start: number } | null = null;
  const close = (at: number) => {
    if (current) members.push({ ...current, end: raw.slice(0, at).trimEnd().length });
    current = null;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') {
      let end = i + 1;
      while (end < raw.length && raw[end] !== '"') end += raw[end] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) current = { key: JSON.parse(raw.slice(i, end + 1)) as string, start: i };
      expectKey = false;
      i = end;
    } else if (c === '{' || c === '[') {
      depth++;
      if (depth === 1) expectKey = true;
    } else if (c === '}' || c === ']') {
      if (depth === 1) close(i);
      depth--;
    } else if (c === ',' && depth === 1) {
      close(i);
      expectKey = true;
    }
  }
  return members;
}

function removeJson(raw: string): string {
  const members = jsonMembers(raw);
  let out = raw;
  for (let k = members.length - 1; k >= 0; k--) {
    const m = members[k]!;
    if (m.key !== GLEANER_KEY) continue;
    const prev = members[k - 1];
    const next = members[k + 1];
    if (prev) out = out.slice(0, prev.end) + out.slice(m.end);
    else if (next) out = out.slice(0, m.start) + out.slice(next.start);
    else out = out.slice(0, m.start) + out.slice(m.end);
  }
  return out;
}

function insertJson(raw: string, member: string, eol: string): string {
  const closeAt = raw.lastIndexOf('}');
  const head = raw.slice(0, closeAt).trimEnd();
  return `${head}${head.endsWith('{') ? '' : ','}${eol}  ${member}${eol}}`;
}

/** Parses front matter text with the importer's own parser; null when it does not parse. */
function parseRaw(format: Format, raw: string): Record<string, unknown> | null {
  const doc = format === 'toml' ? `+++\n${withEol(raw, '\n')}+++\n` : format === 'yaml' ? `---\n${withEol(raw, '\n')}---\n` : `${raw}\n`;
  const parsed = parseFrontMatter(doc);
  return parsed.ok && parsed.value.format === format ? parsed.value.data : null;
}

/** A stable text form of parsed front matter for equality checks (Dates, bigints, NaN kept apart). */
function canonical(v: unknown): string {
  if (v instanceof Date) {
    const flags = v as Date & { isDate?: boolean; isFloating?: boolean; isTime?: boolean };
    return `D${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()}${flags.isDate ? 'd' : ''}${flags.isFloating ? 'f' : ''}${flags.isTime ? 't' : ''}`;
  }
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return `N${Object.is(v, -0) ? '-0' : String(v)}`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

const without = (data: Record<string, unknown>): Record<string, unknown> => {
  const { [GLEANER_KEY]: _gone, ...rest } = data;
  return rest;
};

/** True when `raw` parses to `original` (minus any gleaner key) plus exactly this article's curation and highlights. */
function verify(format: Format, raw: string, original: Record<string, unknown>, article: WritableArticle): boolean {
  const data = parseRaw(format, raw);
  if (data === null || canonical(without(data)) !== canonical(without(original))) return false;
  const read = readGleanerKey(data);
  return (
    read !== null &&
    read.path === article.relPath &&
    canonical(read.curation) === canonical(article.curation) &&
    canonical(read.highlights) === canonical(article.highlights.map(carried))
  );
}

/** Re-serializes parsed data with the key: the fallback when a text edit cannot be proven right. */
function reserialize(format: Format, raw: string, original: Record<string, unknown>, value: Record<string, Value>, eol: string): string {
  if (format === 'toml') return `${TOML.stringify(without(original) as TOML.JsonMap)}${eol}${tomlTable(value, eol)}`;
  if (format === 'yaml') {
    const doc = parseDocument(raw, { intAsBigInt: true, uniqueKeys: false });
    doc.delete(GLEANER_KEY);
    doc.set(GLEANER_KEY, doc.createNode(value));
    return doc.toString({ lineWidth: 0 });
  }
  // JSON: big integers stay exact (JSON.parse would round them; the importer repairs them to bigints).
  const json = JSON.stringify(without(original), (_k, v: unknown) => (typeof v === 'bigint' ? `\u0000big:${v}` : v), 2);
  return insertJson(json.replace(/"\\u0000big:(-?\d+)"/g, '$1'), jsonMember(value), '\n');
}

export interface ArticleFile {
  /** The whole file: front matter with the `gleaner` key, then the body as stored. */
  text: string;
  /** Why the front matter could not be kept verbatim, if it could not. */
  warning: string | null;
}

/** The file text for one article in the folder export. */
export function articleFileText(article: WritableArticle): ArticleFile {
  const value = gleanerKeyValue(article.curation, article.relPath, article.highlights);
  const raw = article.frontMatter;
  const format = article.format;
  if (format === 'none' || raw === null) {
    // No front matter to keep: title and date become TOML so the re-imported article has them.
    const lines = [`title = ${quote(article.title)}`];
    if (article.date !== null) lines.push(`date = ${/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(article.date) ? article.date : quote(article.date)}`);
    return { text: `+++\n${lines.join('\n')}\n\n${tomlTable(value, '\n')}+++\n${article.body}`, warning: null };
  }
  const eol = eolOf(raw);
  const fence = format === 'toml' ? '+++' : '---';
  const wrap = (fm: string) => (format === 'json' ? `${fm}${eol}${article.body}` : `${fence}${eol}${withEol(fm, eol)}${fence}${eol}${article.body}`);

  // Fast path, provably safe without parsing: valid TOML that never names `gleaner` (not even
  // through a \u escape in a quoted key) stays valid with a new [gleaner] table at its end.
  // Parsing every article twice to check would double the cost of a folder export.
  if (format === 'toml' && !/gleaner|\\[uU]/.test(raw)) {
    const kept = withEol(raw, eol);
    return { text: wrap(`${kept}${kept.trim() === '' ? '' : eol}${tomlTable(value, eol)}`), warning: null };
  }
  const original = parseRaw(format, raw);
  if (original === null) {
    return {
      text: wrap(raw),
      warning: `the front matter of ${article.relPath} no longer parses; it was written unchanged, without Gleaner's curation`,
    };
  }
  let edited: string;
  if (format === 'toml') {
    const kept = withEol(removeToml(raw), eol);
    edited = `${kept}${kept.trim() === '' ? '' : eol}${tomlTable(value, eol)}`;
  } else if (format === 'yaml') {
    edited = `${withEol(removeYaml(raw), eol)}${yamlMapping(value, eol)}`;
  } else {
    edited = insertJson(removeJson(raw), jsonMember(value), eol);
  }
  if (verify(format, edited, original, article)) return { text: wrap(edited), warning: null };

  const rewritten = reserialize(format, raw, original, value, eol);
  if (verify(format, rewritten, original, article)) {
    return {
      text: wrap(rewritten),
      warning: `the front matter of ${article.relPath} was rewritten to add Gleaner's curation; comments and layout were not kept`,
    };
  }
  return { text: wrap(raw), warning: `Gleaner's curation could not be added to the front matter of ${article.relPath}; it was written unchanged` };
}
