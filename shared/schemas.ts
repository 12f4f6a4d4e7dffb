/**
 * Runtime validation for every API argument. Types are not validation: the transports
 * run these before a handler sees anything, because the service writes files.
 */
import { z } from 'zod';
import { SEARCH_LANES, type ArgsOf, type Domain, type MethodOf } from './api.js';
import { EXPORT_FORMATS, SORT_ORDERS } from './types.js';
import { HIGHLIGHT_COLORS, MAX_HIGHLIGHT_EXACT, MAX_HIGHLIGHT_NOTE } from './highlights.js';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const none = z.object({}).strict();
// Names are checked in full by the service (control characters, hierarchy); here only shape.
const name = z.string().max(1000);
/** A search as typed; the parser bounds its words, this only its length. */
const queryText = z.string().max(2000);
const target = z.union([z.object({ ids: z.array(id).max(1_000_000) }).strict(), z.object({ query: queryText }).strict()]);
const sort = z.enum(SORT_ORDERS);
const offset = z.number().int().min(0).max(10_000_000);
/** Rows per page, 1-500. */
const limit = z.number().int().min(1).max(500);
/** A page of things belonging to the articles a query matches (highlights, stories). */
const queryPage = z.object({ query: queryText.optional(), offset: offset.optional(), limit: limit.optional() }).strict();
const folderPath = z
  .string()
  .min(1, 'a folder path is required')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path cannot contain NUL');

// `satisfies` makes a method missing from this table (or a schema drifting from its
// argument type) a compile error.
export const schemas = {
  articles: {
    search: z
      .object({
        query: queryText,
        sort: sort.optional(),
        offset: offset.optional(),
        limit: limit.optional(),
        facets: z.boolean().optional(),
        onePerStory: z.boolean().optional(),
        lane: z.enum(SEARCH_LANES).optional(),
      })
      .strict(),
    count: z.object({ query: queryText, onePerStory: z.boolean().optional() }).strict(),
    facets: z.object({ query: queryText, onePerStory: z.boolean().optional() }).strict(),
    counts: z.object({ queries: z.array(queryText).max(100) }).strict(),
    get: z.object({ id }).strict(),
    preview: z.object({ id, allowRemoteImages: z.boolean().optional() }).strict(),
    setRemoteImagesForSource: z.object({ source: z.string().min(1).max(1000), allowed: z.boolean() }).strict(),
    setRead: z.object({ target, read: z.boolean() }).strict(),
    setStarred: z.object({ target, starred: z.boolean() }).strict(),
    markOpened: z.object({ id }).strict(),
    setNote: z.object({ id, note: z.string().max(100_000) }).strict(),
  },
  imports: {
    start: z
      .object({
        folders: z.array(folderPath).min(1).max(100),
        maxFileBytes: z
          .number()
          .int()
          .min(1024)
          .max(1024 * 1024 * 1024)
          .optional(),
      })
      .strict(),
    cancel: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    status: z.object({ jobId: z.string().min(1).max(100) }).strict(),
  },
  library: {
    stats: none,
    folders: none,
    counts: none,
    samplesFolder: none,
    setFolderWatched: z.object({ id, watched: z.boolean() }).strict(),
    setFolderSource: z.object({ id, label: z.string().max(1000).nullable() }).strict(),
  },
  tags: {
    list: none,
    add: z.object({ name, target }).strict(),
    remove: z.object({ name, target }).strict(),
    rename: z.object({ from: name, to: name }).strict(),
    merge: z.object({ from: name, into: name }).strict(),
    recolor: z.object({ name, color: z.string().max(20).nullable() }).strict(),
    delete: z.object({ name }).strict(),
  },
  collections: {
    list: none,
    articleIds: z.object({ id }).strict(),
    create: z.object({ name }).strict(),
    rename: z.object({ id, name }).strict(),
    delete: z.object({ id }).strict(),
    add: z.object({ id, target }).strict(),
    remove: z.object({ id, target }).strict(),
    move: z.object({ id, articleIds: z.array(id).max(1_000_000), beforeId: id.nullable() }).strict(),
  },
  saved: {
    list: none,
    create: z.object({ name, query: queryText, sort: sort.optional() }).strict(),
    update: z.object({ id, name: name.optional(), query: queryText.optional(), sort: sort.optional() }).strict(),
    delete: z.object({ id }).strict(),
  },
  exports: {
    formats: none,
    start: z
      .object({
        source: z.union([
          z.object({ ids: z.array(id).min(1).max(1_000_000) }).strict(),
          z.object({ query: queryText, sort: sort.optional() }).strict(),
          z.object({ tag: name }).strict(),
          z.object({ savedSearchId: id }).strict(),
          z.object({ collectionId: id }).strict(),
          z.object({ all: z.literal(true) }).strict(),
        ]),
        format: z.enum(EXPORT_FORMATS),
        out: folderPath,
        overwrite: z.boolean().optional(),
        embedLocalImages: z.boolean().optional(),
        fetchRemoteImages: z.boolean().optional(),
        title: z.string().max(500).optional(),
      })
      .strict(),
    cancel: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    status: z.object({ jobId: z.string().min(1).max(100) }).strict(),
  },
  highlights: {
    forArticle: z.object({ id }).strict(),
    list: queryPage,
    add: z
      .object({
        articleId: id,
        anchor: z
          .object({
            exact: z.string().min(1, 'a highlight quotes at least one character').max(MAX_HIGHLIGHT_EXACT),
            prefix: z.string().max(1000),
            suffix: z.string().max(1000),
            start: z.number().int().min(0).max(100_000_000),
            end: z.number().int().min(0).max(100_000_000),
          })
          .strict(),
        color: z.enum(HIGHLIGHT_COLORS).optional(),
        note: z.string().max(MAX_HIGHLIGHT_NOTE).optional(),
      })
      .strict(),
    update: z.object({ id, color: z.enum(HIGHLIGHT_COLORS).optional(), note: z.string().max(MAX_HIGHLIGHT_NOTE).optional() }).strict(),
    delete: z.object({ id }).strict(),
  },
  stories: {
    members: z.object({ id }).strict(),
    compare: z.object({ id, otherId: id }).strict(),
    list: queryPage,
    split: z.object({ id }).strict(),
    merge: z.object({ id, into: id }).strict(),
  },
  history: {
    undo: none,
    redo: none,
    state: none,
  },
} satisfies { [D in Domain]: { [M in MethodOf<D>]: z.ZodType<ArgsOf<D, M>> } };

/** The schema for a channel, or undefined when the channel is not part of the contract. */
export function schemaFor(domain: string, method: string): z.ZodType | undefined {
  if (!Object.hasOwn(schemas, domain)) return undefined;
  const table = schemas[domain as Domain] as Record<string, z.ZodType>;
  return Object.hasOwn(table, method) ? table[method] : undefined;
}
