/**
 * Chinese, Japanese and Korean text in the full-text index.
 *
 * SQLite's unicode61 tokenizer splits only at spaces and punctuation, so a run of Chinese
 * or Japanese (written without spaces) is one "word" and nothing inside it can be found;
 * a Korean word with a particle attached (`레독스는`) cannot be found as `레독스`. Each
 * letter of these scripts is therefore its own unit: the text that enters the index has an
 * invisible U+200B (ZERO WIDTH SPACE, a separator for unicode61) between a unit and any
 * letter or digit beside it, and a search turns the same run into a phrase of its units,
 * which matches the run wherever it occurs (a substring match, whatever the words are).
 * Per-letter units rather than dictionary words (Intl.Segmenter): a dictionary may cut
 * a page's text differently from the same word typed alone, and then it is never found.
 */

/** Invisible, and a separator for unicode61: splits units without changing how text reads. */
export const UNIT_SEPARATOR = '\u200B';

/** The Han, Hiragana, Katakana and Hangul scripts (with `ー` and `々`, which they share). */
const SCRIPTS = String.raw`\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}`;
const HAS_UNIT = new RegExp(`[${SCRIPTS}]`, 'u');
const SEPARATORS = new RegExp(UNIT_SEPARATOR, 'g');

/** How a UTF-16 code unit joins its neighbours in unicode61's eyes. */
const enum Kind {
  /** Space, punctuation, symbols: already a word break. */
  Break = 0,
  /** A letter or digit of any other script. */
  Word = 1,
  /** A CJK letter: a word of its own. */
  Unit = 2,
  /** A combining mark or the second half of a surrogate pair: stays with what precedes it. */
  Attached = 3,
}

let kinds: Uint8Array | null = null;

/**
 * One kind per BMP code unit, worked out once (regular expressions per character cost
 * about 0.5 µs each; a table lookup, nanoseconds). Astral characters are classified by
 * their high surrogate: the planes of Han extensions B-H (U+20000-U+3FFFF) are units.
 */
function kindTable(): Uint8Array {
  if (kinds) return kinds;
  const table = new Uint8Array(0x10000);
  // Every BMP character but the surrogates, in one string: three global scans classify them
  // all (a test per character would take a few hundred milliseconds).
  let all = '';
  for (let code = 0; code < 0x10000; code++) all += code >= 0xd800 && code <= 0xdfff ? ' ' : String.fromCharCode(code);
  const mark = (pattern: string, kind: Kind, only?: Kind) => {
    for (const m of all.matchAll(new RegExp(pattern, 'gu'))) if (only === undefined || table[m.index] === only) table[m.index] = kind;
  };
  mark(String.raw`[\p{L}\p{N}]`, Kind.Word);
  mark(`[${SCRIPTS}]`, Kind.Unit, Kind.Word); // letters only: CJK punctuation (。) is a break already
  mark(String.raw`\p{M}`, Kind.Attached);
  table.fill(Kind.Word, 0xd800, 0xdc00);
  table.fill(Kind.Unit, 0xd840, 0xd8c0);
  table.fill(Kind.Attached, 0xdc00, 0xe000);
  return (kinds = table);
}

/** Whether the text has any CJK letter (Latin-only text is left exactly as it is). */
export const hasCjk = (text: string): boolean => HAS_UNIT.test(text);

/**
 * The text as the index sees it: U+200B between each CJK letter and the letter or digit
 * next to it, so `Redox是一个` becomes the units `Redox`, `是`, `一`, `个`. Text without
 * CJK letters is returned unchanged (the same string), at the cost of one quick scan
 * (about 2 µs per KB: the lookups here only run on text that has CJK letters).
 */
export function separateCjk(text: string): string {
  if (!hasCjk(text)) return text;
  const table = kindTable();
  let out = '';
  let from = 0;
  let previous: Kind = Kind.Break;
  for (let i = 0; i < text.length; i++) {
    const kind = table[text.charCodeAt(i)] as Kind;
    if (kind === Kind.Attached) continue;
    if ((kind === Kind.Unit && previous !== Kind.Break) || (kind === Kind.Word && previous === Kind.Unit)) {
      out += text.slice(from, i) + UNIT_SEPARATOR;
      from = i;
    }
    previous = kind;
  }
  return out + text.slice(from);
}

/** Takes the separators out again: snippets and anything else shown from the index's copy. */
export function joinCjk(text: string): string {
  return text.includes(UNIT_SEPARATOR) ? text.replace(SEPARATORS, '') : text;
}
