import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT } from '../../../../electron/library/curation/history.js';
import type { LibraryService } from '../../../../electron/library/service.js';
import type { LibraryEvent } from '../../../../shared/api.js';
import { idsByTitle, serviceWith } from '../../../helpers/service.js';

let service: LibraryService;
let ids: Record<string, number>;

beforeEach(async () => {
  service = await serviceWith({
    'a.txt': { title: 'Alpha', date: '2025-01-01T00:00:00Z', source: 'IBN' },
    'b.txt': { title: 'Beta', date: '2025-02-01T00:00:00Z', source: 'IBN' },
    'c.txt': { title: 'Gamma', date: '2025-03-01T00:00:00Z', source: 'Wire' },
  });
  ids = await idsByTitle(service);
});
afterEach(() => service.close());

const titlesOf = async (query: string) => (await service.api.articles.search({ query, sort: 'title' })).items.map((i) => i.title);

describe('read, starred, notes', () => {
  it('marks read in bulk, shows in counts and filters, and undo restores each previous value', async () => {
    await service.api.articles.markOpened({ id: ids.Alpha! });
    expect(await service.api.library.counts({})).toEqual({ all: 3, unread: 2, starred: 0, missing: 0 });
    const history = await service.api.history.state({});
    expect(history.canUndo).toBe(false); // opening is not a change to undo
    const result = await service.api.articles.setRead({ target: { query: '' }, read: true });
    expect(result.changed).toBe(2);
    expect(await titlesOf('is:unread')).toEqual([]);
    await service.api.history.undo({});
    expect(await titlesOf('is:unread')).toEqual(['Beta', 'Gamma']);
    expect((await service.api.articles.get({ id: ids.Alpha! })).read).toBe(true);
  });

  it('stars and unstars with undo', async () => {
    await service.api.articles.setStarred({ target: { ids: [ids.Beta!] }, starred: true });
    expect(await titlesOf('is:starred')).toEqual(['Beta']);
    expect((await service.api.articles.search({ query: 'beta' })).items[0]!.starred).toBe(true);
    await service.api.history.undo({});
    expect(await titlesOf('is:starred')).toEqual([]);
  });

  it('keeps a private note, findable with has:note, and undoable', async () => {
    await service.api.articles.setNote({ id: ids.Gamma!, note: '  read before Monday  ' });
    expect((await service.api.articles.get({ id: ids.Gamma! })).note).toBe('read before Monday');
    expect(await titlesOf('has:note')).toEqual(['Gamma']);
    await service.api.articles.setNote({ id: ids.Gamma!, note: '' });
    expect(await titlesOf('has:note')).toEqual([]);
    await service.api.history.undo({});
    expect((await service.api.articles.get({ id: ids.Gamma! })).note).toBe('read before Monday');
    await expect(service.api.articles.setNote({ id: ids.Gamma!, note: 'x'.repeat(5000) })).rejects.toThrow(/at most 4000/);
  });
});

