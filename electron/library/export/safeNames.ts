/**
 * File and folder names made from article data (titles, stored relative paths), safe to
 * create on Windows, macOS and Linux, and never pointing outside the chosen folder.
 *
 * Article data is untrusted: a title can be `../../x`, `CON`, 300 characters of emoji or a
 * right-to-left override that makes `exe.txt` read as `txt.exe`. Every name written by an
 * export passes through here, and every resolved path is checked against the target root.
 */
import { resolve, sep } from 'node:path';

/** Longest name segment, in UTF-8 bytes (ext4/APFS allow 255; NTFS 255 UTF-16 units). */
export const MAX_SEGMENT_BYTES = 120;
/** Longest relative path, in UTF-8 bytes: leaves room for the target folder within Windows' 260. */
export const MAX_PATH_BYTES = 200;

const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)$/i;
// Forbidden on Windows or a separator somewhere; C0/C1 controls break terminals and tools.
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
// Bidi overrides and isolates can make `gpj.exe` display as `exe.jpg`; they carry no meaning in a name.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// An extension worth keeping through truncation: `.md`, `.html`, `.markdown`.
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

const encoder = new TextEncoder();
const bytes = (s: string): number => encoder.encode(s).length;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts `text` to at most `max` UTF-8 bytes without splitting a character or emoji sequence. */
export function truncateBytes(text: string, max: number): string {
  if (bytes(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const size = bytes(segment);
    if (used + size > max) break;
    out += segment;
    used += size;
  }
  return out;
}

// Windows drops trailing dots and spaces (so `a.` and `a` collide); a leading dot hides the
// file from the importer (it skips hidden entries), so it would not come back on re-import.
const trimEnds = (s: string): string =>
  s
    .trim()
    .replace(/[. ]+$/, '')
    .replace(/^\.+/, (dots) => '_'.repeat(dots.length));

/**
 * One file or folder name from arbitrary text: NFC, no separators, controls, reserved
 * characters or names, no trailing dots or spaces, no leading dot, at most `maxBytes`
 * UTF-8 bytes (a short extension is kept when the stem is cut). Never empty.
 */
export function safeSegment(name: string, fallback = '_', maxBytes = MAX_SEGMENT_BYTES): string {
  let s = trimEnds(name.normalize('NFC').replace(LONE_SURROGATE, '_').replace(BIDI_CONTROLS, '').replace(FORBIDDEN, '_'));
  if (s === '') s = fallback;
  if (RESERVED.test(s.split('.')[0]!.trim())) s = `_${s}`;
  if (bytes(s) > maxBytes) {
    const ext = EXTENSION.exec(s)?.[0] ?? '';
    s = trimEnds(truncateBytes(s.slice(0, s.length - ext.length), maxBytes - bytes(ext))) + ext;
    if (s === ext) s = fallback + ext;
  }
  return s;
}

/** A file name from a title (or any text) plus an extension such as `.md`. */
export function safeFileName(title: string, extension: string, fallback = 'untitled'): string {
  const ext = safeSegment(extension.replace(/^\./, ''), '', 16);
  const stem = safeSegment(title, fallback, MAX_SEGMENT_BYTES - bytes(ext) - 1);
  return ext === '' ? stem : `${stem}.${ext}`;
}

/** Inserts ` (n)` before the extension, keeping the name within the byte limit. */
function numbered(name: string, n: number): string {
  const ext = EXTENSION.exec(name)?.[0] ?? '';
  const suffix = ` (${n})`;
  const stem = truncateBytes(name.slice(0, name.length - ext.length), MAX_SEGMENT_BYTES - bytes(ext) - bytes(suffix));
  return `${stem}${suffix}${ext}`;
}

/** The case-insensitive identity two names share on Windows and default macOS volumes. */
const keyOf = (path: string): string => path.toLowerCase();

/**
 * Hands out unique safe relative paths (`/`-separated) for one target folder.
 *
 * Names are compared case-insensitively after NFC, as Windows and macOS do, so `Post.md`
 * and `post.md` become `Post.md` and `post (2).md` instead of one overwriting the other.
 * A folder reuses the spelling first given to it; a file never takes a folder's name
 * (or the reverse). `.`, `..` and empty segments are dropped from folder parts.
 */
export class PathAllocator {
  private readonly files = new Set<string>();
  /** Folder key → the spelling chosen for it. */
  private readonly dirs = new Map<string, string>();

  /** @param reserved names already taken at the root (e.g. a marker file). */
  constructor(reserved: string[] = []) {
    for (const name of reserved) this.files.add(keyOf(name));
  }

  allocate(relPath: string, fallbackName = 'untitled'): string {
    const parts = relPath.split('/');
    const rawName = parts.pop() ?? '';
    let dirs = parts.filter((p) => p !== '' && p !== '.' && p !== '..').map((p) => safeSegment(p));
    let name = safeSegment(rawName === '.' || rawName === '..' ? '' : rawName, fallbackName);
    // A path too deep for Windows: shorten folder names, then flatten; the file name stays.
    if (bytes([...dirs, name].join('/')) > MAX_PATH_BYTES) dirs = dirs.map((d) => safeSegment(d, '_', 32));
    if (bytes([...dirs, name].join('/')) > MAX_PATH_BYTES) dirs = [];

    let parent = '';
    for (const dir of dirs) {
      let candidate = dir;
      for (let n = 2; this.files.has(keyOf(parent + candidate)); n++) candidate = numbered(dir, n);
      const key = keyOf(parent + candidate);
      const spelling = this.dirs.get(key) ?? parent + candidate;
      this.dirs.set(key, spelling);
      parent = `${spelling}/`;
    }
    let candidate = name;
    for (let n = 2; this.files.has(keyOf(parent + candidate)) || this.dirs.has(keyOf(parent + candidate)); n++) {
      candidate = numbered(name, n);
    }
    name = parent + candidate;
    this.files.add(keyOf(name));
    return name;
  }
}

/**
 * The absolute path of `relPath` under `root`, or an error when it would land anywhere
 * else. The last line of defence: callers pass only allocator output, but a bug there must
 * never become a write outside the folder the person chose.
 */
export function resolveInside(root: string, relPath: string): string {
  const base = resolve(root);
  const target = resolve(base, relPath);
  if (!target.startsWith(base.endsWith(sep) ? base : base + sep)) {
    throw new Error(`refusing to write "${relPath}": it resolves outside ${base}`);
  }
  return target;
}
