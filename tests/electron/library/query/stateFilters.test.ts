import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryService } from '../../../../electron/library/service.js';
import { idsByTitle, serviceWith } from '../../../helpers/service.js';

let service: LibraryService | null = null;
afterEach(() => {
  service?.close();
  service = null;
});

// Every `is:` and `has:` value the README's search table lists, against articles that differ in just that.
describe('is: and has: filters', () => {
  it('select by state and by the fields present', async () => {
    service = await serviceWith({
      'a.txt': { title: 'Alpha', tags: ['ai'] },
      'b.txt': { title: 'Beta', draft: true },
      'c.txt': { title: 'Gamma' },
    });
    const ids = await idsByTitle(service);
    const api = service.api;
    await api.articles.setStarred({ target: { ids: [ids.Alpha!] }, starred: true });
    await api.articles.setRead({ target: { ids: [ids.Beta!] }, read: true });
    await api.articles.setNote({ id: ids.Gamma!, note: 'ask about this' });
    const titles = async (query: string) => (await api.articles.search({ query })).items.map((i) => i.title).sort();

    expect(await titles('is:starred')).toEqual(['Alpha']);
    expect(await titles('is:unstarred')).toEqual(['Beta', 'Gamma']);
    expect(await titles('is:read')).toEqual(['Beta']);
    expect(await titles('is:unread')).toEqual(['Alpha', 'Gamma']);
    expect(await titles('is:draft')).toEqual(['Beta']);
    expect(await titles('draft:yes')).toEqual(['Beta']);
    expect(await titles('draft:false')).toEqual(['Alpha', 'Gamma']);
    expect(await titles('is:missing')).toEqual([]);
    expect(await titles('has:tags')).toEqual(['Alpha']);
    expect(await titles('has:note')).toEqual(['Gamma']);
    expect(await titles('-has:note -is:draft')).toEqual(['Alpha']);
  });
});
