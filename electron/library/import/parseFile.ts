/**
 * One article file in, one ParseResult out. Pure (no I/O, no clock), never throws for bad
 * input: a file Gleaner cannot read becomes `{ ok: false, reason }` for the import report.
 */
import { createHash } from 'node:crypto';
import { detectBodyFormat, extractText, renderBody, collapse } from '../article/body.js';
import { dateFromPath, normalizeDate } from '../article/dates.js';
import { parseFrontMatter } from '../article/frontmatter.js';
import { parseAuthors } from './authors.js';
import { articleLanguage } from './language.js';
import { fileSiteSource } from './fileSource.js';
import { normalizeName } from '../curation/names.js';
import { GLEANER_KEY, readGleanerKey } from '../article/gleanerKey.js';
import { sketchOf } from '../stories/shingles.js';
import type { ArticleFields, JsonValue } from '../article/fields.js';
import type { ParseResult } from './types.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface ParseOptions {
  /** Larger files fail with a reason; default 10 MiB. */
  maxBytes?: number;
  /** Sketch the text for story grouping (default true; off when grouping is off). */
  stories?: boolean;
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/** The failure reason for a file over the size limit. */
export function tooLargeReason(size: number, maxBytes: number): string {
  return `file is ${mb(size)}, over the ${mb(maxBytes)} limit (change it with --max-file-size)`;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Bytes to text, or the reason they are not text. */
function decode(bytes: Uint8Array, warnings: string[]): { text: string } | { reason: string } {
  const head = bytes.subarray(0, 8192);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { reason: 'is UTF-16 text; save it as UTF-8 to import it' };
  }
  if (head.includes(0)) return { reason: 'looks like a binary file, not text' };
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    const text = lenientUtf8.decode(bytes);
    let bad = 0;
    for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) bad++;
    // A few bad bytes are a damaged UTF-8 file worth keeping; many mean another encoding
    // (Latin-1, Shift-JIS…) where replacing would turn the article into noise.
    if (bad > text.length * 0.1) {
      return { reason: `not UTF-8 text (${Math.round((bad / text.length) * 100)}% of characters could not be decoded; save it as UTF-8)` };
    }
    warnings.push('contains invalid UTF-8; bad bytes were replaced with \uFFFD');
    return { text };
  }
}

/**
 * Keys are matched as Hugo writes them (lowercase); another spelling (`Title`, `publishdate`)
 * is accepted only when the usual one is absent, so `title` wins over `Title`.
 */
function findKey(data: Record<string, unknown>, name: string): string | undefined {
  if (Object.hasOwn(data, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(data).find((k) => k.toLowerCase() === lower);
}

const isScalar = (v: unknown): v is string | number | bigint | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';

/** A scalar as trimmed text, or null when absent, empty or not a scalar. */
function text(v: unknown): string | null {
  if (!isScalar(v)) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** Ids as decimal strings; numbers arrive exact here (BigInt above 2^53, see frontmatter.ts). */
function id(v: unknown): string | null {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  return text(v);
}

/** A Hugo enclosure: a URL string, a `{ url = … }` table, or a list of either. */
function enclosureUrl(v: unknown): string | null {
  if (Array.isArray(v)) return v.length > 0 ? enclosureUrl(v[0]) : null;
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
    const obj = v as Record<string, unknown>;
    const key = findKey(obj, 'url');
    return key === undefined ? null : text(obj[key]);
  }
  return text(v);
}

/** Any parsed value as JSON: BigInt → number when exact else decimal string, Date → ISO text. */
export function toJsonValue(v: unknown): JsonValue {
  if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  // @iarna/toml's local dates and times print as written (`1979-05-27`, `07:32:00.000`).
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), toJsonValue(x)]));
  if (v instanceof Set) return [...v].map(toJsonValue);
  // fromEntries defines own properties, so a `__proto__` key stays a key.
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonValue(x)]));
}

/**
 * `tags`, `categories`, `category`, `keywords`, `series`: checked by the rules for tags a
 * person types (so the sidebar can show them), de-duplicated ignoring case, first spelling kept.
 */
function collectTags(values: unknown[], warnings: string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of values) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const whole = text(item);
      if (whole === null) continue;
      // `tags: "rust, wasm"` is a list written as one string; a tag name never holds a comma.
      for (const raw of whole
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '')) {
        const checked = normalizeName('tag', raw);
        if ('problem' in checked) {
          warnings.push(`tag ${JSON.stringify(raw.slice(0, 60))} was not imported: ${checked.problem}`);
          continue;
        }
        if (seen.has(checked.name.toLowerCase())) continue;
        seen.add(checked.name.toLowerCase());
        tags.push(checked.name);
      }
    }
  }
  return tags;
}

/** The file's name without extension; for a page bundle (`slug/index.md`) the folder's. */
function nameFromPath(relPath: string): string {
  const parts = relPath.split(/[\\/]/).filter((p) => p !== '');
  const file = (parts.at(-1) ?? relPath).replace(/\.[^.]*$/, '');
  const folder = parts.at(-2);
  return (file === 'index' || file === '_index') && folder !== undefined ? folder : file || relPath;
}

const DATE_KEYS = ['date', 'publishDate', 'pubDate', 'published'];
const AUTHOR_KEYS = ['author', 'authors', 'byline', 'creator'];
const LANGUAGE_KEYS = ['lang', 'language', 'languageCode'];
/** Characters of body text kept as the excerpt of an article without a summary. */
export const EXCERPT_LENGTH = 200;

