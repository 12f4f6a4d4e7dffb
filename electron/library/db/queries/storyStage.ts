import type { Db } from '../connection.js';
import type { StagedArticle } from '../../stories/stagedRows.js';

/**
 * The SQL side of staged story rows (migration 0100, stories/stagedRows.ts): lookups in the
 * library's `story_bands` / `story_shingles`, the `story_pending` list, and the flush that
 * moves an import's staged rows in, sorted by key. Lists go in as JSON arrays
 * (`json_each`), so an article costs a few statement calls rather than one per hash.
 */
export class StoryStage {
  private readonly markPending;
  private readonly unmark;
  private readonly dropBands;
  private readonly dropShingles;
  private readonly holders;
  private readonly counts;
  private readonly insertBand;
  private readonly insertShingle;
  private readonly insertBands;
  private readonly insertShingles;
  private readonly livePending;
  private readonly unmarkAll;
  private readonly countBands;
  private readonly everyBand;
  private readonly dropOrphanPending;
  private readonly pendingSketches;

  constructor(private readonly db: Db) {
    this.markPending = db.prepare('INSERT OR IGNORE INTO story_pending (article_id) VALUES (?)');
    this.unmark = db.prepare('DELETE FROM story_pending WHERE article_id = ?');
    this.insertBand = db.prepare('INSERT OR IGNORE INTO story_bands (band, article_id) VALUES (?, ?)');
    this.insertShingle = db.prepare('INSERT OR IGNORE INTO story_shingles (hash, scope, article_id) VALUES (?, ?, ?)');
    this.insertBands = db.prepare(`INSERT OR IGNORE INTO story_bands (band, article_id) VALUES ${Array(ROWS_PER_INSERT).fill('(?, ?)').join(', ')}`);
    this.insertShingles = db.prepare(
      `INSERT OR IGNORE INTO story_shingles (hash, scope, article_id) VALUES ${Array(ROWS_PER_INSERT).fill('(?, ?, ?)').join(', ')}`,
    );
    this.livePending = db.prepare('SELECT article_id FROM story_pending WHERE article_id IN (SELECT value FROM json_each(?))').pluck();
    this.unmarkAll = db.prepare('DELETE FROM story_pending WHERE article_id IN (SELECT value FROM json_each(?))');
    this.countBands = db.prepare('SELECT count(*) FROM story_bands').pluck();
    this.everyBand = db.prepare('SELECT band FROM story_bands').pluck();
    this.dropOrphanPending = db.prepare('DELETE FROM story_pending WHERE article_id NOT IN (SELECT article_id FROM story_sketches)');
    this.pendingSketches = db.prepare(
      'SELECT s.article_id AS id, s.scope, s.shingles, s.bands FROM story_pending p JOIN story_sketches s ON s.article_id = p.article_id',
    );
    this.dropBands = db.prepare('DELETE FROM story_bands WHERE (band, article_id) IN (SELECT value, @id FROM json_each(@list))');
    this.dropShingles = db.prepare('DELETE FROM story_shingles WHERE (hash, scope, article_id) IN (SELECT value, @scope, @id FROM json_each(@list))');
    // Per band key that has holders, its newest ones, bounded: a key that thousands of
    // templated articles share costs no more than a rare one. As "id,id,…".
    this.holders = db
      .prepare(
        `SELECT held FROM (
           SELECT (SELECT group_concat(article_id) FROM (
                     SELECT article_id FROM story_bands WHERE band = j.value AND article_id != @id ORDER BY article_id DESC LIMIT @limit)) AS held
             FROM json_each(@list) j)
          WHERE held IS NOT NULL`,
      )
      .pluck();
    // Per hash the library holds, how many articles hold it in the scope and overall. The
    // counts stop at the thresholds: a footer on 10,000 articles costs no more than one on 3.
    this.counts = db.prepare(
      `SELECT hash, in_scope AS inScope, overall FROM (
         SELECT j.value AS hash,
                (SELECT count(*) FROM (SELECT 1 FROM story_shingles WHERE hash = j.value AND scope = @scope LIMIT @inScopeCap)) AS in_scope,
                (SELECT count(*) FROM (SELECT 1 FROM story_shingles WHERE hash = j.value LIMIT @overallCap)) AS overall
           FROM json_each(@list) j)
        WHERE overall > 0`,
    );
  }

  /** Notes that an article's rows are staged, so a killed import's are put in later (recover). */
  pending(id: number): void {
    this.markPending.run(id);
  }

  /** Takes an article's rows out of the library's tables (its staged ones are StagedRows'). */
  removeFromLibrary(article: StagedArticle): void {
    this.dropBands.run({ list: JSON.stringify(article.bands), id: article.id });
    this.dropShingles.run({ list: JSON.stringify(article.sampled), scope: article.scope, id: article.id });
    this.unmark.run(article.id);
  }

  /** The library's holders per band key that has any (newest first, at most `limit`). */
  holdersOf(id: number, bands: readonly number[], limit: number): number[][] {
    return (this.holders.all({ list: JSON.stringify(bands), id, limit }) as string[]).map((held) => held.split(',').map(Number));
  }

