import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryService } from '../../../../electron/library/service.js';
import type { LibraryEvent } from '../../../../shared/api.js';
import { quoteAt } from '../../../../shared/highlights/anchor.js';
import { anchorText } from '../../../../electron/library/highlights/anchorText.js';
import { idsByTitle, serviceWith } from '../../../helpers/service.js';

let service: LibraryService;
let ids: Record<string, number>;

beforeEach(async () => {
  service = await serviceWith({
    'a.txt': {
      title: 'Alpha',
      date: '2025-01-01T00:00:00Z',
      source: 'IBN',
      body: '<p>The council met on Tuesday.</p><p>It approved the harbour budget &amp; the new ferry.</p>',
    },
    'b.txt': { title: 'Beta', date: '2025-02-01T00:00:00Z', source: 'Wire', body: '<p>Nothing to see here.</p>' },
  });
  ids = await idsByTitle(service);
});
afterEach(() => service.close());

/** The anchor of `passage` in an article's anchor text, as the reading pane would send it. */
function anchorOf(id: number, passage: string) {
  const text = anchorText(service.db, id)!;
  const start = text.indexOf(passage);
  expect(start).toBeGreaterThanOrEqual(0);
  return quoteAt(text, start, start + passage.length);
}

describe('highlights API', () => {
  it('reads the anchor text as the frame body textContent: text nodes joined, entities decoded', () => {
    expect(anchorText(service.db, ids.Alpha!)).toBe('\nThe council met on Tuesday.It approved the harbour budget & the new ferry.\n');
  });

  it('adds, lists, recolours, annotates and deletes, each one undo step that tells every window', async () => {
    const events: LibraryEvent[] = [];
    service.onEvent((e) => events.push(e));
    const added = await service.api.highlights.add({
      articleId: ids.Alpha!,
      anchor: anchorOf(ids.Alpha!, 'harbour budget & the new ferry'),
      note: 'key line',
    });
    expect(added.highlight).toMatchObject({
      exact: 'harbour budget & the new ferry',
      color: 'yellow',
      note: 'key line',
      detached: false,
      articleId: ids.Alpha,
    });
    expect(added.history.undoLabel).toBe('Highlight');
    expect(events.filter((e) => e.type === 'curation-changed')).toHaveLength(1);

    await service.api.highlights.update({ id: added.highlight.id, color: 'blue' });
    const listed = await service.api.highlights.list({});
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({ color: 'blue', articleTitle: 'Alpha', articleSource: 'IBN' });
    expect((await service.api.highlights.list({ query: 'source:Wire' })).total).toBe(0);

    await service.api.history.undo({});
    expect((await service.api.highlights.forArticle({ id: ids.Alpha! }))[0]!.color).toBe('yellow');
    await service.api.highlights.delete({ id: added.highlight.id });
    expect(await service.api.highlights.forArticle({ id: ids.Alpha! })).toEqual([]);
    await service.api.history.undo({});
    expect(await service.api.highlights.forArticle({ id: ids.Alpha! })).toEqual([{ ...added.highlight }]);
    await service.api.history.undo({}); // the add itself
    expect(await service.api.highlights.forArticle({ id: ids.Alpha! })).toEqual([]);
    await service.api.history.redo({});
    expect((await service.api.highlights.forArticle({ id: ids.Alpha! }))[0]!.id).toBe(added.highlight.id);
  });

  it('refuses a quote that is not in the article, saying which article', async () => {
    const anchor = { exact: 'a passage from elsewhere', prefix: '', suffix: '', start: 0, end: 24 };
    await expect(service.api.highlights.add({ articleId: ids.Beta!, anchor })).rejects.toMatchObject({
      code: 'bad-request',
      message: `The quoted text is not in article ${ids.Beta}: "a passage from elsewhere"`,
    });
  });

  it('stores where the quote really is when the offsets sent are stale', async () => {
    const anchor = { ...anchorOf(ids.Alpha!, 'Tuesday'), start: 0, end: 7 };
    const { highlight } = await service.api.highlights.add({ articleId: ids.Alpha!, anchor });
    expect(highlight).toMatchObject({ start: 20, end: 27, prefix: '\nThe council met on ', suffix: '.It approved the harbour budget ' });
  });

  it('lists detached ones last and keeps reading order', async () => {
    const second = await service.api.highlights.add({ articleId: ids.Alpha!, anchor: anchorOf(ids.Alpha!, 'ferry') });
    const first = await service.api.highlights.add({ articleId: ids.Alpha!, anchor: anchorOf(ids.Alpha!, 'council') });
    service.db.prepare('UPDATE highlights SET detached = 1 WHERE id = ?').run(first.highlight.id);
    const order = (await service.api.highlights.forArticle({ id: ids.Alpha! })).map((h) => h.exact);
    expect(order).toEqual(['ferry', 'council']);
    expect(second.highlight.exact).toBe('ferry');
  });
});

describe('finding highlights in the query syntax', () => {
  const titles = async (query: string) => (await service.api.articles.search({ query, sort: 'title' })).items.map((i) => i.title);

  it('has:highlights finds articles with any, highlight: searches quotes and notes (a word or a "phrase")', async () => {
    expect(await titles('has:highlights')).toEqual([]);
    await service.api.highlights.add({ articleId: ids.Alpha!, anchor: anchorOf(ids.Alpha!, 'harbour budget'), note: 'Ask the Treasurer 50%' });
    expect(await titles('has:highlights')).toEqual(['Alpha']);
    expect(await titles('-has:highlights')).toEqual(['Beta']);
    expect(await titles('highlight:HARBOUR')).toEqual(['Alpha']);
    expect(await titles('highlight:"harbour budget"')).toEqual(['Alpha']);
    expect(await titles('highlight:treasurer')).toEqual(['Alpha']);
    expect(await titles('highlight:"50%"')).toEqual(['Alpha']);
    expect(await titles('highlight:"5%"')).toEqual([]); // % is the character, not a wildcard
    expect(await titles('highlight:ferry')).toEqual([]); // in the article, not in a highlight
    expect(await titles('highlight:harbour source:Wire')).toEqual([]);
    expect((await service.api.highlights.list({ query: 'highlight:treasurer' })).total).toBe(1);
  });
});
