/**
 * Word shingles and MinHash signatures of an article's plain text. Pure and fast: one
 * 32-bit hash per word, shingles combined from word hashes, no crypto anywhere.
 */

/** Words per shingle: long enough that unrelated prose rarely shares one. */
export const SHINGLE_WORDS = 4;
/** MinHash values per signature, in LSH bands of BAND_ROWS: a pair with Jaccard 0.5 is a candidate 99% of the time, 0.2 about 15%. */
export const SIGNATURE_SIZE = 60;
export const BAND_ROWS = 3;
/**
 * A long article keeps one shingle in SAMPLE_EVERY for boilerplate counts and the similarity
 * check (Broder's mod-m sample). Every kept shingle is a row in `story_shingles`, the largest
 * cost of grouping at import: one in 4 kept 142 an article of the bench corpus, one in 16
 * throughout 36. Over 12 generated test sets (precision 1.0 in each case) recall was 0.951 at
 * one in 4 throughout, 0.947 at one in 16 throughout, and 0.953 with these two rates.
 */
export const SAMPLE_EVERY = 16;
/**
 * A shorter article keeps one in SHORT_SAMPLE_EVERY: at one in 16 a 250-word press release
 * kept ~12 shingles, too few to measure containment, and a copy that lost a paragraph fell
 * under MIN_CONTAINMENT (tests/fixtures/stories: one copy in three missed). It also keeps its
 * sample at SAMPLE_EVERY (`coarse`), the one a long article is compared with. Two short
 * articles are copies if either sample says so: their finer hashes are counted only among
 * short articles, so an outlet's boilerplate may not be learned at that rate (comparing short
 * pairs on the fine sample alone gave recall 0.935).
 */
export const SHORT_SAMPLE_EVERY = 4;
/**
 * Articles with at least this many distinct shingles (about as many words), about 20 in 16,
 * keep one in SAMPLE_EVERY. On the bench corpus this keeps 44 rows an article where one in 16
 * throughout kept 36 and one in 4 throughout 142.
 */
export const LONG_ARTICLE = 320;

/** The sample rate of an article with this many distinct shingles. */
export function sampleRateOf(distinctShingles: number): number {
  return distinctShingles >= LONG_ARTICLE ? SAMPLE_EVERY : SHORT_SAMPLE_EVERY;
}

/**
 * Paragraphs with fewer shingles than this keep them all: datelines ("NEW YORK — (Outlet) —")
 * and footer lines are short, and a sample of them would often be empty.
 */
export const SHORT_PARAGRAPH = 8;

/** The shingles of a paragraph that are counted and compared at this sample rate (see SAMPLE_EVERY). */
export function sampledOf(shingles: number[], every: number): number[] {
  return shingles.length < SHORT_PARAGRAPH ? shingles : shingles.filter((h) => h % every === 0);
}

/** FNV-1a, 32 bits. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finalizer: spreads every input bit over the output. */
export function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface Shingled {
  /** Every distinct shingle hash. */
  all: Uint32Array;
  /** The sampled shingles (see sampledOf), distinct. */
  sampled: number[];
  /** The rate they were sampled at (sampleRateOf). */
  every: number;
  /** Sampled at SAMPLE_EVERY when `every` is finer (see SHORT_SAMPLE_EVERY), else null. */
  coarse: number[] | null;
}

/** Word characters: letters and digits of any script (as /[\p{L}\p{N}]/u). */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit below U+10000: 0 not yet asked, 1 a word character, 2 not one. Filled as met. */
const bmpKind = new Uint8Array(0x10000);
function isWordUnit(unit: number): boolean {
  let kind = bmpKind[unit]!;
  if (kind === 0) bmpKind[unit] = kind = WORD_CHAR.test(String.fromCharCode(unit)) ? 1 : 2;
  return kind === 1;
}

/**
 * A paragraph's word hashes (hashWord of each run of word characters, lower-cased), in one
 * pass over its UTF-16 units: matching the words with a regular expression and hashing each
 * string made shingling most of the cost of an article's sketch in the parse worker.
 */
function wordHashes(paragraph: string): number[] {
  const text = paragraph.toLowerCase();
  const out: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let word: boolean;
    let pair = 0; // the low surrogate of an astral character, hashed with it
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        word = WORD_CHAR.test(text.slice(i, i + 2));
        pair = low;
      } else word = false;
    } else word = isWordUnit(unit);
    if (word) {
      if (!inWord) h = 0x811c9dc5;
      inWord = true;
      h = Math.imul(h ^ unit, 0x01000193);
      if (pair !== 0) h = Math.imul(h ^ pair, 0x01000193);
    } else if (inWord) {
      out.push(h >>> 0);
      inWord = false;
    }
    if (pair !== 0) i++;
  }
  if (inWord) out.push(h >>> 0);
  return out;
}