describe('collections', () => {
  it('holds articles in the person’s order, reorders, removes, and undoes each step', async () => {
    const { id } = await service.api.collections.create({ name: 'Reading pack' });
    await service.api.collections.add({ id, target: { ids: [ids.Gamma!, ids.Alpha!] } });
    await service.api.collections.add({ id, target: { query: 'source:IBN' } }); // Alpha already in: only Beta
    expect(await service.api.collections.articleIds({ id })).toEqual([ids.Gamma, ids.Alpha, ids.Beta]);
    await service.api.collections.move({ id, articleIds: [ids.Beta!], beforeId: ids.Gamma! });
    expect(await service.api.collections.articleIds({ id })).toEqual([ids.Beta, ids.Gamma, ids.Alpha]);
    await service.api.collections.remove({ id, target: { ids: [ids.Gamma!] } });
    expect(await service.api.collections.articleIds({ id })).toEqual([ids.Beta, ids.Alpha]);
    expect((await service.api.articles.get({ id: ids.Beta! })).collections).toEqual(['Reading pack']);
    await service.api.history.undo({});
    await service.api.history.undo({});
    expect(await service.api.collections.articleIds({ id })).toEqual([ids.Gamma, ids.Alpha, ids.Beta]);
    expect(await service.api.collections.list({})).toEqual([{ id, name: 'Reading pack', count: 3 }]);
  });

  it('deletes a collection and undo brings it back with its items in order', async () => {
    const { id } = await service.api.collections.create({ name: 'Pack' });
    await service.api.collections.add({ id, target: { ids: [ids.Beta!, ids.Alpha!] } });
    await service.api.collections.delete({ id });
    expect(await service.api.collections.list({})).toEqual([]);
    await service.api.history.undo({});
    expect(await service.api.collections.articleIds({ id })).toEqual([ids.Beta, ids.Alpha]);
  });

  it('refuses duplicate and empty names', async () => {
    await service.api.collections.create({ name: 'Pack' });
    await expect(service.api.collections.create({ name: 'pack' })).rejects.toThrow(/already exists/);
    await expect(service.api.collections.create({ name: ' ' })).rejects.toThrow(/cannot be empty/);
  });
});

describe('saved searches', () => {
  it('lists live counts, refuses a query that does not parse, and reports one that stopped parsing', async () => {
    await service.api.saved.create({ name: 'IBN', query: 'source:IBN', sort: 'title' });
    expect(await service.api.saved.list({})).toEqual([
      { id: expect.any(Number), name: 'IBN', query: 'source:IBN', sort: 'title', count: 2, error: null },
    ]);
    await expect(service.api.saved.create({ name: 'Broken', query: 'after:2025-13' })).rejects.toThrow(/cannot be saved/);
    // A query saved by an older version that no longer parses is shown with its reason, not dropped.
    service.db.prepare("UPDATE saved_searches SET query = 'a \"open'").run();
    const [broken] = await service.api.saved.list({});
    expect(broken).toMatchObject({ count: null, error: expect.stringMatching(/quote/i) });
  });

  it('edits and deletes with undo', async () => {
    const { id } = await service.api.saved.create({ name: 'Old', query: 'source:Wire' });
    await service.api.saved.update({ id, name: 'New', query: 'source:IBN' });
    expect((await service.api.saved.list({}))[0]).toMatchObject({ name: 'New', count: 2 });
    await service.api.saved.delete({ id });
    await service.api.history.undo({});
    await service.api.history.undo({});
    expect((await service.api.saved.list({}))[0]).toMatchObject({ name: 'Old', count: 1 });
  });
});

describe('undo history', () => {
  it('undoes and redoes a sequence of 60 steps, and tells every window', async () => {
    const events: LibraryEvent[] = [];
    service.onEvent((e) => events.push(e));
    for (let i = 0; i < 60; i++) await service.api.tags.add({ name: `t${i}`, target: { ids: [ids.Alpha!] } });
    expect((await service.api.articles.get({ id: ids.Alpha! })).tags).toHaveLength(60);
    for (let i = 0; i < 60; i++) await service.api.history.undo({});
    expect((await service.api.articles.get({ id: ids.Alpha! })).tags).toEqual([]);
    expect((await service.api.history.state({})).canUndo).toBe(false);
    for (let i = 0; i < 60; i++) await service.api.history.redo({});
    expect((await service.api.articles.get({ id: ids.Alpha! })).tags).toHaveLength(60);
    expect(events.filter((e) => e.type === 'curation-changed')).toHaveLength(180);
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(50);
  });

  it('a new change clears the redo stack', async () => {
    await service.api.tags.add({ name: 'x', target: { ids: [ids.Alpha!] } });
    await service.api.history.undo({});
    expect((await service.api.history.state({})).redoLabel).toBe('Add tag "x" to 1 article');
    await service.api.tags.add({ name: 'y', target: { ids: [ids.Alpha!] } });
    expect((await service.api.history.state({})).canRedo).toBe(false);
  });
});
