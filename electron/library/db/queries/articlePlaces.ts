import type { Db } from '../connection.js';

/** Where an article's file is: its imported folder (real path) and its path inside it. */
export interface StoredPlace {
  folderId: number;
  root: string;
  relPath: string;
}

export function articlePlace(db: Db, id: number): StoredPlace | null {
  const row = db.prepare('SELECT a.folder_id, f.path, a.rel_path FROM articles a JOIN folders f ON f.id = a.folder_id WHERE a.id = ?').get(id) as
    { folder_id: number; path: string; rel_path: string } | undefined;
  return row ? { folderId: row.folder_id, root: row.path, relPath: row.rel_path } : null;
}

/** The first of `relPaths` (in their order) that is an article of the folder still on disk, as its id. */
export function firstArticleAt(db: Db, folderId: number, relPaths: readonly string[]): number | undefined {
  if (relPaths.length === 0) return undefined;
  const rows = db
    .prepare('SELECT id, rel_path FROM articles WHERE folder_id = ? AND missing = 0 AND rel_path IN (SELECT value FROM json_each(?))')
    .all(folderId, JSON.stringify(relPaths)) as { id: number; rel_path: string }[];
  const byPath = new Map(rows.map((r) => [r.rel_path, r.id]));
  for (const path of relPaths) {
    const id = byPath.get(path);
    if (id !== undefined) return id;
  }
  return undefined;
}
