import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

const CLI = join(__dirname, '../../../../bin/gleaner.cjs');
const BUILT = join(__dirname, '../../../../out/cli.cjs');

function runImport(folder: string, db: string, killWhen?: number | (() => boolean)): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'import', folder, '--db', db, '--json'], { stdio: 'ignore' });
    let timer: NodeJS.Timeout | null = null;
    if (typeof killWhen === 'number') timer = setTimeout(() => child.kill('SIGKILL'), killWhen);
    else if (killWhen) timer = setInterval(() => killWhen() && child.kill('SIGKILL'), 5);
    child.on('exit', (code) => {
      if (timer) clearInterval(timer);
      resolve(code);
    });
  });
}

function committedArticles(dbFile: string): number {
  if (!existsSync(dbFile)) return 0;
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  } catch {
    return 0; // schema not there yet
  } finally {
    db.close();
  }
}

/** What a killed import may leave: a database that opens, is intact, and has no half article. */
function assertWhole(dbFile: string): number {
  const db = new Database(dbFile);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'articles'").all();
    if (tables.length === 0) return 0; // killed before the schema was created
    const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    const bodies = db.prepare('SELECT count(*) FROM article_bodies').pluck().get() as number;
    // Text is either in the index or staged for it (the next import moves it): never lost.
    const indexed = db.prepare('SELECT (SELECT count(*) FROM articles_fts) + (SELECT count(*) FROM fts_pending)').pluck().get() as number;
    expect({ bodies, indexed }).toEqual({ bodies: articles, indexed: articles });
    expect(db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run()).toBeTruthy();
    return articles;
  } finally {
    db.close();
  }
}

describe('an import killed at any moment', () => {
  it('leaves an intact library with whole articles, and a second import completes it', async () => {
    expect(existsSync(BUILT), 'run `npm run build` first: this test drives the built CLI').toBe(true);
    const root = tempDir();
    const files: Record<string, string> = {};
    const count = 6000;
    for (let i = 0; i < count; i++) {
      files[`${2000 + (i % 20)}/${i}.txt`] = seedLike({ title: `Article ${i}`, body: `<p>${'words and more words '.repeat(40)} ${i}</p>` });
    }
    writeTree(root, files);
    const db = join(tempDir(), 'library.db');
    // One kill right after the first batch has committed, so a partial library is certain.
    await runImport(root, db, () => committedArticles(db) > 0);
    const partial = assertWhole(db);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(count);
    // Kills at fixed delays land anywhere: mid-transaction, between batches, while optimizing.
    for (const delay of [60, 300, 700]) {
      await runImport(root, db, delay);
      assertWhole(db);
    }
    expect(await runImport(root, db)).toBe(0);
    expect(assertWhole(db)).toBe(count);
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM fts_pending').pluck().get()).toBe(0);
    expect(check.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'words'").pluck().get()).toBe(count);
    check.close();
  }, 120_000);
});