/** A paragraph's shingle hashes; a paragraph shorter than a shingle is one shingle of its words. */
export function paragraphShingles(paragraph: string): number[] {
  const words = wordHashes(paragraph);
  if (words.length === 0) return [];
  const out: number[] = [];
  const last = Math.max(words.length - SHINGLE_WORDS, 0);
  for (let i = 0; i <= last; i++) {
    let h = 0x9e3779b9;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, words.length); j++) h = mix(h ^ words[j]!);
    out.push(h >>> 0);
  }
  return out;
}

/** The paragraphs of extracted text (the importer separates blocks with line breaks). */
export function paragraphs(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function shingle(text: string): Shingled {
  // Blank lines give no shingles, so paragraphs() need not trim and drop them here.
  const byParagraph = text.split('\n').map(paragraphShingles);
  const all = distinct(byParagraph);
  const every = sampleRateOf(all.length);
  return { all, sampled: sampleAt(byParagraph, every), every, coarse: every === SAMPLE_EVERY ? null : sampleAt(byParagraph, SAMPLE_EVERY) };
}

/** Scratch for `distinct`: an open-addressing set of hashes, reused article after article. */
let seenSlots = new Uint32Array(1 << 12);

/**
 * Every distinct hash, in order of first appearance. An open-addressing table in a typed
 * array, not a Set: most 32-bit hashes are beyond V8's small integers, and a Set of them cost
 * two thirds of shingling an article (a typed-array sort, half).
 */
function distinct(byParagraph: number[][]): Uint32Array {
  let total = 0;
  for (const hashes of byParagraph) total += hashes.length;
  let size = seenSlots.length;
  while (size < total * 2) size *= 2;
  if (size > seenSlots.length) seenSlots = new Uint32Array(size);
  else seenSlots.fill(0);
  const slots = seenSlots;
  const mask = size - 1;
  const out = new Uint32Array(total);
  let kept = 0;
  let zeroSeen = false; // 0 marks an empty slot, so the hash 0 is kept apart
  for (const hashes of byParagraph) {
    for (const h of hashes) {
      if (h === 0) {
        if (!zeroSeen) out[kept++] = 0;
        zeroSeen = true;
        continue;
      }
      let slot = h & mask; // shingle hashes are already mixed
      for (;;) {
        const held = slots[slot]!;
        if (held === 0) {
          slots[slot] = h;
          out[kept++] = h;
          break;
        }
        if (held === h) break;
        slot = (slot + 1) & mask;
      }
    }
  }
  return out.subarray(0, kept);
}

/** The distinct sampled shingles of these paragraphs at `rate`, in order of first appearance. */
function sampleAt(byParagraph: number[][], rate: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const hashes of byParagraph) {
    const keepAll = hashes.length < SHORT_PARAGRAPH;
    for (const h of hashes) {
      if ((keepAll || h % rate === 0) && !seen.has(h)) {
        seen.add(h);
        out.push(h);
      }
    }
  }
  return out;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x5bd1e995 + i * 0x27d4eb2d));

/** The MinHash signature: per seed, the least mixed hash over the shingles. */
export function signature(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE);
  // Seed by seed, so the running minimum stays in a register (twice as fast as shingle by shingle).
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const seed = SEEDS[i]!;
    let least = 0xffffffff;
    for (let j = 0; j < shingles.length; j++) {
      const v = mix(shingles[j]! ^ seed);
      if (v < least) least = v;
    }
    sig[i] = least;
  }
  return sig;
}

/** LSH band keys: each band's rows hashed together, the band's number in the high bits. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b * BAND_ROWS < SIGNATURE_SIZE; b++) {
    let h = b + 1;
    for (let r = 0; r < BAND_ROWS; r++) h = mix(h ^ sig[b * BAND_ROWS + r]!);
    keys.push(b * 2 ** 32 + h);
  }
  return keys;
}

/** A source's scope for boilerplate counts (0: articles without a source). */
export function sourceScope(source: string | null): number {
  return source === null ? 0 : hashWord(source.toLowerCase()) || 1;
}

/** What grouping keeps of an article's text: its sampled shingles (see Shingled), and its LSH band keys. */
export interface StorySketch extends Omit<Shingled, 'all'> {
  bands: number[];
}

/** An article's sketch; pure, so a parse worker makes it and the writer only stores it. */
export function sketchOf(text: string): StorySketch {
  const { all, sampled, every, coarse } = shingle(text);
  return { sampled, every, coarse, bands: all.length === 0 ? [] : bandKeys(signature(all)) };
}
