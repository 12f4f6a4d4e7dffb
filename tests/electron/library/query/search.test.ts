import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Db } from '../../../../electron/library/db/connection.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { QueryError, search } from '../../../../electron/library/query/search.js';
import { MARK_END, MARK_START } from '../../../../shared/types.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

let db: Db;

beforeAll(async () => {
  const root = tempDir('gleaner-search-');
  writeTree(root, {
    'a.txt': seedLike({
      title: 'UK government and OpenAI partner on public sector services',
      date: '2025-07-29T14:15:29Z',
      source: 'InvestorBrandNetwork (IBN)',
      tags: ['ai', 'policy/uk'],
      body: '<p>The public sector will use AI. The NHS is not part of it.</p>',
    }),
    'b.txt': seedLike({
      title: 'NHS trials new scheduling software',
      date: '2025-07-10T09:00:00Z',
      source: 'Health Wire',
      tags: ['health', 'policy'],
      body: '<p>Hospitals test software for the sector.</p>',
    }),
    'c.txt': seedLike({
      title: 'Quantum computing stocks rally',
      date: '2025-08-02T12:00:00Z',
      source: 'InvestorBrandNetwork (IBN)',
      draft: true,
      tags: ['quantum'],
      body: '<p>D-Wave and governments: quantum investments grow.</p>',
    }),
    'd.txt': seedLike({ title: 'Undated press release', source: 'Misc', body: '<p>Governance notes without a date.</p>' }),
    'e.md':
      '+++\ntitle = "Enclosure story"\ndate = 2024-12-31\nenclosure = "https://cdn.invalid/x.png"\nsource = "Health Wire"\n+++\nA *markdown* story about policy.\n',
  });
  db = openLibrary(join(tempDir(), 'lib.db'));
  await importFolders(db, [root]);
});

const titles = (query: string, sort: 'date-desc' | 'date-asc' | 'title' | 'source' | 'relevance' = 'title') =>
  search(db, { query, sort }).items.map((i) => i.title);

describe('search: free text', () => {
  it('matches words across title and body, case- and accent-insensitively', () => {
    expect(titles('nhs')).toEqual(['NHS trials new scheduling software', 'UK government and OpenAI partner on public sector services']);
    expect(titles('HOSPITALS')).toEqual(['NHS trials new scheduling software']);
  });

  it('matches phrases only in order', () => {
    expect(titles('"public sector"')).toEqual(['UK government and OpenAI partner on public sector services']);
    expect(titles('"sector public"')).toEqual([]);
  });

  it('matches prefixes', () => {
    expect(titles('govern*')).toEqual([
      'Quantum computing stocks rally',
      'UK government and OpenAI partner on public sector services',
      'Undated press release',
    ]);
  });

  it('binds OR tighter than the implicit AND', () => {
    expect(titles('sector nhs OR quantum')).toEqual([
      'NHS trials new scheduling software',
      'UK government and OpenAI partner on public sector services',
    ]);
    expect(titles('"public sector" OR hospitals')).toHaveLength(2);
  });

  it('negates words, and a lone negation means everything else', () => {
    expect(titles('sector -nhs')).toEqual([]);
    expect(titles('-nhs')).toEqual(['Enclosure story', 'Quantum computing stocks rally', 'Undated press release']);
  });

  it('treats punctuation and FTS syntax in user text as plain words', () => {
    expect(titles('d-wave')).toEqual(['Quantum computing stocks rally']);
    // A lone dash has no word in it: it narrows nothing.
    expect(titles('hospitals - software')).toEqual(['NHS trials new scheduling software']);
    expect(titles('hospitals OR -')).toHaveLength(5);
  });

  it('never lets a raw SQLite error escape, whatever is typed', () => {
    const inputs = [
      'NEAR(a b)',
      'a AND',
      '*',
      '^x',
      '"',
      '""',
      '" "',
      '-',
      '--x',
      'title:',
      'x:y',
      '(((',
      'a OR OR b',
      '\\',
      "'; DROP TABLE articles; --",
      '\u0000',
      '🙂',
      'col:x',
      '{title}: x',
    ];
    for (const query of inputs) {
      try {
        search(db, { query });
      } catch (error) {
        expect(error, `query ${JSON.stringify(query)}`).toBeInstanceOf(QueryError);
      }
    }
    expect(search(db, { query: '' }).total).toBe(5);
  });
});

