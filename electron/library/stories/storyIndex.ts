import type { Db } from '../db/connection.js';
import { StoryQueries, type StoryNode } from '../db/queries/stories.js';
import { StoryStage } from '../db/queries/storyStage.js';
import { StagedRows } from './stagedRows.js';
import { BandFilter } from './bandFilter.js';
import {
  BAND_ROWS,
  paragraphs,
  paragraphShingles,
  SAMPLE_EVERY,
  sampledOf,
  sampleRateOf,
  SIGNATURE_SIZE,
  sketchOf,
  sourceScope,
  type StorySketch,
} from './shingles.js';

/**
 * Boilerplate is learned, never listed: a shingle that this many articles of one source
 * hold (an outlet's header, footer, disclaimer) or this many articles overall (a template)
 * counts for nothing when two texts are compared.
 */
export const SOURCE_BOILERPLATE = 3;
export const GLOBAL_BOILERPLATE = 25;
/** Copies share this much of the shorter text's own (non-boilerplate) sampled shingles. */
export const MIN_CONTAINMENT = 0.7;
/** And at least this many of them: a few words in common are no evidence. */
export const MIN_SHARED = 3;
/**
 * Candidates checked per new article: the ones sharing the most LSH bands. A story is the
 * connected group of confirmed pairs, so a copy only has to be confirmed against one
 * member to join; checking every holder of a common band made a folder of 2,100 templated
 * articles take 10x as long to import (measured: 62 s against 6 s without grouping).
 */
export const MAX_CANDIDATES = 32;
/** Holders read per band key (newest first), from the library and from the import's staged rows each. */
const BAND_HOLDERS = 64;
/**
 * An import of at least this many files, and at least a quarter the library's size, reads
 * the library's band keys into a BandFilter first (about 0.5 s per million keys); a smaller
 * one asks the library about every key.
 */
const BULK_IMPORT = 1000;

/** A stored sketch: `coarse` is also null in a sketch older than migration 110. */
interface Sketch extends StorySketch {
  scope: number;
}

/** An article's own shingles at its rate, and at SAMPLE_EVERY. */
interface Own {
  hashes: Set<number>;
  every: number;
  coarse: Set<number>;
}

const toBlob = (values: number[]) => Buffer.from(new Float64Array(values).buffer);
const fromBlob = (blob: Buffer) => Array.from(new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)));

/**
 * Groups articles into stories as they are imported: a new article's LSH bands find its
 * candidates, a similarity check over non-boilerplate shingles confirms them, and only the
 * stories it touches are regrouped. Nothing here recomputes the library.
 */
export class StoryIndex {
  private readonly q: StoryQueries;
  private readonly stage: StoryStage;
  private readonly staged = new StagedRows();
  private filter: BandFilter | null = null;

  constructor(private readonly db: Db) {
    this.q = new StoryQueries(db);
    this.stage = new StoryStage(db);
  }

  /**
   * Indexes a new or re-imported article (its text, or the sketch a parse worker made of
   * it) and puts it in its story. Its band keys and shingles are staged until `flush`.
   */
  index(id: number, text: string | StorySketch, source: string | null): void {
    const before = this.forget(id);
    const made = typeof text === 'string' ? sketchOf(text) : text;
    const sketch: Sketch = { scope: sourceScope(source), ...made };
    this.q.putSketch.run(id, sketch.scope, toBlob(sketch.sampled), sketch.every, sketch.coarse && toBlob(sketch.coarse), toBlob(sketch.bands));
    this.staged.add({ id, ...sketch });
    this.stage.pending(id);
    const candidates = this.candidatesFor(id, sketch.bands);
    let paired = false;
    if (candidates.length > 0) {
      // Boilerplate answers are the same for every candidate of one source: ask once each.
      const memo = new Map<string, boolean>();
      const own = this.ownShingles(sketch, memo);
      for (const other of candidates) {
        const theirs = this.sketch(other);
        if (theirs && this.confirmed(own, this.ownShingles(theirs, memo))) {
          this.q.addPair.run(Math.min(id, other), Math.max(id, other));
          paired = true;
        }
      }
    }
    // An article indexed for the first time, with no copy found and no join of the person's,
    // is a story of its own, as its row already says: most of a bulk import, spared the
    // regroup's lookups.
    if (before.length === 0 && !paired && (this.q.linked.all({ id }) as number[]).length === 0) return;
    this.regroup([id, ...before]);
  }

