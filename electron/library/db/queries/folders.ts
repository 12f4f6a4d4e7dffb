import type { Db } from '../connection.js';
import type { FolderInfo } from '../../../../shared/types.js';

/** Returns the folder's id, registering it on first import. */
export function ensureFolder(db: Db, path: string, now: string): number {
  db.prepare('INSERT INTO folders (path, added_at) VALUES (?, ?) ON CONFLICT(path) DO NOTHING').run(path, now);
  return (db.prepare('SELECT id FROM folders WHERE path = ?').get(path) as { id: number }).id;
}

export function markFolderImported(db: Db, folderId: number, now: string): void {
  db.prepare('UPDATE folders SET last_import_at = ? WHERE id = ?').run(now, folderId);
}

export function listFolders(db: Db, statusOf: (path: string) => FolderInfo['status'] = () => 'online'): FolderInfo[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.path, f.last_import_at, f.watched,
              (SELECT count(*) FROM articles a WHERE a.folder_id = f.id AND a.missing = 0) AS article_count,
              (SELECT count(*) FROM articles a WHERE a.folder_id = f.id AND a.missing = 1) AS missing_count
         FROM folders f ORDER BY f.path`,
    )
    .all() as { id: number; path: string; last_import_at: string | null; watched: number; article_count: number; missing_count: number }[];
  return rows.map((r) => ({
    id: r.id,
    path: r.path,
    articleCount: r.article_count,
    missingCount: r.missing_count,
    lastImportAt: r.last_import_at,
    watched: r.watched === 1,
    status: statusOf(r.path),
  }));
}
