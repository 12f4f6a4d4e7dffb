import type { ApiError, Envelope, LibraryApi } from '../../shared/api.js';
import { schemaFor } from '../../shared/schemas.js';
import { FolderError } from './import/importer.js';
import { QueryError } from './query/search.js';
import { ReadAbandoned } from './query/readPool.js';
import { ServiceError } from './service.js';
import { ExportError } from './export/types.js';

/**
 * The one path from a transport to a handler: the arguments are validated against
 * the shared schema before any handler runs, and every outcome becomes an envelope.
 */
export async function dispatch(api: LibraryApi, domain: string, method: string, rawArgs: unknown): Promise<Envelope<unknown>> {
  const schema = schemaFor(domain, method);
  if (!schema) return failure({ code: 'bad-request', message: `Unknown call ${domain}:${method}` });
  const parsed = schema.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return failure({ code: 'bad-request', message: `Invalid arguments for ${domain}:${method}${where}: ${issue?.message ?? 'invalid'}` });
  }
  const handler = (api as unknown as Record<string, Record<string, (args: unknown) => Promise<unknown>>>)[domain]![method]!;
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return failure(toApiError(error));
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof QueryError) return { code: 'bad-query', message: error.message, span: { start: error.start, end: error.end } };
  if (error instanceof ServiceError) return { code: error.code, message: error.message };
  if (error instanceof ReadAbandoned) return { code: 'cancelled', message: error.message };
  if (error instanceof FolderError) return { code: 'folder', message: error.message };
  if (error instanceof ExportError) {
    const code = ({ exists: 'conflict', 'not-found': 'folder', 'bad-request': 'bad-request' } as const)[error.code as 'exists'] ?? 'internal';
    return { code, message: error.message };
  }
  // Unexpected: keep the message (it names the file or the reason) but no stack.
  return { code: 'internal', message: (error as Error)?.message ?? String(error) };
}

const failure = (error: ApiError): Envelope<never> => ({ ok: false, error });
