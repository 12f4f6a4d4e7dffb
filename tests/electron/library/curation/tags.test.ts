import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryService } from '../../../../electron/library/service.js';
import { idsByTitle, serviceWith } from '../../../helpers/service.js';

let service: LibraryService;
let ids: Record<string, number>;

beforeEach(async () => {
  service = await serviceWith({
    'a.txt': { title: 'Alpha', source: 'IBN', tags: ['news'] },
    'b.txt': { title: 'Beta', source: 'IBN' },
    'c.txt': { title: 'Gamma', source: 'Wire' },
  });
  ids = await idsByTitle(service);
});
afterEach(() => service.close());

const titlesOf = async (query: string) => (await service.api.articles.search({ query, sort: 'title' })).items.map((i) => i.title);
const tagNames = async () => (await service.api.tags.list({})).map((t) => `${t.name}:${t.count}`);

describe('tags', () => {
  it('adds a new tag to a selection, and undo removes exactly that (and the new tag)', async () => {
    const result = await service.api.tags.add({ name: 'ai', target: { ids: [ids.Alpha!, ids.Beta!] } });
    expect(result).toMatchObject({
      changed: 2,
      label: 'Add tag "ai" to 2 articles',
      history: { canUndo: true, undoLabel: 'Add tag "ai" to 2 articles' },
    });
    expect(await titlesOf('tag:ai')).toEqual(['Alpha', 'Beta']);
    await service.api.history.undo({});
    expect(await titlesOf('tag:ai')).toEqual([]);
    expect(await tagNames()).toEqual(['news:1']);
    await service.api.history.redo({});
    expect(await titlesOf('tag:ai')).toEqual(['Alpha', 'Beta']);
  });

  it('tags every article a query matches; undo leaves earlier tags alone', async () => {
    await service.api.tags.add({ name: 'ibn', target: { ids: [ids.Alpha!] } });
    const bulk = await service.api.tags.add({ name: 'ibn', target: { query: 'source:IBN' } });
    expect(bulk.changed).toBe(1); // Alpha had it already
    expect(await titlesOf('tag:ibn')).toEqual(['Alpha', 'Beta']);
    await service.api.history.undo({});
    expect(await titlesOf('tag:ibn')).toEqual(['Alpha']);
  });

  it('removes a tag and undo restores it with its origin (file tags stay file tags)', async () => {
    await service.api.tags.remove({ name: 'news', target: { query: '' } });
    expect(await titlesOf('tag:news')).toEqual([]);
    await service.api.history.undo({});
    const detail = await service.api.articles.get({ id: ids.Alpha! });
    expect(detail.tagOrigins).toEqual([{ name: 'news', origin: 'file' }]);
  });

  it('renames a tag with its children, and undo renames them back', async () => {
    await service.api.tags.add({ name: 'policy', target: { ids: [ids.Alpha!] } });
    await service.api.tags.add({ name: 'policy/uk', target: { ids: [ids.Beta!] } });
    await service.api.tags.rename({ from: 'policy', to: 'gov' });
    expect(await tagNames()).toEqual(['gov:1', 'gov/uk:1', 'news:1']);
    expect(await titlesOf('tag:gov')).toEqual(['Alpha', 'Beta']);
    await service.api.history.undo({});
    expect(await tagNames()).toEqual(['news:1', 'policy:1', 'policy/uk:1']);
  });

  it('refuses a rename onto an existing tag, suggesting a merge', async () => {
    await service.api.tags.add({ name: 'ai', target: { ids: [ids.Alpha!] } });
    await expect(service.api.tags.rename({ from: 'ai', to: 'NEWS' })).rejects.toThrow(/already exists: merge/);
    await service.api.tags.rename({ from: 'ai', to: 'AI' }); // changing case is a rename
    expect(await tagNames()).toEqual(['AI:1', 'news:1']);
  });

  it('merges one tag into another and undo splits them again', async () => {
    await service.api.tags.add({ name: 'ml', target: { ids: [ids.Alpha!, ids.Gamma!] } });
    const merged = await service.api.tags.merge({ from: 'ml', into: 'news' });
    expect(merged.label).toBe('Merge tag "ml" into "news" (2 articles)');
    expect(await tagNames()).toEqual(['news:2']);
    await service.api.history.undo({});
    expect(await tagNames()).toEqual(['ml:2', 'news:1']);
    expect(await titlesOf('tag:news')).toEqual(['Alpha']);
  });

  it('deletes, recolors, and undoes both', async () => {
    await service.api.tags.recolor({ name: 'news', color: '#FF8800' });
    expect((await service.api.tags.list({}))[0]!.color).toBe('#ff8800');
    await service.api.tags.delete({ name: 'news' });
    expect(await tagNames()).toEqual([]);
    await service.api.history.undo({});
    await service.api.history.undo({});
    expect(await service.api.tags.list({})).toEqual([{ id: expect.any(Number), name: 'news', color: null, count: 1 }]);
  });

  it('refuses bad names and a merge into itself, changing nothing', async () => {
    const before = await tagNames();
    const bad: [string, RegExp][] = [
      ['   ', /cannot be empty/],
      ['x'.repeat(101), /at most 100 characters/],
      ['tab\there', /control characters/],
      ['line\nbreak', /control characters/],
      ['policy//uk', /each part between \//],
      ['/lead', /each part between \//],
    ];
    for (const [name, why] of bad) await expect(service.api.tags.add({ name, target: { ids: [ids.Alpha!] } })).rejects.toThrow(why);
    await expect(service.api.tags.merge({ from: 'news', into: 'NEWS' })).rejects.toThrow(/into itself/);
    await expect(service.api.tags.recolor({ name: 'news', color: 'red' })).rejects.toThrow(/not a colour/);
    await expect(service.api.tags.remove({ name: 'nope', target: { ids: [ids.Alpha!] } })).rejects.toThrow(/no tag "nope"/);
    expect(await tagNames()).toEqual(before);
    expect((await service.api.history.state({})).canUndo).toBe(false);
  });

  it('filters with all of, any of and none of', async () => {
    await service.api.tags.add({ name: 'ai', target: { ids: [ids.Alpha!, ids.Beta!] } });
    expect(await titlesOf('tag:ai tag:news')).toEqual(['Alpha']);
    expect(await titlesOf('tag:news OR tag:ai')).toEqual(['Alpha', 'Beta']);
    expect(await titlesOf('-tag:ai -tag:news')).toEqual(['Gamma']);
  });
});
