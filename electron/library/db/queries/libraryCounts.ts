/** Counts over the whole library: the stats panel, the sidebar, and whether anyone else wrote. */
import type { Db } from '../connection.js';
import type { SidebarCounts } from '../../../../shared/types.js';

export interface LibraryCounts {
  articles: number;
  missing: number;
  sources: number;
  oldest: string | null;
  newest: string | null;
  folders: number;
  /** Authors and languages of articles that are present (an author whose articles are all gone is not counted). */
  authors: number;
  languages: number;
}

export function libraryCounts(db: Db): LibraryCounts {
  const row = db
    .prepare(
      `SELECT count(*) FILTER (WHERE missing = 0) AS articles, count(*) FILTER (WHERE missing = 1) AS missing,
              count(DISTINCT source) AS sources, min(date) AS oldest, max(date) AS newest FROM articles`,
    )
    .get() as Omit<LibraryCounts, 'folders' | 'authors' | 'languages'>;
  const folders = db.prepare('SELECT count(*) FROM folders').pluck().get() as number;
  const authors = db
    .prepare('SELECT count(DISTINCT aa.author_id) FROM article_authors aa JOIN articles a ON a.id = aa.article_id WHERE a.missing = 0')
    .pluck()
    .get() as number;
  const languages = db.prepare('SELECT count(DISTINCT lang) FROM articles WHERE missing = 0').pluck().get() as number;
  return { ...row, authors, languages, folders };
}

export function sidebarCounts(db: Db): SidebarCounts {
  return db
    .prepare(
      `SELECT count(*) FILTER (WHERE missing = 0) AS "all",
              count(*) FILTER (WHERE read_at IS NULL AND missing = 0) AS unread,
              count(*) FILTER (WHERE starred = 1) AS starred,
              count(*) FILTER (WHERE missing = 1) AS missing
         FROM articles`,
    )
    .get() as SidebarCounts;
}

/** Reads `PRAGMA data_version`, which moves when another connection commits (prepared once: it is polled). */
export function dataVersionReader(db: Db): () => unknown {
  const version = db.prepare('PRAGMA data_version').pluck();
  return () => version.get();
}
