import { describe, expect, it } from 'vitest';
import {
  hashWord,
  mix,
  paragraphShingles,
  SHINGLE_WORDS,
  shingle,
  signature,
  SIGNATURE_SIZE,
} from '../../../../electron/library/stories/shingles.js';

// The definition the one-pass word scanner must keep: words are runs of /[\p{L}\p{N}]/u in
// the lower-cased paragraph, hashed with hashWord, then chained SHINGLE_WORDS at a time.
// Stored sketches were made with it, so a drift would split old and new copies of a story.
function reference(paragraph: string): number[] {
  const words = (paragraph.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(hashWord);
  if (words.length === 0) return [];
  const out: number[] = [];
  for (let i = 0; i <= Math.max(words.length - SHINGLE_WORDS, 0); i++) {
    let h = 0x9e3779b9;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, words.length); j++) h = mix(h ^ words[j]!);
    out.push(h >>> 0);
  }
  return out;
}

describe('shingles', () => {
  it('splits words as the Unicode letter-or-digit definition does, whatever the script or encoding', () => {
    const samples = [
      'NEW YORK — (Business Wire) — Acme Corp. announced 3 new products today.',
      'İstanbul’da ıslak ŞEHİR straße STRASSE ﬁnancial Σίσυφος ΣΊΣΥΦΟΣ',
      'cafe\u0301 café naïve ١٢٣ 中文新闻 日本語のテキスト 한국어',
      'emoji 😀 between 𝒜𝒷𝒸 words, lone \ud800 high and \udc00 low halves, end\ud83d',
      "tabs\tand\u00a0no-break\u2009thin spaces; O'Brien — e-mail",
      '',
      '   ',
      'one',
    ];
    for (const text of samples) expect(paragraphShingles(text), text).toEqual(reference(text));
    // Random strings over an alphabet of awkward characters.
    const alphabet = ['a', 'Z', 'İ', 'ß', 'é', 'e\u0301', '😀', '𝒜', '\ud800', '\udc00', ' ', '—', '1', '٣', '中', 'ﬁ', 'Σ', '\u00a0', "'"];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % alphabet.length;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let i = 0; i < 1 + (n % 60); i++) text += alphabet[next()];
      expect(paragraphShingles(text)).toEqual(reference(text));
    }
  });

  it('keeps each distinct shingle once, and the signature is the least mixed value per seed', () => {
    const text = 'the same words again and again\nthe same words again and again\nand then something else entirely';
    const { all } = shingle(text);
    const expected = [...new Set(text.split('\n').flatMap(reference))];
    expect([...all].sort()).toEqual([...expected].sort());
    const sig = signature(all);
    expect(sig).toHaveLength(SIGNATURE_SIZE);
    // Order of the shingles does not matter to a MinHash signature.
    expect([...signature(Uint32Array.from([...all].reverse()))]).toEqual([...sig]);
  });
});
