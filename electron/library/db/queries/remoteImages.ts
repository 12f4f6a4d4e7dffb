/** The sources whose remote images the person allowed always (table `remote_image_sources`, migration 0040). */
import type { Db } from '../connection.js';

export function remoteImagesAllowed(db: Db, source: string): boolean {
  return db.prepare('SELECT 1 FROM remote_image_sources WHERE source = ?').get(source) !== undefined;
}

export function setRemoteImagesAllowed(db: Db, source: string, allowed: boolean, now: string): void {
  if (allowed) db.prepare('INSERT OR IGNORE INTO remote_image_sources (source, allowed_at) VALUES (?, ?)').run(source, now);
  else db.prepare('DELETE FROM remote_image_sources WHERE source = ?').run(source);
}
