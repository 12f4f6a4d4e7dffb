/**
 * The `gleaner` front-matter key: the person's curation (own tags, star, read date, note,
 * collections) carried inside an exported article file, so that importing the folder into
 * another library gives the curation back. The exporter writes it; the importer reads it
 * with {@link readGleanerKey}. One definition of the key, shared by both sides.
 *
 * In the file (TOML shown; YAML and JSON hold the same keys and values):
 *
 *     [gleaner]
 *     version = 1
 *     path = "2025/07/124330-uk-openai.txt"   # the article's relative path in its library
 *     tags = ["to read", "policy"]            # the person's tags (not the file's own)
 *     starred = true
 *     read_at = "2025-07-30T08:00:00.000Z"    # absent when unread
 *     note = "Ask Sam about this"             # absent when there is none
 *     collections = ["Reading pack"]
 *     highlights = [                          # absent when there are none
 *       { text = "the quoted passage", prefix = "…before ", suffix = " after…", start = 120, end = 138, color = "yellow", note = "", detached = false, created_at = "…", updated_at = "…" },
 *     ]
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/highlights.js';
import type { CarriedHighlight, Curation } from './curation.js';
import { parseDateString } from './dates.js';

/** One highlight's entry in the key: snake_case like `read_at`, scalars only. */
export type HighlightEntry = Record<string, string | number | boolean>;

/** The key's value types: what every front-matter format writes alike. */
export type GleanerValue = string | number | boolean | string[] | HighlightEntry[];

/** The version this code writes; readers accept higher versions and read the keys they know. */
export const GLEANER_KEY_VERSION = 1;
export const GLEANER_KEY = 'gleaner';

/** The key's value as written, in file order; string values are quoted by the format writer. */
export function gleanerKeyValue(curation: Curation, relPath: string, highlights: readonly CarriedHighlight[] = []): Record<string, GleanerValue> {
  const value: Record<string, GleanerValue> = {
    version: GLEANER_KEY_VERSION,
    path: relPath,
    tags: curation.tags,
    starred: curation.starred,
  };
  if (curation.readAt !== null) value.read_at = curation.readAt;
  if (curation.note !== null) value.note = curation.note;
  value.collections = curation.collections;
  if (highlights.length > 0) value.highlights = highlights.map(highlightEntry);
  return value;
}

