/**
 * Reads the articles to export from the library, a chunk of ids at a time, so memory holds
 * one chunk (bodies included) however many articles are exported. Each chunk is five
 * queries (articles with bodies, tags, authors, collections, highlights), never one per article.
 */
import { basename } from 'node:path';
import type { Db } from '../db/connection.js';
import type { Highlight } from '../../../shared/highlights.js';
import { existingIds } from '../db/queries/articleIds.js';
import { rowToArticle } from '../db/queries/articleRow.js';
import { exportReads, type ExportReads, type ExportRow } from '../db/queries/exportReads.js';
import { folderIdsOf } from '../db/queries/folders.js';
import { highlightsForArticles } from '../db/queries/highlights.js';
import type { ArticleHead, ExportArticle } from './types.js';

/** Ids per chunk: big enough to amortize the queries, small enough to keep memory flat. */
export const CHUNK_SIZE = 200;

/** Reads export chunks from one library. */
export class ArticleSource {
  private readonly reads: ExportReads;

  constructor(private readonly db: Db) {
    this.reads = exportReads(db);
  }

  /**
   * The requested ids that exist, in request order, without repeats; and what was dropped.
   * Checked in chunks too: a 100k-id request must not become one 100k-parameter query.
   */
  existing(ids: number[]): { ids: number[]; unknown: number[]; repeated: number } {
    const seen = new Set<number>();
    const unique = ids.filter((id) => (seen.has(id) ? false : (seen.add(id), true)));
    const found = new Set<number>();
    for (let i = 0; i < unique.length; i += CHUNK_SIZE * 10) {
      for (const id of existingIds(this.db, unique.slice(i, i + CHUNK_SIZE * 10))) found.add(id);
    }
    return { ids: unique.filter((id) => found.has(id)), unknown: unique.filter((id) => !found.has(id)), repeated: ids.length - unique.length };
  }

  /** How many imported folders these (existing) ids come from. */
  folderCount(ids: number[]): number {
    const folders = new Set<number>();
    for (let i = 0; i < ids.length; i += CHUNK_SIZE * 10) {
      for (const id of folderIdsOf(this.db, ids.slice(i, i + CHUNK_SIZE * 10))) folders.add(id);
    }
    return folders.size;
  }

  /** Full articles for these ids, in the ids' order (unknown ids are skipped). */
  chunk(ids: number[]): ExportArticle[] {
    const tagsById = this.reads.tags(ids);
    const collectionsById = this.reads.collections(ids);
    const authorsById = this.reads.authors(ids);
    const highlightsById = this.reads.hasHighlights ? highlightsForArticles(this.db, ids) : new Map<number, Highlight[]>();
    const byId = new Map(this.reads.rows(ids).map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row
        ? [toArticle(row, tagsById.get(id) ?? [], collectionsById.get(id) ?? [], authorsById.get(id) ?? [], highlightsById.get(id) ?? [])]
        : [];
    });
  }

  /** Titles, dates and sources for these ids, in the ids' order. */
  headChunk(ids: number[]): ArticleHead[] {
    const byId = new Map(this.reads.heads(ids).map((h): [number, ArticleHead] => [h.id, h]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}

function toArticle(row: ExportRow, tags: ExportArticle['tags'], collections: string[], authors: string[], highlights: Highlight[]): ExportArticle {
  const { folder, excerpt: _excerpt, readAt, starred, note, storyId, ...fields } = rowToArticle(row);
  return {
    ...fields,
    folderName: basename(folder),
    authors,
    tags,
    curation: {
      tags: tags.filter((t) => t.origin === 'user').map((t) => t.name),
      starred,
      readAt,
      note,
      collections,
    },
    highlights,
    frontMatter: row.front_matter,
    body: row.body ?? '',
    storyId: storyId ?? row.id,
  };
}
