/**
 * One article as a JSON object: the shape shared by the JSON and NDJSON exports and
 * documented in ../SCHEMA.md (change both together, and bump the version for breaking changes).
 */
import type { Highlight } from '../../../../shared/highlights.js';
import type { ExportArticle, ExportFormat } from '../types.js';
import type { ExportContext } from '../formatModule.js';

/** Version of the JSON/NDJSON document shape described in SCHEMA.md. */
export const JSON_SCHEMA_VERSION = 1;

/** The header object: first in a JSON document, first line of an NDJSON file. */
export function jsonHeader(context: ExportContext, format: ExportFormat): { gleaner: Record<string, string | number> } {
  return { gleaner: { version: JSON_SCHEMA_VERSION, format, title: context.title, exportedAt: context.exportedAt, count: context.total } };
}

/** Every field of one article, in a stable key order. */
export function articleRecord(a: ExportArticle): Record<string, unknown> {
  return {
    id: a.id,
    folder: a.folderName,
    path: a.relPath,
    format: a.format,
    bodyFormat: a.bodyFormat,
    title: a.title,
    date: a.date,
    dateSource: a.dateSource,
    draft: a.draft,
    summary: a.summary,
    description: a.description,
    source: a.source,
    sourceOrigin: a.sourceOrigin,
    authors: a.authors,
    lang: a.lang,
    sourceLink: a.sourceLink,
    url: a.url,
    enclosure: a.enclosure,
    articleId: a.articleId,
    feedItemId: a.feedItemId,
    extra: a.extra,
    tags: a.tags,
    curation: a.curation,
    highlights: a.highlights.map(highlightRecord),
    frontMatter: a.frontMatter,
    body: a.body,
    warnings: a.warnings,
    missing: a.missing,
    importedAt: a.importedAt,
    updatedAt: a.updatedAt,
    storyId: a.storyId,
  };
}

/** One highlight as JSON/NDJSON write it (library ids left out: they mean nothing elsewhere). */
export function highlightRecord(h: Highlight): Record<string, unknown> {
  return {
    text: h.exact,
    prefix: h.prefix,
    suffix: h.suffix,
    start: h.start,
    end: h.end,
    color: h.color,
    note: h.note,
    detached: h.detached,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
  };
}