  /**
   * Before importing `files` new or changed files: when they are many against the library,
   * the library's band keys go into a filter, so keys no one holds are not looked up.
   */
  expect(files: number): void {
    if (this.filter || files < BULK_IMPORT) return;
    const bandsPerArticle = SIGNATURE_SIZE / BAND_ROWS;
    const held = this.stage.bandRows();
    if (files * bandsPerArticle < held / 4) return;
    this.filter = new BandFilter(held + files * bandsPerArticle);
    for (const band of this.stage.allBands()) this.filter.add(band);
  }

  /** The articles sharing the most band keys with this one, at most MAX_CANDIDATES. */
  private candidatesFor(id: number, bands: number[]): number[] {
    const votes = new Map<number, number>();
    if (bands.length === 0) return [];
    const keys = [...new Set(bands)];
    const filter = this.filter;
    const ask = filter ? keys.filter((band) => filter.mayHold(band)) : keys;
    const holders = [
      ...(ask.length > 0 ? this.stage.holdersOf(id, ask, BAND_HOLDERS) : []),
      ...keys.map((band) => this.staged.holdersOf(band, BAND_HOLDERS + 1)),
    ];
    for (const ids of holders) {
      for (const other of ids) if (other !== id) votes.set(other, (votes.get(other) ?? 0) + 1);
    }
    return [...votes]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, MAX_CANDIDATES)
      .map(([other]) => other);
  }

  /** Takes an article's rows out (before a re-import, or when it is deleted); returns its old story. */
  forget(id: number): number[] {
    const old = this.sketch(id);
    if (!old) return [];
    const before = this.storyOf(id);
    this.staged.remove(id);
    this.stage.removeFromLibrary({ id, ...old });
    this.q.deletePairs.run({ id });
    this.q.deleteSketch.run(id);
    return before;
  }

  /** Band keys and shingle hashes staged, not yet in the library's tables. */
  get stagedRows(): number {
    return this.staged.rows;
  }

  /** Moves the staged band keys and shingles into the library's tables (the importer calls it as they pile up, and at the end). */
  flush(): void {
    const articles = this.staged.drain();
    this.stage.flush(articles);
    if (this.filter) for (const a of articles) for (const band of a.bands) this.filter.add(band);
  }

  /** Puts in the rows an import staged but never flushed because it was killed (from the saved sketches). */
  recover(): number {
    const left = this.stage.leftPending();
    this.stage.flush(left.map((row) => ({ id: row.id, scope: row.scope, sampled: fromBlob(row.shingles), bands: fromBlob(row.bands) })));
    return left.length;
  }

  /** After an article went missing or came back: its story and its neighbours' are regrouped. */
  presenceChanged(id: number): void {
    this.regroup([id, ...this.storyOf(id), ...(this.q.neighbours.all({ id }) as number[]), ...(this.q.linked.all({ id }) as number[])]);
  }

  /** The ids in the story of `id` (itself alone when it has none). */
  storyOf(id: number): number[] {
    const members = this.q.membersOf.all(id) as number[];
    return members.length > 0 ? members : [id];
  }

  /** Regroups the stories holding `seeds`: connected components of confirmed pairs and the person's joins. */
  regroup(seeds: number[]): void {
    const seen = new Set<number>();
    for (const seed of seeds) {
      if (seen.has(seed)) continue;
      const component = this.component(seed, seen);
      const ordered = component.sort(storyOrder);
      const first = ordered.length > 1 ? ordered[0]!.id : null;
      ordered.forEach((node, rank) => {
        const r = first === null ? 0 : rank;
        this.q.setStory.run(first, r, node.id, first, r);
      });
    }
  }

  private component(seed: number, seen: Set<number>): StoryNode[] {
    seen.add(seed);
    const start = this.q.nodeOf(seed);
    if (!start) return [];
    if (start.missing) return [start];
    const out: StoryNode[] = [start];
    const queue: StoryNode[] = [start];
    while (queue.length > 0) {
      const node = queue.pop()!;
      const automatic = node.apart ? [] : (this.q.neighbours.all({ id: node.id }) as number[]);
      const joined = this.q.linked.all({ id: node.id }) as number[];
      for (const [next, isJoin] of [...automatic.map((n) => [n, false] as const), ...joined.map((n) => [n, true] as const)]) {
        if (seen.has(next)) continue;
        const other = this.q.nodeOf(next);
        if (!other || other.missing || (other.apart && !isJoin)) continue;
        seen.add(next);
        out.push(other);
        queue.push(other);
      }
    }
    return out;
  }

  private sketch(id: number): Sketch | null {
    const row = this.q.sketchOf.get(id) as { scope: number; shingles: Buffer; every: number; coarse: Buffer | null; bands: Buffer } | undefined;
    if (!row) return null;
    return {
      scope: row.scope,
      sampled: fromBlob(row.shingles),
      every: row.every,
      coarse: row.coarse && fromBlob(row.coarse),
      bands: fromBlob(row.bands),
    };
  }

  /** The sampled shingles that are the article's own: not its outlet's, not a template's. */
  private ownShingles(sketch: Sketch, memo?: Map<string, boolean>): Own {
    const boiler = this.boilerplate(sketch.sampled, sketch.scope, memo);
    const hashes = new Set(sketch.sampled.filter((h) => !boiler.has(h)));
    if (sketch.every === SAMPLE_EVERY) return { hashes, every: sketch.every, coarse: hashes };
    // The coarse sample is part of the fine one, so its boilerplate is already known. An older
    // sketch has none: its one-in-16 hashes stand in (short paragraphs then lose some).
    const coarse = sketch.coarse ?? sketch.sampled.filter((h) => h % SAMPLE_EVERY === 0);
    return { hashes, every: sketch.every, coarse: new Set(coarse.filter((h) => !boiler.has(h))) };
  }

  /** Which of these sampled shingles are boilerplate for this source (learned counts). */
  boilerplate(hashes: Iterable<number>, scope: number, memo?: Map<string, boolean>): Set<number> {
    const out = new Set<number>();
    const unknown: number[] = [];
    for (const h of hashes) {
      const boiler = memo?.get(`${h}/${scope}`);
      if (boiler === undefined) unknown.push(h);
      else if (boiler) out.add(h);
    }
    const library = this.stage.countsOf(unknown, scope, SOURCE_BOILERPLATE, GLOBAL_BOILERPLATE);
    for (const h of unknown) {
      const staged = this.staged.counts(h, scope);
      const held = library.get(h);
      const boiler = (held?.inScope ?? 0) + staged.inScope >= SOURCE_BOILERPLATE || (held?.overall ?? 0) + staged.overall >= GLOBAL_BOILERPLATE;
      memo?.set(`${h}/${scope}`, boiler);
      if (boiler) out.add(h);
    }
    return out;
  }

  private confirmed(x: Own, y: Own): boolean {
    // Sampled at different rates: both are compared at SAMPLE_EVERY (see SHORT_SAMPLE_EVERY).
    if (x.every === y.every && contained(x.hashes, y.hashes)) return true;
    return (x.every !== SAMPLE_EVERY || y.every !== SAMPLE_EVERY) && contained(x.coarse, y.coarse);
  }

  /**
   * An article's text with its outlet's header and footer set apart: leading and trailing
   * paragraphs whose sampled shingles are mostly boilerplate of its source.
   */
  splitText(text: string, source: string | null): { header: string; body: string; footer: string } {
    const paras = paragraphs(text);
    const scope = sourceScope(source);
    const byParagraph = paras.map(paragraphShingles);
    const every = sampleRateOf(new Set(byParagraph.flat()).size);
    const isBoiler = byParagraph.map((shingles) => {
      const sampled = [...new Set(sampledOf(shingles, every))];
      if (sampled.length === 0) return null; // unjudged
      return this.boilerplate(sampled, scope).size * 2 >= sampled.length;
    });
    // The header runs to the last boilerplate paragraph before the first of the article's
    // own, the footer from the first after its last; an unjudged paragraph (no sampled
    // shingle: a long article's paragraphs keep one in SAMPLE_EVERY) goes to them only when
    // boilerplate lies on both sides of it, so the story's last paragraph stays in the story.
    let start = 0;
    for (let i = 0; i < paras.length && isBoiler[i] !== false; i++) if (isBoiler[i] === true) start = i + 1;
    let end = paras.length;
    for (let i = paras.length - 1; i >= start && isBoiler[i] !== false; i--) if (isBoiler[i] === true) end = i;
    return { header: paras.slice(0, start).join('\n'), body: paras.slice(start, end).join('\n'), footer: paras.slice(end).join('\n') };
  }
}

/** Copies share at least MIN_CONTAINMENT of the smaller set, and at least MIN_SHARED hashes. */
function contained(a: Set<number>, b: Set<number>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < MIN_SHARED) return false;
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared >= MIN_SHARED && shared / small.size >= MIN_CONTAINMENT;
}

/** Earliest date first (undated last), ties by source name (A-Z, none last), then import order. */
function storyOrder(a: StoryNode, b: StoryNode): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;
  if (a.source !== b.source)
    return a.source === null
      ? 1
      : b.source === null
        ? -1
        : a.source.localeCompare(b.source, 'en', { sensitivity: 'base' }) || (a.source < b.source ? -1 : 1);
  return a.id - b.id;
}
