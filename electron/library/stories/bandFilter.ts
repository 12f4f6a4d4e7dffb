import { mix } from './shingles.js';

/** Bits per key: with 7 probes, about 1% of absent keys pass. */
const BITS_PER_KEY = 10;
const PROBES = 7;

/**
 * A Bloom filter over the LSH band keys in `story_bands`. Nearly every band key of a new
 * article is held by no other article, and asking the library about each one (20 B-tree
 * seeks an article) was the largest part of grouping a big import; the filter answers "no
 * one" for most of them without a read. The keys are already mixed hashes, so two probes
 * derived from each key's halves make the seven (Kirsch and Mitzenmacher).
 */
export class BandFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  constructor(expectedKeys: number) {
    let size = 1 << 16;
    while (size < expectedKeys * BITS_PER_KEY && size < 2 ** 31) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  add(key: number): void {
    const [first, step] = probes(key);
    let h = first;
    for (let i = 0; i < PROBES; i++, h = (h + step) >>> 0) {
      const bit = h & this.mask;
      this.bits[bit >>> 5] = this.bits[bit >>> 5]! | (1 << (bit & 31));
    }
  }

  /** False when no key added equals this one; true when one may. */
  mayHold(key: number): boolean {
    const [first, step] = probes(key);
    let h = first;
    for (let i = 0; i < PROBES; i++, h = (h + step) >>> 0) {
      const bit = h & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** A band key is band * 2^32 + a mixed 32-bit hash (shingles.ts bandKeys). */
function probes(key: number): [number, number] {
  const low = key % 2 ** 32;
  const band = Math.floor(key / 2 ** 32);
  return [low >>> 0, (mix(low ^ Math.imul(band + 1, 0x9e3779b9)) | 1) >>> 0];
}
