import { mix } from './shingles.js';

/**
 * Counts keyed by a pair of 32-bit values (a shingle hash and its source scope), in
 * open-addressing typed arrays. An import stages hundreds of thousands of them: as a Map
 * they cost a V8 object per entry for the collector to walk and a rehash of the whole map as
 * it grew, about 80 µs an article on a 100,000-article import.
 */
export class HashCounts {
  private firsts = new Uint32Array(0);
  private seconds = new Uint32Array(0);
  private counts = new Uint32Array(0);
  private taken = new Uint8Array(0);
  private used = 0;

  private capacity = 0;

  /** `initial` slots (a power of two); the table doubles when half full. */
  constructor(private readonly initial = 1 << 16) {
    this.allocate(initial);
  }

  /** Adds `delta` (may be negative) to the count of (first, second). */
  add(first: number, second: number, delta: number): void {
    if ((this.used + 1) * 2 > this.capacity) this.grow();
    const slot = this.slotOf(first >>> 0, second >>> 0);
    if (!this.taken[slot]) {
      this.taken[slot] = 1;
      this.firsts[slot] = first;
      this.seconds[slot] = second;
      this.used++;
    }
    this.counts[slot] = Math.max(0, this.counts[slot]! + delta);
  }

  get(first: number, second: number): number {
    const slot = this.slotOf(first >>> 0, second >>> 0);
    return this.taken[slot] ? this.counts[slot]! : 0;
  }

  clear(): void {
    this.allocate(this.initial);
  }

  /** The slot holding (first, second), or the empty slot where it would go. */
  private slotOf(first: number, second: number): number {
    const mask = this.capacity - 1;
    let slot = mix(first ^ Math.imul(second, 0x9e3779b9)) & mask;
    while (this.taken[slot] && (this.firsts[slot] !== first || this.seconds[slot] !== second)) slot = (slot + 1) & mask;
    return slot;
  }

  private allocate(capacity: number): void {
    this.capacity = capacity;
    this.firsts = new Uint32Array(capacity);
    this.seconds = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.taken = new Uint8Array(capacity);
    this.used = 0;
  }

  private grow(): void {
    const { firsts, seconds, counts, taken } = this;
    this.allocate(this.capacity * 2);
    for (let i = 0; i < taken.length; i++) {
      if (!taken[i] || counts[i] === 0) continue; // counts back to zero are dropped here
      const slot = this.slotOf(firsts[i]!, seconds[i]!);
      this.taken[slot] = 1;
      this.firsts[slot] = firsts[i]!;
      this.seconds[slot] = seconds[i]!;
      this.counts[slot] = counts[i]!;
      this.used++;
    }
  }
}