/** Each carried field and its name in the key, in the order written. */
const ENTRY_NAMES: readonly (readonly [keyof CarriedHighlight, string])[] = [
  ['exact', 'text'],
  ['prefix', 'prefix'],
  ['suffix', 'suffix'],
  ['start', 'start'],
  ['end', 'end'],
  ['color', 'color'],
  ['note', 'note'],
  ['detached', 'detached'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
];

const highlightEntry = (h: CarriedHighlight): HighlightEntry => Object.fromEntries(ENTRY_NAMES.map(([field, name]) => [name, h[field]]));

export interface GleanerKey {
  curation: Curation;
  /** The person's highlights, to be re-anchored against the imported body. */
  highlights: CarriedHighlight[];
  /** The article's relative path in the library it was exported from, if given. */
  path: string | null;
  version: number;
  /** Values that were present but unusable, in words a person understands. */
  warnings: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function names(value: unknown, key: string, warnings: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    warnings.push(`gleaner.${key} is not a list; ignored`);
    return [];
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') {
      warnings.push(`gleaner.${key} holds a value that is not text; it was skipped`);
      continue;
    }
    const name = item.trim();
    // Tag and collection names are unique without regard to case in the library.
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/**
 * Reads the `gleaner` key from parsed front matter (as `parseFrontMatter` returns it, or
 * the JSON-safe `extra` form). Returns null when there is no such key. Lenient: a bad value
 * becomes a warning and its default (no tags, not starred, unread, no note), never a failure.
 */
export function readGleanerKey(frontMatterData: Record<string, unknown>): GleanerKey | null {
  if (!Object.hasOwn(frontMatterData, GLEANER_KEY)) return null;
  const raw = frontMatterData[GLEANER_KEY];
  const warnings: string[] = [];
  if (!isRecord(raw)) {
    return {
      curation: { tags: [], starred: false, readAt: null, note: null, collections: [] },
      highlights: [],
      path: null,
      version: 0,
      warnings: ['gleaner is not a table of curation values; ignored'],
    };
  }
  const version = typeof raw.version === 'number' || typeof raw.version === 'bigint' ? Number(raw.version) : GLEANER_KEY_VERSION;
  if (version > GLEANER_KEY_VERSION)
    warnings.push(`gleaner version ${version} is newer than this Gleaner reads (${GLEANER_KEY_VERSION}); known values were used`);

  let starred = false;
  if (typeof raw.starred === 'boolean') starred = raw.starred;
  else if (raw.starred !== undefined) warnings.push('gleaner.starred is not true or false; treated as false');

  let readAt: string | null = null;
  if (raw.read_at instanceof Date && !Number.isNaN(raw.read_at.getTime())) readAt = raw.read_at.toISOString();
  else if (typeof raw.read_at === 'string') {
    const parsed = parseDateString(raw.read_at);
    if (parsed.iso !== null) readAt = parsed.iso;
    else warnings.push(`gleaner.read_at ${parsed.warning}; treated as unread`);
  } else if (raw.read_at !== undefined) warnings.push('gleaner.read_at is not a date; treated as unread');

  let note: string | null = null;
  if (typeof raw.note === 'string') note = raw.note === '' ? null : raw.note;
  else if (raw.note !== undefined) warnings.push('gleaner.note is not text; ignored');

  return {
    curation: { tags: names(raw.tags, 'tags', warnings), starred, readAt, note, collections: names(raw.collections, 'collections', warnings) },
    highlights: readHighlights(raw.highlights, warnings),
    path: typeof raw.path === 'string' ? raw.path : null,
    version,
    warnings,
  };
}

const offset = (v: unknown): number | null => {
  const n = typeof v === 'bigint' ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
};

function timestamp(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  return typeof v === 'string' ? parseDateString(v).iso : null;
}

/**
 * `gleaner.highlights`: each entry needs its text; a bad colour becomes yellow, bad offsets
 * 0 (re-anchoring finds the passage by its text), a bad date the time of import (null here).
 * An entry without text cannot be placed or shown and is skipped with a warning.
 */
function readHighlights(value: unknown, warnings: string[]): CarriedHighlight[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    warnings.push('gleaner.highlights is not a list; ignored');
    return [];
  }
  const out: CarriedHighlight[] = [];
  const now = new Date().toISOString();
  value.forEach((entry: unknown, i) => {
    if (!isRecord(entry) || typeof entry.text !== 'string' || entry.text === '') {
      warnings.push(`gleaner.highlights entry ${i + 1} has no text; it was skipped`);
      return;
    }
    const text = (k: string) => (typeof entry[k] === 'string' ? (entry[k] as string) : '');
    let color: HighlightColor = 'yellow';
    if ((HIGHLIGHT_COLORS as readonly unknown[]).includes(entry.color)) color = entry.color as HighlightColor;
    else if (entry.color !== undefined) warnings.push(`gleaner.highlights entry ${i + 1} has an unknown colour; it is yellow`);
    const start = offset(entry.start) ?? 0;
    const end = Math.max(start, offset(entry.end) ?? start + entry.text.length);
    const createdAt = timestamp(entry.created_at) ?? now;
    out.push({
      exact: entry.text,
      prefix: text('prefix'),
      suffix: text('suffix'),
      start,
      end,
      color,
      note: text('note'),
      detached: entry.detached === true,
      createdAt,
      updatedAt: timestamp(entry.updated_at) ?? createdAt,
    });
  });
  return out;
}
