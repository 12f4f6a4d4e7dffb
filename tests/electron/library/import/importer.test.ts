import { rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, type Db } from '../../../../electron/library/db/connection.js';
import { articleDetail } from '../../../../electron/library/db/queries/articleReads.js';
import { FolderError, importFolders } from '../../../../electron/library/import/importer.js';
import { search } from '../../../../electron/library/query/search.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

function library(): Db {
  return openLibrary(join(tempDir(), 'library.db'));
}

const titles = (db: Db, query = '') => search(db, { query, sort: 'title', limit: 500 }).items.map((i) => i.title);
const idOf = (db: Db, title: string) => search(db, { query: `title:"${title}"`, limit: 1 }).items[0]!.id;

describe('importFolders', () => {
  it('imports a folder and reports what it did, file by file', async () => {
    const root = tempDir();
    writeTree(root, {
      '2025/07/a.txt': seedLike({ title: 'Alpha', date: '2025-07-01T10:00:00Z', source: 'IBN' }),
      '2025/07/b.md': '---\ntitle: Beta\ndate: 2025-07-02\n---\n# Beta\n\nSome *markdown*.\n',
      'broken.md': '+++\ntitle = "never closed"\n\nbody',
      'photo.jpg': 'not an article',
    });
    const db = library();
    const report = await importFolders(db, [root]);
    expect(report).toMatchObject({ added: 2, updated: 0, unchanged: 0, failed: 1, skipped: 1, missing: 0, cancelled: false });
    const failed = report.files.find((f) => f.status === 'failed')!;
    expect(failed.path).toBe('broken.md');
    expect(failed.reason).toMatch(/never closed|unterminated|not closed/i);
    expect(report.files.find((f) => f.status === 'skipped')!.path).toBe('photo.jpg');
    expect(titles(db)).toEqual(['Alpha', 'Beta']);
  });

  it('re-imports an unchanged folder without reading the files again', async () => {
    const root = tempDir();
    writeTree(root, { 'a.txt': seedLike({ title: 'Alpha' }), 'b.txt': seedLike({ title: 'Beta' }) });
    const file = join(root, 'a.txt');
    // A whole-millisecond mtime, so setting it again later is exact (a Date drops sub-ms).
    const stamp = new Date('2024-05-01T12:00:00.000Z');
    utimesSync(file, stamp, stamp);
    const db = library();
    await importFolders(db, [root]);
    // Change the bytes but keep size and mtime: only a re-read would notice.
    writeFileSync(file, seedLike({ title: 'Alphx' }));
    utimesSync(file, stamp, stamp);
    expect(statSync(file).mtimeMs).toBe(stamp.getTime());
    const again = await importFolders(db, [root]);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2, failed: 0 });
    expect(again.files).toEqual([]);
    expect(titles(db)).toEqual(['Alpha', 'Beta']);
  });

  it('updates a changed file in place, keeping its id, tags of the person and read state', async () => {
    const root = tempDir();
    writeTree(root, { 'a.txt': seedLike({ title: 'First title', tags: ['from-file'] }) });
    const db = library();
    await importFolders(db, [root]);
    const id = idOf(db, 'First title');
    // The person's curation (the curation API will do this; here straight in SQL).
    db.prepare("INSERT INTO tags (name, created_at) VALUES ('mine', 'now')").run();
    db.prepare("INSERT INTO article_tags (article_id, tag_id, origin) SELECT ?, id, 'user' FROM tags WHERE name = 'mine'").run(id);
    db.prepare("UPDATE articles SET read_at = 'now', starred = 1 WHERE id = ?").run(id);

    writeTree(root, { 'a.txt': seedLike({ title: 'Second title', tags: ['new-file-tag'], body: '<p>Changed body words.</p>' }) });
    utimesSync(join(root, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    const report = await importFolders(db, [root]);
    expect(report).toMatchObject({ added: 0, updated: 1 });
    expect(idOf(db, 'Second title')).toBe(id);
    const tags = db
      .prepare('SELECT t.name, at.origin FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.name')
      .all(id);
    expect(tags).toEqual([
      { name: 'mine', origin: 'user' },
      { name: 'new-file-tag', origin: 'file' },
    ]);
    expect(db.prepare('SELECT read_at, starred FROM articles WHERE id = ?').get(id)).toEqual({ read_at: 'now', starred: 1 });
    expect(search(db, { query: 'changed' }).total).toBe(1);
    expect(search(db, { query: 'first' }).total).toBe(0);
  });

  it('marks vanished files missing (not deleted) and restores them when they return', async () => {
    const root = tempDir();
    const text = seedLike({ title: 'Comes and goes' });
    writeTree(root, { 'keep.txt': seedLike({ title: 'Stays' }), 'go.txt': text });
    const db = library();
    await importFolders(db, [root]);
    const id = idOf(db, 'Comes and goes');
    rmSync(join(root, 'go.txt'));
    const gone = await importFolders(db, [root]);
    expect(gone).toMatchObject({ missing: 1, unchanged: 1 });
    expect(gone.files).toEqual([{ folder: expect.any(String), path: 'go.txt', status: 'missing' }]);
    expect(articleDetail(db, id)!.missing).toBe(true);
    expect(search(db, { query: 'is:missing' }).total).toBe(1);

    writeTree(root, { 'go.txt': text });
    const back = await importFolders(db, [root]);
    expect(back.added + back.updated + back.restored).toBe(1);
    expect(articleDetail(db, id)!.missing).toBe(false);
  });

  it('reports likely duplicates across paths without merging them', async () => {
    const root = tempDir();
    writeTree(root, {
      'a/one.txt': seedLike({ title: 'One', articleId: 42, body: '<p>first</p>' }),
      'b/one-copy.txt': seedLike({ title: 'One again', articleId: 42, body: '<p>second</p>' }),
      'c.txt': seedLike({ title: 'Same body A', body: '<p>identical words here</p>' }),
      'd.txt': seedLike({ title: 'Same body B', body: '<p>identical words here</p>' }),
      'e.txt': seedLike({ title: 'Unrelated', articleId: 7 }),
    });
    const db = library();
    const report = await importFolders(db, [root]);
    expect(report.added).toBe(5);
    const byId = report.duplicates.find((d) => d.by === 'article_id')!;
    expect(byId.value).toBe('42');
    expect(byId.paths.map((p) => p.slice(root.length + 1)).sort()).toEqual(['a/one.txt', 'b/one-copy.txt']);
    const byContent = report.duplicates.find((d) => d.by === 'content')!;
    expect(byContent.paths.map((p) => p.slice(root.length + 1)).sort()).toEqual(['c.txt', 'd.txt']);
    expect(search(db, { query: '' }).total).toBe(5);
  });

  it('keeps every digit of ids above 2^53', async () => {
    const root = tempDir();
    writeTree(root, { 'big.txt': seedLike({ title: 'Big id', articleId: '9007199254740993123' }) });
    const db = library();
    await importFolders(db, [root]);
    expect(articleDetail(db, idOf(db, 'Big id'))!.articleId).toBe('9007199254740993123');
  });

  it('fails a file over the size limit with a reason, and imports the rest', async () => {
    const root = tempDir();
    writeTree(root, { 'small.txt': seedLike({ title: 'Small' }), 'huge.txt': seedLike({ title: 'Huge', body: 'x'.repeat(3000) }) });
    const db = library();
    const report = await importFolders(db, [root], { maxFileBytes: 2000 });
    expect(report).toMatchObject({ added: 1, failed: 1 });
    expect(report.files.find((f) => f.path === 'huge.txt')!.reason).toMatch(/over the .* limit/);
  });

  it('refuses a folder that does not exist before touching the library', async () => {
    const db = library();
    await expect(importFolders(db, [join(tempDir(), 'nope')])).rejects.toThrow(FolderError);
    expect(db.prepare('SELECT count(*) FROM folders').pluck().get()).toBe(0);
  });

  it('stops when cancelled and a second import completes the job', async () => {
    const root = threeHundredArticles();
    const db = library();
    const controller = new AbortController();
    const report = await importFolders(db, [root], {
      signal: controller.signal,
      batchSize: 10,
      writeBatch: 10,
      onProgress: (p) => p.filesDone >= 50 && controller.abort(),
    });
    expect(report.cancelled).toBe(true);
    const partial = search(db, { query: '' }).total;
    expect(partial).toBeGreaterThanOrEqual(50);
    expect(partial).toBeLessThan(300);
    const rest = await importFolders(db, [root]);
    expect(rest.added).toBe(300 - partial);
    expect(search(db, { query: '' }).total).toBe(300);
  });

  it('hears a Cancel that arrives as an event while parsing keeps ahead of writing (the worker gets it as a message)', async () => {
    const root = threeHundredArticles();
    const db = library();
    const controller = new AbortController();
    let asked = false;
    const report = await importFolders(db, [root], {
      signal: controller.signal,
      batchSize: 10,
      writeBatch: 10,
      // Not a synchronous abort: a timer, like the message the import worker receives.
      onProgress: (p) => {
        if (p.filesDone < 50 || asked) return;
        asked = true;
        setTimeout(() => controller.abort(), 0);
      },
    });
    expect(report.cancelled).toBe(true);
    expect(search(db, { query: '' }).total).toBeLessThan(300);
  });
});

function threeHundredArticles(): string {
  const root = tempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`f${String(i).padStart(3, '0')}.txt`] = seedLike({ title: `Article ${i}` });
  writeTree(root, files);
  return root;
}
