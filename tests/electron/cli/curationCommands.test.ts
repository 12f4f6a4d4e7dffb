import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleDetail, SavedSearchInfo, TagInfo } from '../../../shared/types.js';
import { seedLike, writeTree } from '../../helpers/articles.js';
import { cli, cliLibrary } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';

let db = '';

beforeEach(async () => {
  ({ db } = await cliLibrary({
    'a.txt': seedLike({ title: 'Alpha', date: '2025-07-01T00:00:00Z', source: 'IBN' }),
    'b.txt': seedLike({ title: 'Beta', date: '2025-07-02T00:00:00Z', source: 'IBN' }),
    'c.txt': seedLike({ title: 'Gamma', date: '2025-07-03T00:00:00Z', source: 'Health Wire' }),
  }));
});

const run = (...argv: string[]) => cli(...argv, '--db', db);
const tags = async () => JSON.parse((await run('tag', 'list', '--json')).stdout) as TagInfo[];
const titlesOf = async (query: string) =>
  (JSON.parse((await run('list', query, '--json')).stdout) as { items: { title: string }[] }).items.map((i) => i.title).sort();

describe('gleaner tag', () => {
  it('color sets and clears a tag’s colour, and refuses a value that is not one', async () => {
    await run('tag', 'add', 'ai', 'source:IBN');
    expect(await run('tag', 'color', 'ai', '#3366cc')).toMatchObject({ code: 0, stdout: 'Recolor tag "ai".\n' });
    expect((await run('tag', 'list')).stdout).toBe('      2  ai  #3366cc\n');
    await run('tag', 'color', 'ai', 'none');
    expect((await tags())[0]).toMatchObject({ name: 'ai', color: null });
    const bad = await run('tag', 'color', 'ai', 'blue');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^gleaner: "blue" is not a colour/);
  });

  it('delete takes the tag off every article', async () => {
    await run('tag', 'add', 'ai', '');
    await run('tag', 'add', 'keep', 'title:alpha');
    expect((await run('tag', 'delete', 'ai')).stdout).toBe('Delete tag "ai" (3 articles).\n');
    expect((await tags()).map((t) => t.name)).toEqual(['keep']);
    expect(await titlesOf('tag:ai')).toEqual([]);
  });

  it('merge moves every article of one tag into another and drops the first', async () => {
    await run('tag', 'add', 'ml', 'title:alpha OR title:beta');
    await run('tag', 'add', 'ai', 'title:gamma');
    expect((await run('tag', 'merge', 'ml', 'ai')).code).toBe(0);
    expect((await tags()).map((t) => [t.name, t.count])).toEqual([['ai', 3]]);
    expect(await titlesOf('tag:ai')).toEqual(['Alpha', 'Beta', 'Gamma']);
    const unknown = await run('tag', 'merge', 'nothing', 'ai');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('gleaner collection', () => {
  beforeEach(async () => {
    await run('collection', 'create', 'Pack');
    await run('collection', 'add', 'Pack', '--ids', '2,3,1');
  });

  it('show lists the collection’s articles in its own order', async () => {
    expect((await run('collection', 'show', 'pack')).stdout).toBe('   1.       2  Beta\n   2.       3  Gamma\n   3.       1  Alpha\n');
    const json = JSON.parse((await run('collection', 'show', 'Pack', '--json')).stdout) as ArticleDetail[];
    expect(json.map((a) => a.title)).toEqual(['Beta', 'Gamma', 'Alpha']);
  });

  it('remove takes out the given ids', async () => {
    expect((await run('collection', 'remove', 'Pack', '--ids', '3')).stdout).toBe('Remove 1 article from "Pack".\n');
    expect((await run('collection', 'show', 'Pack')).stdout).toBe('   1.       2  Beta\n   2.       1  Alpha\n');
  });

  it('remove takes out every match of a query, leaving the rest in order', async () => {
    expect((await run('collection', 'remove', 'Pack', 'source:IBN')).stdout).toBe('Remove 2 articles from "Pack".\n');
    expect((await run('collection', 'show', 'Pack')).stdout).toBe('   1.       3  Gamma\n');
    expect(await titlesOf('')).toEqual(['Alpha', 'Beta', 'Gamma']); // out of the collection, still in the library
  });

  it('remove by query acts on every match, not just a first page (more than 500 here)', async () => {
    const many = tempDir();
    writeTree(many, Object.fromEntries(Array.from({ length: 620 }, (_, i) => [`m${i}.txt`, seedLike({ title: `Many ${i}`, source: 'Bulk' })])));
    await run('import', many);
    await run('collection', 'add', 'Pack', 'source:Bulk');
    expect((await run('collection', 'remove', 'Pack', 'source:Bulk')).stdout).toBe('Remove 620 articles from "Pack".\n');
    expect((await run('collection', 'list')).stdout).toBe('      3  Pack\n');
  });

  it('show says so when the collection is empty, and refuses an unknown one', async () => {
    await run('collection', 'remove', 'Pack', '');
    expect((await run('collection', 'show', 'Pack')).stdout).toBe('"Pack" is empty.\n');
    const unknown = await run('collection', 'show', 'Nope');
    expect(unknown).toMatchObject({ code: 2, stderr: 'gleaner: there is no collection "Nope"\n' });
  });
});

describe('gleaner saved delete', () => {
  it('deletes a saved search by name (any case), and refuses one that does not exist', async () => {
    await run('saved', 'create', 'Health', 'source:"Health Wire"');
    await run('saved', 'create', 'Wires', 'source:IBN');
    expect((await run('saved', 'delete', 'HEALTH')).stdout).toBe('Delete saved search "Health".\n');
    expect((JSON.parse((await run('saved', 'list', '--json')).stdout) as SavedSearchInfo[]).map((s) => s.name)).toEqual(['Wires']);
    expect(await run('saved', 'delete', 'Health')).toMatchObject({ code: 2, stderr: 'gleaner: there is no saved search "Health"\n' });
  });
});
