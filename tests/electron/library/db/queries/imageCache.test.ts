import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/library/db/migrate.js';
import { ImageCache } from '../../../../../electron/library/db/queries/imageCache.js';
import { GIF, png } from '../../images/imageServer.js';

describe('image cache', () => {
  it('arrives with migration 50 as a STRICT table, keeping what version 40 held', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 40)).toBe(40);
    db.prepare("INSERT INTO remote_image_sources (source, allowed_at) VALUES ('IBN', 'now')").run();
    expect(migrate(db, 50)).toBe(50);
    expect(db.prepare('SELECT source FROM remote_image_sources').pluck().all()).toEqual(['IBN']);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'image_cache'").pluck().get()).toBe(1);
    db.close();
  });

  it('gives back exactly the bytes and type stored under the URL, and replaces on a second put', () => {
    const db = new Database(':memory:');
    migrate(db);
    const cache = new ImageCache(db);
    const url = 'https://cdn.example/a.png?x=1';
    expect(cache.get(url)).toBeUndefined();
    expect(cache.has(url)).toBe(false);
    const bytes = png(5, 4);
    cache.put(url, { mime: 'image/png', bytes }, '2025-01-01T00:00:00.000Z');
    expect(cache.has(url)).toBe(true);
    expect(cache.get(url)).toEqual({ mime: 'image/png', bytes });
    // The key is the URL as written: another query string is another image.
    expect(cache.get('https://cdn.example/a.png?x=2')).toBeUndefined();
    cache.put(url, { mime: 'image/gif', bytes: GIF });
    expect(cache.get(url)).toEqual({ mime: 'image/gif', bytes: GIF });
    expect(db.prepare('SELECT count(*) FROM image_cache').pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a type that is not a raster image, whatever calls it', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(() => db.prepare("INSERT INTO image_cache VALUES ('u', 'image/svg+xml', x'00', 'now')").run()).toThrow(/CHECK/);
    db.close();
  });
});