  /** The library's counts for those of `hashes` it holds. */
  countsOf(hashes: readonly number[], scope: number, inScopeCap: number, overallCap: number): Map<number, { inScope: number; overall: number }> {
    if (hashes.length === 0) return new Map();
    const rows = this.counts.all({ list: JSON.stringify(hashes), scope, inScopeCap, overallCap }) as {
      hash: number;
      inScope: number;
      overall: number;
    }[];
    return new Map(rows.map((r) => [r.hash, r]));
  }

  /**
   * Moves staged articles' rows into the library's tables in one transaction, sorted by key
   * so each page of those B-trees is visited once (sorting here and inserting row by row
   * measured 4x faster than handing SQLite the rows as JSON to sort). Only articles still
   * pending go in (one deleted or re-imported meanwhile was taken off the list).
   */
  flush(articles: readonly StagedArticle[]): void {
    if (articles.length === 0) return;
    this.db.transaction(() => {
      const ids = JSON.stringify(articles.map((a) => a.id));
      const live = new Set(this.livePending.all(ids) as number[]);
      const kept = articles.filter((a) => live.has(a.id));
      // Rows in parallel typed arrays, sorted through an index: a tuple array per row was
      // about 600,000 short-lived objects per flush for the collector.
      const bands = rowsOf(kept, (a) => a.bands);
      const bandOrder = sortedIndex(bands.length, (x, y) => bands.key[x]! - bands.key[y]! || bands.id[x]! - bands.id[y]!);
      inChunks(bandOrder, 2, this.insertBands, this.insertBand, (i, out, at) => {
        out[at] = bands.key[i];
        out[at + 1] = bands.id[i];
      });
      const shingles = rowsOf(kept, (a) => a.sampled);
      const shingleOrder = sortedIndex(
        shingles.length,
        (x, y) => shingles.key[x]! - shingles.key[y]! || shingles.scope[x]! - shingles.scope[y]! || shingles.id[x]! - shingles.id[y]!,
      );
      inChunks(shingleOrder, 3, this.insertShingles, this.insertShingle, (i, out, at) => {
        out[at] = shingles.key[i];
        out[at + 1] = shingles.scope[i];
        out[at + 2] = shingles.id[i];
      });
      this.unmarkAll.run(ids);
    })();
  }

  /** How many band rows the library holds. */
  bandRows(): number {
    return this.countBands.get() as number;
  }

  /** Every band key in the library (with repeats), read as it goes. */
  allBands(): IterableIterator<number> {
    return this.everyBand.iterate() as IterableIterator<number>;
  }

  /** Articles an import staged but never flushed (it was killed), from their saved sketches. */
  leftPending(): { id: number; scope: number; shingles: Buffer; bands: Buffer }[] {
    this.dropOrphanPending.run();
    return this.pendingSketches.all() as { id: number; scope: number; shingles: Buffer; bands: Buffer }[];
  }
}

/**
 * Rows per INSERT statement in a flush: one statement call per row spent about a third of
 * the flush in binding and stepping overhead (measured: 6.6 M sorted rows into a WITHOUT
 * ROWID table, 11.6 s one row per call, 8.0 s fifty per call).
 */
const ROWS_PER_INSERT = 50;

/** Runs `many` (ROWS_PER_INSERT rows of `width` values) over the rows in `order`, and `one` for the rest. */
function inChunks(
  order: Uint32Array,
  width: number,
  many: { run: (...values: unknown[]) => unknown },
  one: { run: (...values: unknown[]) => unknown },
  fill: (row: number, out: unknown[], at: number) => void,
): void {
  const values: unknown[] = new Array(ROWS_PER_INSERT * width);
  const full = order.length - (order.length % ROWS_PER_INSERT);
  for (let start = 0; start < full; start += ROWS_PER_INSERT) {
    for (let k = 0; k < ROWS_PER_INSERT; k++) fill(order[start + k]!, values, k * width);
    many.run(values);
  }
  const single: unknown[] = new Array(width);
  for (let k = full; k < order.length; k++) {
    fill(order[k]!, single, 0);
    one.run(single);
  }
}

/** One column of keys (band keys or shingle hashes) with each row's article and scope. */
interface Rows {
  length: number;
  key: Float64Array;
  scope: Float64Array;
  id: Float64Array;
}

function rowsOf(articles: readonly StagedArticle[], keys: (a: StagedArticle) => readonly number[]): Rows {
  const length = articles.reduce((n, a) => n + keys(a).length, 0);
  const rows: Rows = { length, key: new Float64Array(length), scope: new Float64Array(length), id: new Float64Array(length) };
  let at = 0;
  for (const a of articles) {
    for (const k of keys(a)) {
      rows.key[at] = k;
      rows.scope[at] = a.scope;
      rows.id[at++] = a.id;
    }
  }
  return rows;
}

function sortedIndex(length: number, compare: (x: number, y: number) => number): Uint32Array {
  const index = new Uint32Array(length);
  for (let i = 0; i < length; i++) index[i] = i;
  return index.sort(compare);
}