/** The first EXCERPT_LENGTH characters of the text, cut at a word boundary, or null when empty. */
export function excerptOf(bodyText: string): string | null {
  const flat = bodyText.replace(/\s+/g, ' ').trim();
  if (flat === '') return null;
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  // Text without spaces (Chinese, Japanese) is cut at the length instead.
  return `${(space > EXCERPT_LENGTH * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Parses one article file. See types.ts for what each field means. */
export function parseArticleFile(bytes: Buffer | Uint8Array, relPath: string, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) return { ok: false, reason: tooLargeReason(bytes.length, maxBytes) };
  const warnings: string[] = [];
  const decoded = decode(bytes, warnings);
  if ('reason' in decoded) return { ok: false, reason: decoded.reason };
  const fm = parseFrontMatter(decoded.text);
  if (!fm.ok) return fm;
  if (fm.value.format === 'none' && fm.value.body.trim() === '') {
    return { ok: false, skipped: true, reason: bytes.length === 0 ? 'empty file' : 'file holds only blank space' };
  }
  const { format, raw, data, body } = fm.value;

  const used = new Set<string>();
  const take = (name: string): unknown => {
    const key = findKey(data, name);
    if (key === undefined) return undefined;
    used.add(key);
    return data[key];
  };

  // Date: the first date key present, else a date in Zola's `path` key or the file path.
  let date: string | null = null;
  let dateSource: ArticleFields['dateSource'] = null;
  let dateDecided = false;
  for (const name of DATE_KEYS) {
    const key = findKey(data, name);
    const value = key === undefined ? undefined : data[key];
    if (key === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' && !(value instanceof Date)) {
      // `published: true` is Jekyll's publish flag, not a date: leave it in extra.
      if (name === 'date') warnings.push(`${key} ${normalizeDate(value).warning}; ignored`);
      continue;
    }
    used.add(key);
    const result = normalizeDate(value);
    if (result.iso !== null) {
      date = result.iso;
      dateSource = 'front-matter';
    } else warnings.push(`${key} ${result.warning}; stored without a date`);
    dateDecided = true;
    break;
  }
  if (!dateDecided) {
    const zolaPath = text(data['path']);
    date = (zolaPath === null ? null : dateFromPath(zolaPath)) ?? dateFromPath(relPath);
    dateSource = date === null ? null : 'path';
  }

  const draftValue = take('draft');
  let draft = false;
  if (typeof draftValue === 'boolean') draft = draftValue;
  else if (typeof draftValue === 'string' && /^(true|false)$/i.test(draftValue.trim())) draft = draftValue.trim().toLowerCase() === 'true';
  else if (draftValue !== undefined) warnings.push(`draft ${JSON.stringify(toJsonValue(draftValue))} is not true or false; treated as false`);

  const bodyFormat = detectBodyFormat(relPath, body);
  const extracted = bodyFormat === 'text' ? { text: collapse(body), heading: null } : extractText(renderBody(body, bodyFormat, data));

  let title = text(take('title'));
  if (title === null) {
    title = extracted.heading;
    if (title === null) {
      title = nameFromPath(relPath);
      warnings.push(`no title in the front matter or the body; used the file name "${title}"`);
    }
  }

  const ownSource = text(take('source'));
  const site =
    ownSource === null
      ? fileSiteSource((name) => {
          const key = findKey(data, name);
          return key === undefined ? undefined : data[key];
        })
      : null;
  const authorValues = AUTHOR_KEYS.map(take);
  let lang: string | null = null;
  for (const name of LANGUAGE_KEYS) {
    const key = findKey(data, name);
    lang = key === undefined ? null : articleLanguage(data[key], '');
    if (lang !== null) {
      used.add(key!);
      break;
    }
  }
  lang ??= articleLanguage(undefined, relPath);

  const fields: ArticleFields = {
    title,
    date,
    dateSource,
    draft,
    summary: text(take('summary')),
    description: text(take('description')),
    source: ownSource ?? site?.source ?? null,
    sourceOrigin: ownSource !== null ? 'file' : (site?.origin ?? null),
    authors: parseAuthors(authorValues),
    lang,
    sourceLink: text(take('source_link')),
    url: text(take('url')),
    enclosure: enclosureUrl(take('enclosure')),
    articleId: id(take('article_id')),
    feedItemId: id(take('feed_item_id')),
  };
  const fileTags = collectTags([take('tags'), take('categories'), take('category'), take('keywords'), take('series')], warnings);
  // Gleaner's own key from a folder export: curation, not a field of the article.
  const gleaner = readGleanerKey(data);
  if (gleaner) {
    take(GLEANER_KEY);
    warnings.push(...gleaner.warnings);
  }
  const extra = Object.fromEntries(
    Object.entries(data)
      .filter(([key]) => !used.has(key))
      .map(([key, value]) => [key, toJsonValue(value)]),
  );

  return {
    ok: true,
    article: {
      format,
      bodyFormat,
      frontMatterRaw: raw,
      body,
      fields,
      extra,
      fileTags,
      curation: gleaner ? { ...gleaner.curation, highlights: gleaner.highlights } : null,
      text: extracted.text,
      storySketch: options.stories === false ? null : sketchOf(extracted.text),
      excerpt: fields.summary === null && fields.description === null ? excerptOf(extracted.text) : null,
      contentHash: createHash('sha1').update(body).digest('hex'),
      warnings,
    },
  };
}
