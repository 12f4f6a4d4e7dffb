/** A query the person typed that cannot run; the message says why and where. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/**
 * The SQL here is fixed and every value is bound, so a plain SQLITE_ERROR can only come
 * from FTS5 rejecting the search text; say so plainly. Other codes (busy, I/O) pass on.
 */
export function runSql<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_ERROR') {
      throw new QueryError(`The search text could not be used: ${(error as Error).message}`, 0, 0);
    }
    throw error;
  }
}
