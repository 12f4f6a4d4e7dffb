import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryService } from '../../../../electron/library/service.js';
import { exportEnded, idsByTitle, serviceWith } from '../../../helpers/service.js';
import { tempDir } from '../../../helpers/tmp.js';

let service: LibraryService;
let ids: Record<string, number>;

beforeAll(async () => {
  service = await serviceWith({
    'a.txt': { title: 'Alpha', date: '2025-01-01T00:00:00Z' },
    'b.txt': { title: 'Bravo', date: '2025-02-01T00:00:00Z' },
    'c.txt': { title: 'Charlie', date: '2025-03-01T00:00:00Z', body: '<p>budget talks</p>' },
    'd.txt': { title: 'Delta', date: '2025-04-01T00:00:00Z', body: '<p>budget vote</p>' },
  });
  ids = await idsByTitle(service);
  const { id } = await service.api.collections.create({ name: 'Reading pack' });
  // The person's order: neither by date nor by title.
  await service.api.collections.add({ id, target: { ids: [ids.Charlie!, ids.Alpha!, ids.Delta!] } });
  await service.api.collections.create({ name: 'Other' });
});
afterAll(() => service.close());

const titles = async (query: string, sort: 'collection' | 'date-desc' | 'title' = 'collection') =>
  (await service.api.articles.search({ query, sort })).items.map((i) => i.title);

describe('collection: filter and collection order', () => {
  it('lists a collection in the order the person gave it, whatever the case of the name', async () => {
    expect(await titles('collection:"Reading pack"')).toEqual(['Charlie', 'Alpha', 'Delta']);
    expect(await titles('collection:"reading PACK"')).toEqual(['Charlie', 'Alpha', 'Delta']);
  });

  it('follows a reorder at once', async () => {
    const [collection] = (await service.api.collections.list({})).filter((c) => c.name === 'Reading pack');
    await service.api.collections.move({ id: collection!.id, articleIds: [ids.Delta!], beforeId: ids.Charlie! });
    expect(await titles('collection:"Reading pack"')).toEqual(['Delta', 'Charlie', 'Alpha']);
    await service.api.history.undo({});
    expect(await titles('collection:"Reading pack"')).toEqual(['Charlie', 'Alpha', 'Delta']);
  });

  it('combines with words (which keep the collection order) and other sorts', async () => {
    expect(await titles('collection:"Reading pack" budget')).toEqual(['Charlie', 'Delta']);
    expect(await titles('collection:"Reading pack"', 'title')).toEqual(['Alpha', 'Charlie', 'Delta']);
    expect(await titles('collection:"Reading pack"', 'date-desc')).toEqual(['Delta', 'Charlie', 'Alpha']);
  });

  it('without a top-level collection filter, collection order falls back to newest first', async () => {
    expect(await titles('')).toEqual(['Delta', 'Charlie', 'Bravo', 'Alpha']);
    expect(await titles('-collection:"Reading pack"')).toEqual(['Bravo']);
  });

  it('an empty or unknown collection matches nothing', async () => {
    expect(await titles('collection:Other')).toEqual([]);
    expect(await titles('collection:"No such thing"')).toEqual([]);
  });

  it('a query export of a collection writes it in the collection order', async () => {
    const out = join(tempDir(), 'pack.json');
    const { jobId } = await service.api.exports.start({ source: { query: 'collection:"Reading pack"', sort: 'collection' }, format: 'json', out });
    expect((await exportEnded(service, jobId)).state).toBe('done');
    const written = JSON.parse(readFileSync(out, 'utf8')) as { articles: { title: string }[] };
    expect(written.articles.map((a) => a.title)).toEqual(['Charlie', 'Alpha', 'Delta']);
  });
});
