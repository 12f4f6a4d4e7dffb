/**
 * The metadata as CSV, one row per article (no bodies): RFC 4180 quoting by csv-stringify,
 * CRLF rows, UTF-8 with a BOM so Excel and LibreOffice detect the encoding, ISO dates, tags
 * and authors joined with "; ". Cells that a spreadsheet would run as a formula get a leading `'`.
 */
import { stringify } from 'csv-stringify/sync';
import { FileSink } from '../sink.js';
import type { ExportArticle } from '../types.js';
import type { FormatModule } from '../formatModule.js';

/** Column names, in order (SCHEMA.md lists their meaning). */
export const CSV_COLUMNS = [
  'id',
  'title',
  'date',
  'source',
  'url',
  'source_link',
  'summary',
  'description',
  'tags',
  'user_tags',
  'starred',
  'read_at',
  'note',
  'collections',
  'folder',
  'path',
  'format',
  'body_format',
  'draft',
  'article_id',
  'feed_item_id',
  'enclosure',
  'missing',
  'imported_at',
  'updated_at',
  'extra',
  'authors',
  'lang',
  'story_id',
] as const;

/** Separator inside the tag and collection cells. */
export const LIST_SEPARATOR = '; ';

// OWASP's CSV injection list: =, +, -, @ start a formula; tab and CR can hide one.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Guards one text cell against formula injection. */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function row(a: ExportArticle): (string | number)[] {
  const text = (v: string | null) => (v === null ? '' : guardCell(v));
  const values: Record<(typeof CSV_COLUMNS)[number], string | number> = {
    id: a.id,
    title: text(a.title),
    date: text(a.date),
    source: text(a.source),
    url: text(a.url),
    source_link: text(a.sourceLink),
    summary: text(a.summary),
    description: text(a.description),
    tags: text(a.tags.map((t) => t.name).join(LIST_SEPARATOR)),
    user_tags: text(a.curation.tags.join(LIST_SEPARATOR)),
    starred: String(a.curation.starred),
    read_at: text(a.curation.readAt),
    note: text(a.curation.note),
    collections: text(a.curation.collections.join(LIST_SEPARATOR)),
    folder: text(a.folderName),
    path: text(a.relPath),
    format: a.format,
    body_format: a.bodyFormat,
    draft: String(a.draft),
    article_id: text(a.articleId),
    feed_item_id: text(a.feedItemId),
    enclosure: text(a.enclosure),
    missing: String(a.missing),
    imported_at: a.importedAt,
    updated_at: a.updatedAt,
    extra: text(JSON.stringify(a.extra)),
    authors: text(a.authors.join(LIST_SEPARATOR)),
    lang: text(a.lang),
    story_id: a.storyId,
  };
  return CSV_COLUMNS.map((c) => values[c]);
}

const OPTIONS = { record_delimiter: 'windows' } as const;

export const csv: FormatModule<'csv'> = {
  descriptor: {
    format: 'csv',
    label: 'CSV spreadsheet (metadata)',
    purpose: 'Metadata only, one row per article; opens in spreadsheets',
    writes: 'file',
    extension: '.csv',
    contentType: 'text/csv; charset=utf-8',
    titled: false,
    embedsImages: false,
    importable: false,
  },
  async write(context) {
    return FileSink.writeFile(context.dest, async (sink) => {
      await sink.write(`\ufeff${stringify([[...CSV_COLUMNS]], OPTIONS)}`);
      for (const chunk of context.chunks()) {
        await sink.write(stringify(chunk.map(row), OPTIONS));
        for (let i = 0; i < chunk.length; i++) context.done();
      }
    });
  },
};
