import type { Db } from '../connection.js';
import type { FolderInfo } from '../../../../shared/types.js';
import type { FolderSource } from './articleWrites.js';
import { separateCjk } from '../../../../shared/query/cjk.js';

/** Origins of a source that came from the folder, not the file: what a label change rewrites. */
const FOLDER_ORIGINS = "('site-config', 'folder', 'label')";

/** Returns the folder's id, registering it on first import. */
export function ensureFolder(db: Db, path: string, now: string): number {
  db.prepare('INSERT INTO folders (path, added_at) VALUES (?, ?) ON CONFLICT(path) DO NOTHING').run(path, now);
  return (db.prepare('SELECT id FROM folders WHERE path = ?').get(path) as { id: number }).id;
}

export function markFolderImported(db: Db, folderId: number, now: string): void {
  db.prepare('UPDATE folders SET last_import_at = ? WHERE id = ?').run(now, folderId);
}

/**
 * The source for the folder's articles that name none: the person's label when set, else the
 * derived one, which is stored (so the sidebar can show it) and given to the folder's articles
 * when it changed since the last import.
 */
export function resolveFolderSource(db: Db, folderId: number, derived: FolderSource | null): FolderSource | null {
  const row = db.prepare('SELECT source_label, source_label_custom FROM folders WHERE id = ?').get(folderId) as
    { source_label: string | null; source_label_custom: number } | undefined;
  if (row && row.source_label_custom === 1 && row.source_label !== null) return { label: row.source_label, origin: 'label' };
  db.prepare('UPDATE folders SET source_label = ?, source_label_custom = 0 WHERE id = ?').run(derived?.label ?? null, folderId);
  applyFolderSource(db, folderId, derived);
  return derived;
}

/**
 * Gives the folder's articles whose source came from the folder (not the file) this source,
 * in the article rows and in the full-text index's source column, in one transaction.
 */
export function applyFolderSource(db: Db, folderId: number, source: FolderSource | null): void {
  const label = source?.label ?? null;
  const origin = source?.origin ?? null;
  db.transaction(() => {
    const stale = `folder_id = ? AND source_origin IN ${FOLDER_ORIGINS} AND (source IS NOT ? OR source_origin IS NOT ?)`;
    // The index's copy separates CJK letters (shared/query/cjk.ts), as at import.
    const indexed = separateCjk(label ?? '');
    db.prepare(`UPDATE articles_fts SET source = ? WHERE rowid IN (SELECT fts_key FROM articles WHERE ${stale})`).run(
      indexed,
      folderId,
      label,
      origin,
    );
    db.prepare(`UPDATE fts_pending SET source = ? WHERE fts_key IN (SELECT fts_key FROM articles WHERE ${stale})`).run(
      indexed,
      folderId,
      label,
      origin,
    );
    db.prepare(`UPDATE articles SET source = ?, source_origin = ? WHERE ${stale}`).run(label, origin, folderId, label, origin);
  })();
}

/** Sets or clears (null) the person's label for a folder; false when there is no such folder. */
export function setFolderLabel(db: Db, folderId: number, label: string | null, derived: () => FolderSource | null): boolean {
  const exists = db.prepare('SELECT 1 FROM folders WHERE id = ?').get(folderId) !== undefined;
  if (!exists) return false;
  db.transaction(() => {
    if (label === null) {
      db.prepare('UPDATE folders SET source_label_custom = 0 WHERE id = ?').run(folderId);
      resolveFolderSource(db, folderId, derived());
    } else {
      db.prepare('UPDATE folders SET source_label = ?, source_label_custom = 1 WHERE id = ?').run(label, folderId);
      applyFolderSource(db, folderId, { label, origin: 'label' });
    }
  })();
  return true;
}

export function listFolders(db: Db, statusOf: (path: string) => FolderInfo['status'] = () => 'online'): FolderInfo[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.path, f.last_import_at, f.watched, f.source_label, f.source_label_custom,
              (SELECT count(*) FROM articles a WHERE a.folder_id = f.id AND a.missing = 0) AS article_count,
              (SELECT count(*) FROM articles a WHERE a.folder_id = f.id AND a.missing = 1) AS missing_count
         FROM folders f ORDER BY f.path`,
    )
    .all() as {
    id: number;
    path: string;
    last_import_at: string | null;
    watched: number;
    source_label: string | null;
    source_label_custom: number;
    article_count: number;
    missing_count: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    path: r.path,
    sourceLabel: r.source_label,
    sourceLabelCustom: r.source_label_custom === 1,
    articleCount: r.article_count,
    missingCount: r.missing_count,
    lastImportAt: r.last_import_at,
    watched: r.watched === 1,
    status: statusOf(r.path),
  }));
}

export function folderPath(db: Db, folderId: number): string | undefined {
  return db.prepare('SELECT path FROM folders WHERE id = ?').pluck().get(folderId) as string | undefined;
}

export function setFolderWatched(db: Db, folderId: number, watched: boolean): void {
  db.prepare('UPDATE folders SET watched = ? WHERE id = ?').run(watched ? 1 : 0, folderId);
}

/** The folders these articles come from (each once). */
export function folderIdsOf(db: Db, ids: readonly number[]): number[] {
  return db
    .prepare('SELECT DISTINCT folder_id FROM articles WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(ids)) as number[];
}
