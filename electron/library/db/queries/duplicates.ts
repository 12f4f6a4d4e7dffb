import type { Db } from '../connection.js';
import type { DuplicateGroup } from '../../../../shared/types.js';

const KEYS = [
  { by: 'article_id', column: 'article_id' },
  { by: 'url', column: 'url' },
  { by: 'content', column: 'content_hash' },
] as const;

/** Beyond this many groups the report lists the first ones only; the rest are counted. */
const MAX_GROUPS = 500;

/**
 * Likely duplicates that involve the given articles: other present articles with the
 * same article_id, url or body. Reported, never merged: two paths may be two articles.
 */
export function findDuplicates(db: Db, touchedIds: number[]): DuplicateGroup[] {
  if (touchedIds.length === 0) return [];
  const groups: DuplicateGroup[] = [];
  db.exec('CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY)');
  db.exec('DELETE FROM temp.touched');
  const add = db.prepare('INSERT OR IGNORE INTO temp.touched (id) VALUES (?)');
  db.transaction(() => {
    for (const id of touchedIds) add.run(id);
  })();
  for (const { by, column } of KEYS) {
    const rows = db
      .prepare(
        `SELECT a.${column} AS value, json_group_array(f.path || '/' || a.rel_path) AS paths
           FROM articles a JOIN folders f ON f.id = a.folder_id
          WHERE a.missing = 0 AND a.${column} IN (
                SELECT t.${column} FROM articles t JOIN temp.touched USING (id)
                 WHERE t.${column} IS NOT NULL AND t.${column} != '')
          GROUP BY a.${column} HAVING count(*) > 1
          LIMIT ${MAX_GROUPS}`,
      )
      .all() as { value: string; paths: string }[];
    for (const row of rows) groups.push({ by, value: row.value, paths: JSON.parse(row.paths) as string[] });
  }
  db.exec('DELETE FROM temp.touched');
  return groups;
}
