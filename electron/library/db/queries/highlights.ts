import type { Db } from '../connection.js';
import type { Highlight, HighlightColor, HighlightListItem, TextAnchor } from '../../../../shared/highlights.js';

const COLUMNS = 'h.id, h.article_id, h.color, h.note, h.exact, h.prefix, h.suffix, h.start, h.end, h.detached, h.created_at, h.updated_at';

interface HighlightRow {
  id: number;
  article_id: number;
  color: HighlightColor;
  note: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  detached: number;
  created_at: string;
  updated_at: string;
}

function toHighlight(row: HighlightRow): Highlight {
  return {
    id: row.id,
    articleId: row.article_id,
    color: row.color,
    note: row.note,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    detached: row.detached === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Reading order: anchored ones by position, detached ones last (in the order they were made). */
const READING_ORDER = 'h.detached, CASE WHEN h.detached = 1 THEN h.id ELSE h.start END, h.id';

/** One article's highlights in reading order, detached ones last. */
export function highlightsForArticle(db: Db, articleId: number): Highlight[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM highlights h WHERE h.article_id = ? ORDER BY ${READING_ORDER}`).all(articleId) as HighlightRow[];
  return rows.map(toHighlight);
}

/** The highlights of many articles (exports), each article's in reading order; articles without any are absent. */
export function highlightsForArticles(db: Db, ids: number[]): Map<number, Highlight[]> {
  const byArticle = new Map<number, Highlight[]>();
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM highlights h WHERE h.article_id IN (SELECT value FROM json_each(?)) ORDER BY h.article_id, ${READING_ORDER}`)
    .all(JSON.stringify(ids)) as HighlightRow[];
  for (const row of rows) {
    const list = byArticle.get(row.article_id);
    if (list) list.push(toHighlight(row));
    else byArticle.set(row.article_id, [toHighlight(row)]);
  }
  return byArticle;
}

export function highlightById(db: Db, id: number): Highlight | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM highlights h WHERE h.id = ?`).get(id) as HighlightRow | undefined;
  return row ? toHighlight(row) : null;
}

/** What a new highlight carries; the folder round trip passes its stored dates and detached flag. */
export type NewHighlight = TextAnchor & {
  color: HighlightColor;
  note?: string;
  detached?: boolean;
  createdAt?: string;
  updatedAt?: string;
};

/** Inserts highlights for one article (add, undo of delete, the folder round trip); returns the new ids in order. */
export function insertHighlights(db: Db, articleId: number, highlights: readonly NewHighlight[], id?: number): number[] {
  const insert = db.prepare(
    `INSERT INTO highlights (id, article_id, color, note, exact, prefix, suffix, start, end, detached, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  return highlights.map((h, i) => {
    const created = h.createdAt ?? now;
    const result = insert.run(
      i === 0 && id !== undefined ? id : null,
      articleId,
      h.color,
      h.note ?? '',
      h.exact,
      h.prefix,
      h.suffix,
      h.start,
      h.end,
      h.detached ? 1 : 0,
      created,
      h.updatedAt ?? created,
    );
    return Number(result.lastInsertRowid);
  });
}

/** Puts a deleted highlight back with its own id, so undo and redo keep naming the same row. */
export function restoreHighlight(db: Db, h: Highlight): void {
  insertHighlights(db, h.articleId, [h], h.id);
}

export function deleteHighlight(db: Db, id: number): void {
  db.prepare('DELETE FROM highlights WHERE id = ?').run(id);
}

export function setHighlightStyle(db: Db, id: number, color: HighlightColor, note: string, updatedAt: string): void {
  db.prepare('UPDATE highlights SET color = ?, note = ?, updated_at = ? WHERE id = ?').run(color, note, updatedAt, id);
}

/** Where re-anchoring put a highlight: new offsets and context, or detached (offsets and context kept). */
export function setHighlightAnchor(db: Db, id: number, anchor: Omit<TextAnchor, 'exact'> | null): void {
  if (anchor) {
    db.prepare('UPDATE highlights SET start = ?, end = ?, prefix = ?, suffix = ?, detached = 0 WHERE id = ?').run(
      anchor.start,
      anchor.end,
      anchor.prefix,
      anchor.suffix,
      id,
    );
  } else {
    db.prepare('UPDATE highlights SET detached = 1 WHERE id = ?').run(id);
  }
}

/** The ids among `ids` that have highlights (re-anchoring only looks at those). */
export function articlesWithHighlights(db: Db, ids: readonly number[]): number[] {
  return db
    .prepare('SELECT DISTINCT article_id FROM highlights WHERE article_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(ids)) as number[];
}

interface ListRow extends HighlightRow {
  title: string;
  source: string | null;
  date: string | null;
}

/**
 * Highlights across the library, newest first, of the articles `articleIds` (all when null).
 * The ids come as a list, not a subquery: with the query's SQL inside, SQLite walked the
 * articles first and sorted every highlight (50 ms at 10,000); with a list it walks the
 * highlights newest first and stops at the page (3 ms).
 */
export function listHighlights(db: Db, articleIds: number[] | null, offset: number, limit: number): { items: HighlightListItem[]; total: number } {
  const where = articleIds ? 'WHERE h.article_id IN (SELECT value FROM json_each(?))' : '';
  const params = articleIds ? [JSON.stringify(articleIds)] : [];
  const total = db
    .prepare(`SELECT count(*) FROM highlights h ${where}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, a.title, a.source, a.date FROM highlights h INDEXED BY highlights_by_created JOIN articles a ON a.id = h.article_id
       ${where} ORDER BY h.created_at DESC, h.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as ListRow[];
  return {
    items: rows.map((row) => ({ ...toHighlight(row), articleTitle: row.title, articleSource: row.source, articleDate: row.date })),
    total,
  };
}

export function hasHighlights(db: Db, articleId: number): boolean {
  return db.prepare('SELECT 1 FROM highlights WHERE article_id = ? LIMIT 1').get(articleId) !== undefined;
}
