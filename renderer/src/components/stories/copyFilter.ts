/** `-is:copy` as a whole term: the query's own way of showing one article per story. */
const COPY_FILTER = /(^|\s)-is:copy(?=\s|$)/i;

/** Whether the query leaves copies out (`-is:copy`), which the "One per story" toggle reflects. */
export const excludesCopies = (query: string): boolean => COPY_FILTER.test(query);

/** The query without its `-is:copy` terms, for turning "One per story" off. */
export const dropCopyFilter = (query: string): string =>
  query
    .replace(new RegExp(COPY_FILTER.source, 'gi'), '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
