import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../../electron/library/service.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { StoryIndex } from '../../../../electron/library/stories/storyIndex.js';
import { BandFilter } from '../../../../electron/library/stories/bandFilter.js';
import { HashCounts } from '../../../../electron/library/stories/hashCounts.js';
import { extractText, renderBody } from '../../../../electron/library/article/body.js';
import { seedLike, writeTree, type SeedLike } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';
import { syndicatedSet } from './syndication.js';

const set = syndicatedSet();
let services: LibraryService[] = [];
afterEach(() => {
  for (const s of services) s.close();
  services = [];
});

/** Unrelated short articles, enough that the import reads the library's band keys into a filter (BULK_IMPORT). */
function filler(count: number): Record<string, SeedLike> {
  let seed = 7;
  const word = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vel', 'nor'][seed % 8]! + ['pi', 'dan', 'qu', 'ex', 'bra', 'tor'][(seed >>> 8) % 6]!;
  };
  const out: Record<string, SeedLike> = {};
  for (let i = 0; i < count; i++)
    out[`filler/f${i}.html`] = { title: `Filler ${i}`, source: 'Filler', body: `<p>${Array.from({ length: 40 }, word).join(' ')}</p>` };
  return out;
}

async function imported(options: Parameters<typeof importFolders>[2] = {}, extra: Record<string, SeedLike> = {}): Promise<LibraryService> {
  const folder = tempDir();
  writeTree(folder, Object.fromEntries(Object.entries({ ...set.files, ...extra }).map(([file, a]) => [file, seedLike(a)])));
  const service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
  services.push(service);
  await importFolders(service.db, [folder], options);
  return service;
}

/** Each grouped syndicated article with its story's first file and its rank. */
const storiesOf = (service: LibraryService) =>
  service.db
    .prepare(
      `SELECT a.rel_path, f.rel_path AS first, a.story_rank FROM articles a JOIN articles f ON f.id = a.story_id
        WHERE a.rel_path NOT LIKE 'filler/%' ORDER BY a.rel_path`,
    )
    .all();
const rowCounts = (service: LibraryService) => ({
  bands: service.db.prepare('SELECT count(*) FROM story_bands').pluck().get(),
  shingles: service.db.prepare('SELECT count(*) FROM story_shingles').pluck().get(),
  pending: service.db.prepare('SELECT count(*) FROM story_pending').pluck().get(),
});

describe('story rows staged during an import', () => {
  it('groups the same whether rows are flushed every few articles or once at the end, and leaves nothing pending', async () => {
    const once = await imported();
    // 1,233 files flushed every ~4 articles: most lookups go to the library, through the band filter.
    const often = await imported({ storyRowsStaged: 200, writeBatch: 10, batchSize: 10 }, filler(1000));
    expect(storiesOf(often)).toEqual(storiesOf(once));
    expect(storiesOf(once).length).toBeGreaterThan(100);
    expect(rowCounts(often).pending).toBe(0);
    expect(rowCounts(once).pending).toBe(0);
    expect(rowCounts(once).bands).toBeGreaterThan(0);
  });

  it('puts in the rows of an import killed before its flush, so later copies still find those articles', async () => {
    const service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
    services.push(service);
    const first = tempDir();
    const [name, original] = Object.entries(set.files).find(([file]) => set.storyOf[file] === 0)!;
    writeTree(first, { [name]: seedLike(original) });
    await importFolders(service.db, [first], { stories: false });
    const id = service.db.prepare('SELECT id FROM articles').pluck().get() as number;
    // What a killed import leaves: the sketch saved and the article pending, its rows never flushed.
    const killed = new StoryIndex(service.db);
    service.db.transaction(() => killed.index(id, extractText(renderBody(original.body!, 'html')).text, original.source ?? null))();
    expect(rowCounts(service)).toMatchObject({ bands: 0, shingles: 0, pending: 1 });

    const copies = tempDir();
    const others = Object.entries(set.files).filter(([file]) => set.storyOf[file] === 0 && file !== name);
    writeTree(copies, Object.fromEntries(others.map(([file, a]) => [file, seedLike(a)])));
    await importFolders(service.db, [copies]);
    expect(rowCounts(service).pending).toBe(0);
    const story = service.db.prepare('SELECT story_id FROM articles WHERE id = ?').pluck().get(id);
    expect(story).toBe(id); // the earliest copy is the story's first, and the others joined it
    expect(service.db.prepare('SELECT count(*) FROM articles WHERE story_id = ?').pluck().get(id)).toBe(others.length + 1);
  });
});

describe('BandFilter', () => {
  it('never misses a key it holds and lets few others through', () => {
    const filter = new BandFilter(20_000);
    const key = (i: number) => (i % 20) * 2 ** 32 + ((Math.imul(i, 2654435761) >>> 0) ^ 0x5bd1e995);
    for (let i = 0; i < 20_000; i++) filter.add(key(i));
    for (let i = 0; i < 20_000; i++) expect(filter.mayHold(key(i))).toBe(true);
    let passed = 0;
    for (let i = 20_000; i < 120_000; i++) if (filter.mayHold(key(i))) passed++;
    expect(passed / 100_000).toBeLessThan(0.03);
  });
});

describe('HashCounts', () => {
  it('keeps exact counts per pair of 32-bit values as it grows, and counts back to zero read as zero', () => {
    const counts = new HashCounts(16);
    const pairs = Array.from({ length: 5000 }, (_, i) => [(Math.imul(i, 2654435761) >>> 0) ^ 0xdeadbeef, i % 3 === 0 ? 0xffffffff : 7] as const);
    pairs.forEach(([a, b], i) => counts.add(a, b, 1 + (i % 4)));
    pairs.forEach(([a, b], i) => expect(counts.get(a, b)).toBe(1 + (i % 4)));
    expect(counts.get(pairs[1]![0], 8)).toBe(0); // same first value, other second
    counts.add(pairs[2]![0], pairs[2]![1], -3);
    expect(counts.get(pairs[2]![0], pairs[2]![1])).toBe(0);
    counts.clear();
    expect(counts.get(pairs[4]![0], pairs[4]![1])).toBe(0);
  });
});
