/**
 * Runtime validation for every API argument. Types are not validation: the transports
 * run these before a handler sees anything, because the service writes files.
 */
import { z } from 'zod';
import type { ArgsOf, Domain, MethodOf } from './api.js';
import { SORT_ORDERS } from './types.js';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const none = z.object({}).strict();
const folderPath = z.string().min(1, 'a folder path is required').max(4096).refine((p) => !p.includes('\0'), 'a path cannot contain NUL');

// `satisfies` makes a method missing from this table (or a schema drifting from its
// argument type) a compile error.
export const schemas = {
  articles: {
    search: z
      .object({
        query: z.string().max(2000),
        sort: z.enum(SORT_ORDERS).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        facets: z.boolean().optional(),
      })
      .strict(),
    get: z.object({ id }).strict(),
    preview: z.object({ id, allowRemoteImages: z.boolean().optional() }).strict(),
  },
  imports: {
    start: z
      .object({
        folders: z.array(folderPath).min(1).max(100),
        maxFileBytes: z.number().int().min(1024).max(1024 * 1024 * 1024).optional(),
      })
      .strict(),
    cancel: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    status: z.object({ jobId: z.string().min(1).max(100) }).strict(),
  },
  library: {
    stats: none,
    folders: none,
  },
} satisfies { [D in Domain]: { [M in MethodOf<D>]: z.ZodType<ArgsOf<D, M>> } };

export type Channel = `${Domain}:${string}`;

/** Every `domain:method` channel, derived from the schema table. */
export function channels(): { domain: Domain; method: string; channel: Channel }[] {
  return (Object.keys(schemas) as Domain[]).flatMap((domain) =>
    Object.keys(schemas[domain]).map((method) => ({ domain, method, channel: `${domain}:${method}` as Channel })),
  );
}

/** The schema for a channel, or undefined when the channel is not part of the contract. */
export function schemaFor(domain: string, method: string): z.ZodType | undefined {
  if (!Object.hasOwn(schemas, domain)) return undefined;
  const table = schemas[domain as Domain] as Record<string, z.ZodType>;
  return Object.hasOwn(table, method) ? table[method] : undefined;
}
