import type Database from 'better-sqlite3';
import { separateCjk } from '../../../../shared/query/cjk.js';

/**
 * The full-text index, rebuilt once with two changes (the CJK-search and performance issues):
 *
 * - `prefix='2 3'`: FTS5 keeps ready-made lists for every 2- and 3-letter prefix, so the
 *   search box's word-being-typed (`gov*`) reads one list instead of merging the lists of
 *   every word that starts that way. It costs index size (see the README's figures).
 * - CJK letters are separated into units (shared/query/cjk.ts), so Chinese and Japanese
 *   words can be found. The old index holds its own copy of the text: it is read back,
 *   separated and written into the new table in key order, and so is the text still
 *   waiting in fts_pending.
 */
export function up(db: Database.Database): void {
  db.function('gleaner_separate_cjk', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? separateCjk(text) : text));
  db.exec(`
    ALTER TABLE articles_fts RENAME TO articles_fts_0050;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
      title, summary, body, source,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
    INSERT INTO articles_fts (rowid, title, summary, body, source)
      SELECT rowid, gleaner_separate_cjk(title), gleaner_separate_cjk(summary), gleaner_separate_cjk(body), gleaner_separate_cjk(source)
        FROM articles_fts_0050 ORDER BY rowid;
    DROP TABLE articles_fts_0050;
    UPDATE fts_pending SET title = gleaner_separate_cjk(title), summary = gleaner_separate_cjk(summary),
                           body = gleaner_separate_cjk(body), source = gleaner_separate_cjk(source);
    INSERT INTO articles_fts (articles_fts) VALUES ('optimize');
  `);
}
