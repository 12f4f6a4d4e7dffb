/**
 * Every read the pool runs, by name: the list's page (search), a count, facets, and a batch
 * of counts. The read workers and the service's own thread (no workers: one-shot CLI
 * commands, tests from source, a pool that could not start) both answer through here, so
 * a call means the same wherever it runs.
 */
import type { Db } from '../db/connection.js';
import type { Facets, SearchPage } from '../../../shared/types.js';
import { compileText, countMatches, facets, onePerStory, search, type SearchRequest } from './search.js';

/** A read by name with its arguments; counts and facets never compute a page or snippets. */
export type ReadCall =
  | { call: 'search'; args: SearchRequest }
  | { call: 'count'; args: { query: string; onePerStory?: boolean } }
  | { call: 'facets'; args: { query: string; onePerStory?: boolean } }
  | { call: 'counts'; args: { queries: string[] } };

/** What each call answers. */
export interface ReadResults {
  search: SearchPage;
  count: number;
  facets: Facets;
  counts: number[];
}

export function runRead(db: Db, read: ReadCall): ReadResults[ReadCall['call']] {
  switch (read.call) {
    case 'search':
      return search(db, read.args);
    case 'count':
      return countMatches(db, compileRead(read.args.query, read.args.onePerStory ?? false));
    case 'facets':
      return facets(db, compileRead(read.args.query, read.args.onePerStory ?? false));
    case 'counts':
      return read.args.queries.map((query) => countMatches(db, compileText(query)));
  }
}

/** The query as the list compiles it: with one row per story, only each story's first match counts. */
export function compileRead(query: string, perStory: boolean) {
  return perStory ? onePerStory(compileText(query)) : compileText(query);
}
