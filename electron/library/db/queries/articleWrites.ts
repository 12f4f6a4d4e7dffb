import type { Db } from '../connection.js';
import type { SourceOrigin } from '../../article/fields.js';
import type { ImportedCuration, ParsedArticle } from '../../import/types.js';
import { separateCjk } from '../../../../shared/query/cjk.js';
import { FILE_COLUMNS, type FileColumns } from './articleRow.js';
import { insertHighlights } from './highlights.js';

/** What the importer needs to know about a file it has seen before. */
export interface KnownFile {
  id: number;
  size: number;
  mtimeMs: number;
  missing: boolean;
}

export function knownFiles(db: Db, folderId: number, only: Set<string> | null = null): Map<string, KnownFile> {
  const columns = 'SELECT id, rel_path, file_size, file_mtime_ms, missing FROM articles WHERE folder_id = ?';
  let rows: [number, string, number, number, number][];
  if (only) {
    // A watcher's few paths: looked up one by one rather than loading the whole folder.
    const one = db.prepare(`${columns} AND rel_path = ?`).raw();
    rows = [...only].flatMap((rel) => one.all(folderId, rel) as [number, string, number, number, number][]);
  } else rows = db.prepare(columns).raw().all(folderId) as [number, string, number, number, number][];
  return new Map(rows.map(([id, rel, size, mtimeMs, missing]) => [rel, { id, size, mtimeMs, missing: missing === 1 }]));
}

/** The source a folder gives its articles that name none: derived, or the person's label. */
export interface FolderSource {
  label: string;
  origin: Extract<SourceOrigin, 'site-config' | 'folder' | 'label'>;
}

export interface FileStamp {
  folderId: number;
  relPath: string;
  size: number;
  mtimeMs: number;
  /** Applied at write time: parsing is pure and runs in workers that know no folder. */
  folderSource: FolderSource | null;
}

/** The article's effective source and its origin: the file's own, else the folder's. */
export function effectiveSource(a: ParsedArticle, folderSource: FolderSource | null): [string | null, SourceOrigin | null] {
  if (a.fields.source !== null) return [a.fields.source, a.fields.sourceOrigin ?? 'file'];
  return folderSource === null ? [null, null] : [folderSource.label, folderSource.origin];
}

/** The article's columns as the file gives them, bound by name. */
function fileColumns(a: ParsedArticle, stamp: FileStamp, now: string): FileColumns {
  const f = a.fields;
  const [source, sourceOrigin] = effectiveSource(a, stamp.folderSource);
  return {
    file_size: stamp.size,
    file_mtime_ms: stamp.mtimeMs,
    // Empty bodies (section pages) would all "duplicate" each other; they get no hash.
    content_hash: a.body.trim() === '' ? '' : a.contentHash,
    format: a.format,
    body_format: a.bodyFormat,
    title: f.title,
    date: f.date,
    date_source: f.dateSource,
    draft: f.draft ? 1 : 0,
    summary: f.summary,
    description: f.description,
    source,
    source_origin: sourceOrigin,
    lang: f.lang,
    excerpt: a.excerpt,
    source_link: f.sourceLink,
    url: f.url,
    enclosure: f.enclosure,
    article_id: f.articleId,
    feed_item_id: f.feedItemId,
    extra: JSON.stringify(a.extra),
    warnings: JSON.stringify(a.warnings),
    updated_at: now,
  };
}

/**
 * Prepared statements for one import. Each public method writes every table an
 * article touches, so that inside the caller's transaction an article is whole or absent.
 */
export class ArticleWriter {
  private readonly insertArticle;
  private readonly updateArticle;
  private readonly upsertBody;
  private readonly insertFts;
  private readonly deleteFts;
  private readonly deletePending;
  private readonly setMissing;
  private readonly clearFileTags;
  private readonly addFileTag;
  private readonly findTag;
  private readonly createTag;
  private readonly tagIds = new Map<string, number>();
  private readonly clearAuthors;
  private readonly addAuthor;
  private readonly findAuthor;
  private readonly createAuthor;
  private readonly authorIds = new Map<string, number>();

