import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Db } from '../../../../electron/library/db/connection.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { RELEVANCE_CANDIDATES, search } from '../../../../electron/library/query/search.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

const COUNT = RELEVANCE_CANDIDATES + 150;
let db: Db;

beforeAll(async () => {
  const folder = tempDir();
  const files: Record<string, string> = {};
  for (let n = 0; n < COUNT; n++) {
    const day = new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toISOString().slice(0, 19) + 'Z';
    // Every article mentions the harbour; every 100th has it in the title, which ranks first.
    const title = n % 100 === 0 ? `Harbour report ${n}` : `Report ${n}`;
    files[`${n}.txt`] = seedLike({ title, date: day, body: `<p>Notes ${n} from the harbour.</p>` });
  }
  writeTree(folder, files);
  db = openLibrary(join(tempDir(), 'lib.db'));
  await importFolders(db, [folder]);
}, 120_000);

describe('relevance over many matches', () => {
  it('ranks the newest matches by relevance, then lists every other match once, newest first', () => {
    const seen: number[] = [];
    const pages: string[][] = [];
    for (let offset = 0; offset < COUNT; offset += 500) {
      const page = search(db, { query: 'harbour', sort: 'relevance', offset, limit: 500 });
      expect(page.total).toBe(COUNT);
      seen.push(...page.items.map((i) => i.id));
      pages.push(page.items.map((i) => i.title));
    }
    expect(seen).toHaveLength(COUNT);
    expect(new Set(seen).size).toBe(COUNT);
    const titles = pages.flat();
    // Title matches among the newest candidates come first.
    const inTitle = titles.slice(0, RELEVANCE_CANDIDATES).filter((t) => t.startsWith('Harbour'));
    expect(inTitle.length).toBeGreaterThan(10);
    expect(titles.slice(0, inTitle.length).every((t) => t.startsWith('Harbour'))).toBe(true);
    // Past the candidates: newest first (titles number the articles by age).
    const tail = titles.slice(RELEVANCE_CANDIDATES).map((t) => Number(t.split(' ').at(-1)));
    expect(tail).toEqual([...tail].sort((a, b) => b - a));
    expect(Math.max(...tail)).toBeLessThan(COUNT - RELEVANCE_CANDIDATES);
  });

  it('gives every row of a page its snippet from one pass', () => {
    const page = search(db, { query: 'harb*', sort: 'relevance', limit: 100 });
    expect(page.items).toHaveLength(100);
    expect(page.items.every((i) => i.snippet?.includes('\u0002harbour\u0003'))).toBe(true);
  });
});
