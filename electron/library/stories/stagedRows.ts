import { HashCounts } from './hashCounts.js';

/** An article's rows as grouping stages them. */
export interface StagedArticle {
  id: number;
  scope: number;
  sampled: readonly number[];
  bands: readonly number[];
}

/**
 * The scope under which a hash's count over all sources is kept. Source scopes are 32-bit
 * hashes of the source name, or 0 for none (shingles.ts sourceScope); a source whose name
 * hashed to this value would count its shingles twice in the overall figure, a 1 in 4
 * billion chance that only makes its boilerplate look a little commoner.
 */
const OVERALL = 0xffffffff;

/**
 * The band keys and shingle counts of articles an import has grouped but not yet moved into
 * `story_bands` / `story_shingles` (see StoryIndex.flush). In memory, because a SQLite
 * B-tree insert per hash cost about 2 µs, most of the price of grouping; lookups add these to
 * what the library's tables say.
 */
export class StagedRows {
  private readonly articles = new Map<number, StagedArticle>();
  private readonly holders = new Map<number, number[]>();
  /** Per (hash, scope), and per hash under OVERALL. */
  private readonly tally = new HashCounts();
  private staged = 0;

  /** Rows waiting: what decides when to flush. */
  get rows(): number {
    return this.staged;
  }

  add(article: StagedArticle): void {
    this.remove(article.id);
    this.articles.set(article.id, article);
    for (const band of article.bands) {
      const ids = this.holders.get(band);
      if (ids) ids.push(article.id);
      else this.holders.set(band, [article.id]);
    }
    for (const h of article.sampled) {
      this.tally.add(h, article.scope, 1);
      this.tally.add(h, OVERALL, 1);
    }
    this.staged += article.bands.length + article.sampled.length;
  }

  /** Takes an article's staged rows out; false when it had none. */
  remove(id: number): boolean {
    const article = this.articles.get(id);
    if (!article) return false;
    this.articles.delete(id);
    for (const band of article.bands) {
      const ids = this.holders.get(band)!.filter((other) => other !== id);
      if (ids.length > 0) this.holders.set(band, ids);
      else this.holders.delete(band);
    }
    for (const h of article.sampled) {
      this.tally.add(h, article.scope, -1);
      this.tally.add(h, OVERALL, -1);
    }
    this.staged -= article.bands.length + article.sampled.length;
    return true;
  }

  /** The staged holders of a band key, newest first, at most `limit`. */
  holdersOf(band: number, limit: number): number[] {
    const ids = this.holders.get(band);
    return ids ? ids.slice(-limit).reverse() : [];
  }

  /** How many staged articles hold a sampled shingle: of this scope, and overall. */
  counts(hash: number, scope: number): { inScope: number; overall: number } {
    return { inScope: this.tally.get(hash, scope), overall: this.tally.get(hash, OVERALL) };
  }

  /** Every staged article, and nothing staged afterwards. */
  drain(): StagedArticle[] {
    const all = [...this.articles.values()];
    this.articles.clear();
    this.holders.clear();
    this.tally.clear();
    this.staged = 0;
    return all;
  }
}