  constructor(private readonly db: Db) {
    this.insertArticle = db.prepare(
      `INSERT INTO articles (folder_id, rel_path, imported_at, ${FILE_COLUMNS.join(', ')})
       VALUES (@folder_id, @rel_path, @imported_at, ${FILE_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
    this.updateArticle = db.prepare(`UPDATE articles SET ${FILE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, missing = 0 WHERE id = @id`);
    this.upsertBody = db.prepare(
      `INSERT INTO article_bodies (article_id, front_matter, body) VALUES (?, ?, ?)
       ON CONFLICT(article_id) DO UPDATE SET front_matter = excluded.front_matter, body = excluded.body`,
    );
    // Text is staged under the article's date-ordered key (computed by SQLite: it exceeds
    // 2^53) and enters the index in key order at the end of the import (indexPending).
    this.insertFts = db.prepare(
      'INSERT OR REPLACE INTO fts_pending (fts_key, title, summary, body, source) SELECT fts_key, ?, ?, ?, ? FROM articles WHERE id = ?',
    );
    this.deleteFts = db.prepare(`DELETE FROM articles_fts WHERE rowid = (SELECT fts_key FROM articles WHERE id = ?)`);
    this.deletePending = db.prepare('DELETE FROM fts_pending WHERE fts_key = (SELECT fts_key FROM articles WHERE id = ?)');
    this.setMissing = db.prepare('UPDATE articles SET missing = ? WHERE id = ?');
    this.clearFileTags = db.prepare("DELETE FROM article_tags WHERE article_id = ? AND origin = 'file'");
    // OR IGNORE: when the person already gave the article this tag, theirs stays theirs.
    this.addFileTag = db.prepare("INSERT OR IGNORE INTO article_tags (article_id, tag_id, origin) VALUES (?, ?, 'file')");
    this.findTag = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
    this.createTag = db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)');
    this.clearAuthors = db.prepare('DELETE FROM article_authors WHERE article_id = ?');
    this.addAuthor = db.prepare('INSERT OR IGNORE INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)');
    this.findAuthor = db.prepare('SELECT id FROM authors WHERE name = ?').pluck();
    this.createAuthor = db.prepare('INSERT INTO authors (name) VALUES (?)');
  }

  insert(article: ParsedArticle, stamp: FileStamp, now: string): number {
    const info = this.insertArticle.run({
      folder_id: stamp.folderId,
      rel_path: stamp.relPath,
      imported_at: now,
      ...fileColumns(article, stamp, now),
    });
    const id = Number(info.lastInsertRowid);
    this.writeBodyAndIndex(id, article, stamp);
    this.writeAuthors(id, article.fields.authors);
    this.writeFileTags(id, article.fileTags, now);
    if (article.curation) this.applyCuration(id, article.curation, now);
    return id;
  }

  update(id: number, article: ParsedArticle, stamp: FileStamp, now: string): void {
    this.deleteFts.run(id); // before the update: the key changes with the date
    this.deletePending.run(id);
    this.updateArticle.run({ ...fileColumns(article, stamp, now), id });
    this.writeBodyAndIndex(id, article, stamp);
    this.clearAuthors.run(id);
    this.writeAuthors(id, article.fields.authors);
    this.clearFileTags.run(id);
    this.writeFileTags(id, article.fileTags, now);
  }

  markMissing(id: number, missing: boolean): void {
    this.setMissing.run(missing ? 1 : 0, id);
  }

  private writeBodyAndIndex(id: number, a: ParsedArticle, stamp: FileStamp): void {
    this.upsertBody.run(id, a.frontMatterRaw, a.body);
    const summary = [a.fields.summary, a.fields.description].filter(Boolean).join('\n');
    // The index's copy has CJK letters separated into units (shared/query/cjk.ts).
    this.insertFts.run(
      separateCjk(a.fields.title),
      separateCjk(summary),
      separateCjk(a.text),
      separateCjk(effectiveSource(a, stamp.folderSource)[0] ?? ''),
      id,
    );
  }

  /** Authors share rows across articles (matched ignoring case, first spelling kept). */
  private writeAuthors(id: number, names: string[]): void {
    names.forEach((name, position) => {
      const key = name.toLowerCase();
      let authorId = this.authorIds.get(key) ?? (this.findAuthor.get(name) as number | undefined);
      authorId ??= Number(this.createAuthor.run(name).lastInsertRowid);
      this.authorIds.set(key, authorId);
      this.addAuthor.run(id, authorId, position);
    });
  }

  /**
   * Curation carried by a Gleaner export, for an article new to this library. The names
   * were checked by readGleanerKey; a tag the file also lists becomes the person's.
   */
  private applyCuration(id: number, curation: ImportedCuration, now: string): void {
    for (const name of curation.tags) {
      this.db
        .prepare(
          "INSERT INTO article_tags (article_id, tag_id, origin) VALUES (?, ?, 'user') ON CONFLICT (article_id, tag_id) DO UPDATE SET origin = 'user'",
        )
        .run(id, this.tagId(name, now));
    }
    this.db
      .prepare('UPDATE articles SET starred = ?, read_at = ?, note = ? WHERE id = ?')
      .run(curation.starred ? 1 : 0, curation.readAt, curation.note, id);
    for (const name of curation.collections) {
      this.db
        .prepare(
          'INSERT INTO collections (name, position, created_at) VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM collections), ?) ON CONFLICT (name) DO NOTHING',
        )
        .run(name, now);
      this.db
        .prepare(
          `INSERT OR IGNORE INTO collection_items (collection_id, article_id, position, added_at)
           SELECT c.id, ?, (SELECT coalesce(max(position), 0) + 1 FROM collection_items WHERE collection_id = c.id), ?
             FROM collections c WHERE c.name = ?`,
        )
        .run(id, now, name);
    }
    // As exported; the importer places them in this body next (highlights/reanchor.ts).
    if (curation.highlights.length > 0) insertHighlights(this.db, id, curation.highlights);
  }

  private writeFileTags(id: number, names: string[], now: string): void {
    for (const name of names) this.addFileTag.run(id, this.tagId(name, now));
  }

  private tagId(name: string, now: string): number {
    const key = name.toLowerCase();
    let id = this.tagIds.get(key) ?? (this.findTag.get(name) as number | undefined);
    if (id === undefined) id = Number(this.createTag.run(name, now).lastInsertRowid);
    this.tagIds.set(key, id);
    return id;
  }

  /**
   * Merges FTS index segments after a bulk change: queries get several times faster.
   *
   * Incrementally: a single 'optimize' holds the write lock for as long as it takes (tens of
   * seconds on a big library), and a write from another process (a person starring an
   * article in the app while the CLI imports) would wait past its busy timeout and fail with
   * "database is locked". A negative 'merge' does the same work (all segments into one) a
   * few hundred pages per transaction, letting other writers in between. The work is done
   * when a step leaves the index's structure record (row 10 of the `_data` shadow table,
   * which lists the segments and any merge in progress) as it was.
   */
  optimizeIndex(): void {
    const merge = this.db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?)");
    const structure = this.db.prepare('SELECT block FROM articles_fts_data WHERE id = 10').pluck();
    for (let before = structure.get() as Buffer | undefined; ;) {
      merge.run(-OPTIMIZE_PAGES_PER_STEP);
      const after = structure.get() as Buffer | undefined;
      if (after === undefined || (before !== undefined && after.equals(before))) return;
      before = after;
    }
  }
}

/** FTS pages merged per optimize transaction: a few tens of milliseconds of write lock. */
const OPTIMIZE_PAGES_PER_STEP = 500;

/**
 * Moves staged text into the full-text index in ascending key order, in one native
 * statement and one transaction, so an article is searchable as a whole or not yet.
 * Returns how many articles it indexed.
 */
export function indexPending(db: Db): number {
  return db.transaction(() => {
    const moved = db
      .prepare(
        'INSERT INTO articles_fts (rowid, title, summary, body, source) SELECT fts_key, title, summary, body, source FROM fts_pending ORDER BY fts_key',
      )
      .run().changes;
    db.prepare('DELETE FROM fts_pending').run();
    return moved;
  })();
}
