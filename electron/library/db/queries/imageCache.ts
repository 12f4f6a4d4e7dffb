/**
 * The library's local image cache (table `image_cache`, migration 0050): raster images kept
 * by the URL an article names, so exports can embed them without touching the network.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection.js';
import type { ImageMime } from '../../images/sniff.js';

export interface CachedImage {
  mime: ImageMime;
  bytes: Buffer;
}

export class ImageCache {
  private readonly getStatement: Statement<[string], CachedImage>;
  private readonly hasStatement: Statement<[string]>;
  private readonly putStatement: Statement<[string, string, Buffer, string]>;

  constructor(db: Db) {
    this.getStatement = db.prepare('SELECT mime, bytes FROM image_cache WHERE url = ?');
    this.hasStatement = db.prepare('SELECT 1 FROM image_cache WHERE url = ?').pluck();
    this.putStatement = db.prepare(
      'INSERT INTO image_cache (url, mime, bytes, fetched_at) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET mime = excluded.mime, bytes = excluded.bytes, fetched_at = excluded.fetched_at',
    );
  }

  /** The image stored for this URL (exactly as the article names it), if any. */
  get(url: string): CachedImage | undefined {
    return this.getStatement.get(url);
  }

  has(url: string): boolean {
    return this.hasStatement.get(url) !== undefined;
  }

  /** Stores (or replaces) an image; the caller has already checked the bytes with sniffImage. */
  put(url: string, image: CachedImage, fetchedAt = new Date().toISOString()): void {
    this.putStatement.run(url, image.mime, image.bytes, fetchedAt);
  }
}