describe('search: filters', () => {
  it('source: matches part of the name, case-insensitively', () => {
    expect(titles('source:ibn')).toEqual(['Quantum computing stocks rally', 'UK government and OpenAI partner on public sector services']);
    expect(titles('-source:"IBN"')).toHaveLength(3);
  });

  it('tag: includes child tags of a parent', () => {
    expect(titles('tag:policy')).toEqual(['NHS trials new scheduling software', 'UK government and OpenAI partner on public sector services']);
    expect(titles('tag:policy/uk')).toEqual(['UK government and OpenAI partner on public sector services']);
    expect(titles('tag:Quantum')).toEqual(['Quantum computing stocks rally']);
  });

  it('after: is inclusive of the period start, before: exclusive', () => {
    expect(titles('after:2025-07 before:2025-08-01', 'date-asc')).toEqual([
      'NHS trials new scheduling software',
      'UK government and OpenAI partner on public sector services',
    ]);
    expect(titles('date:2025-08')).toEqual(['Quantum computing stocks rally']);
    expect(titles('date:2024')).toEqual(['Enclosure story']);
  });

  it('combines free text with date ranges, exact at the day boundaries', () => {
    expect(titles('software after:2025-07-05 before:2025-07-20')).toEqual(['NHS trials new scheduling software']);
    expect(titles('software after:2025-07-11')).toEqual([]);
    expect(titles('software before:2025-07-10')).toEqual([]);
    expect(titles('software date:2025-07-10')).toEqual(['NHS trials new scheduling software']);
    expect(titles('govern* date:2025')).toEqual(['Quantum computing stocks rally', 'UK government and OpenAI partner on public sector services']);
    expect(search(db, { query: 'govern* after:2025-08', facets: true }).facets!.months).toEqual([{ value: '2025-08', count: 1 }]);
    expect(search(db, { query: 'govern* -after:2025-01' }).items.map((i) => i.title)).toEqual(['Undated press release']);
  });

  it('an undated article matches no date filter, and its negation includes it', () => {
    expect(titles('-after:2000')).toEqual(['Undated press release']);
  });

  it('draft:, has:enclosure and combinations', () => {
    expect(titles('draft:true')).toEqual(['Quantum computing stocks rally']);
    expect(titles('-draft:true source:ibn')).toEqual(['UK government and OpenAI partner on public sector services']);
    expect(titles('has:enclosure')).toEqual(['Enclosure story']);
  });

  it('the issue example runs', () => {
    const page = search(db, { query: 'tag:ai source:"IBN" after:2025-07 before:2025-08-01 -draft:true "public sector" OR nhs' });
    expect(page.items.map((i) => i.title)).toEqual(['UK government and OpenAI partner on public sector services']);
  });
});

describe('search: sorting, paging, snippets, facets', () => {
  it('sorts by date both ways; undated articles count as oldest', () => {
    expect(titles('', 'date-desc')).toEqual([
      'Quantum computing stocks rally',
      'UK government and OpenAI partner on public sector services',
      'NHS trials new scheduling software',
      'Enclosure story',
      'Undated press release',
    ]);
    expect(titles('', 'date-asc')).toEqual([
      'Undated press release',
      'Enclosure story',
      'NHS trials new scheduling software',
      'UK government and OpenAI partner on public sector services',
      'Quantum computing stocks rally',
    ]);
    // The same order when the search has free text (then FTS5 itself yields date order).
    expect(titles('govern* OR nhs OR story', 'date-desc')).toEqual([
      'Quantum computing stocks rally',
      'UK government and OpenAI partner on public sector services',
      'NHS trials new scheduling software',
      'Enclosure story',
      'Undated press release',
    ]);
  });

  it('ranks title matches first by relevance', () => {
    expect(titles('nhs', 'relevance')[0]).toBe('NHS trials new scheduling software');
  });

  it('pages with a stable total', () => {
    const first = search(db, { query: '', sort: 'title', limit: 2 });
    const second = search(db, { query: '', sort: 'title', limit: 2, offset: 2 });
    expect(first.total).toBe(5);
    expect(second.total).toBe(5);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(4);
  });

  it('highlights matches in snippets with control-character marks, not HTML', () => {
    const [item] = search(db, { query: 'hospitals' }).items;
    expect(item!.snippet).toContain(`${MARK_START}Hospitals${MARK_END}`);
    expect(item!.snippet).not.toMatch(/<|>/);
  });

  it('counts sources, tags, years and months over every match', () => {
    const facets = search(db, { query: 'source:ibn OR source:health', facets: true }).facets!;
    expect(facets.sources).toEqual([
      { value: 'Health Wire', count: 2 },
      { value: 'InvestorBrandNetwork (IBN)', count: 2 },
    ]);
    expect(facets.years).toEqual([
      { value: '2024', count: 1 },
      { value: '2025', count: 3 },
    ]);
    expect(facets.months.map((m) => m.value)).toEqual(['2024-12', '2025-07', '2025-08']);
    expect(facets.tags).toContainEqual({ value: 'policy', count: 1 });
  });
});

describe('search: bad queries', () => {
  it('says what is wrong and where', () => {
    let error: unknown;
    try {
      search(db, { query: 'nhs "unclosed' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).message).toMatch(/quote/i);
    expect((error as QueryError).start).toBe(4);
  });

  it('rejects an impossible date filter', () => {
    expect(() => search(db, { query: 'after:2025-02-30' })).toThrow(QueryError);
  });
});
