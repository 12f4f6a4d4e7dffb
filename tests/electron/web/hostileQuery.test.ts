import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolders } from '../../../electron/library/import/importer.js';
import { createLibraryService, type LibraryService } from '../../../electron/library/service.js';
import { startWebHost, type WebHost } from '../../../electron/web/server.js';
import { MAX_QUERY_PREFIXES, MAX_QUERY_WORDS } from '../../../shared/query/parse.js';
import { seedLike, writeTree } from '../../helpers/articles.js';
import { send } from '../../helpers/http.js';
import { tempDir } from '../../helpers/tmp.js';

/**
 * Issue 13, item 1: `a* a* …` (90 characters) held `gleaner serve` for 27 s and 2,000
 * characters of `a a …` for minutes, and every other request waited behind them.
 */
let host: WebHost;
let service: LibraryService;

/** Words that all start with "a", so every prefix of them matches many different words. */
const VOCABULARY = Array.from({ length: 400 }, (_, i) => `a${i.toString(36)}x${(i * 7919).toString(36)}`);

beforeAll(async () => {
  const folder = tempDir();
  const files: Record<string, string> = {};
  for (let n = 0; n < 1500; n++) {
    const words = Array.from({ length: 120 }, (_, i) => VOCABULARY[(n * 31 + i * i) % VOCABULARY.length]);
    files[`${n}.txt`] = seedLike({
      title: `Article ${n} ${words[0]}`,
      date: `2024-01-${String(1 + (n % 28)).padStart(2, '0')}T00:00:00Z`,
      body: `<p>a ${words.join(' ')}</p>`,
    });
  }
  writeTree(folder, files);
  service = createLibraryService({ dbPath: join(tempDir('gleaner-hostile-'), 'lib.db') });
  await importFolders(service.db, [folder]);
  host = await startWebHost({ service, staticDir: tempDir() });
}, 120_000);

afterAll(async () => {
  await host.close();
  service.close();
});

async function search(query: string): Promise<{ status: number; ms: number; body: { ok: boolean; error?: { message: string } } }> {
  const started = performance.now();
  const reply = await send(host, '/api/articles/search', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ query, sort: 'relevance', limit: 100 }),
  });
  return { status: reply.status, ms: performance.now() - started, body: JSON.parse(reply.body) };
}

/** Sends the hostile query and a quick one at the same moment; both must be done within a second. */
async function withBystander(query: string) {
  const [hostile, quick] = await Promise.all([search(query), search('article')]);
  expect(quick.status).toBe(200);
  expect(quick.ms).toBeLessThan(1000);
  return hostile;
}

describe('costly searches against gleaner serve', () => {
  it('refuses 90 characters of "a* a* …" at once with a clear message', async () => {
    const hostile = await withBystander('a* '.repeat(30));
    expect(hostile.status).toBe(400);
    expect(hostile.body.error?.message).toMatch(/too short: a prefix needs at least 2 letters/);
    expect(hostile.ms).toBeLessThan(1000);
  });

  it('refuses more prefixes than a search may have', async () => {
    const hostile = await withBystander('ab* '.repeat(30));
    expect(hostile.status).toBe(400);
    expect(hostile.body.error?.message).toBe(`Too many prefixes: at most ${MAX_QUERY_PREFIXES} words ending in * in one search`);
  });

  it('refuses 2,000 characters of "a a …" with the number of words allowed', async () => {
    const hostile = await withBystander('a '.repeat(1000));
    expect(hostile.status).toBe(400);
    expect(hostile.body.error?.message).toBe(`Too many words: at most ${MAX_QUERY_WORDS} words to match in one search`);
    expect(hostile.ms).toBeLessThan(1000);
  });

  it('answers the largest searches it accepts within a second', async () => {
    const prefixes = VOCABULARY.slice(0, MAX_QUERY_PREFIXES).map((w) => `${w.slice(0, 2)}*`);
    const words = VOCABULARY.slice(0, MAX_QUERY_WORDS);
    for (const query of [
      [...prefixes, ...words.slice(MAX_QUERY_PREFIXES)].join(' OR '),
      `"${words.join(' ')}"`,
      `${'('.repeat(30)}${words.join(' OR ')}${')'.repeat(30)}`,
    ]) {
      const answer = await withBystander(query);
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(1000);
    }
  });
});
