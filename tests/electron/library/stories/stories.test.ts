import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../../electron/library/service.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { seedLike, writeTree, type SeedLike } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';
import { cli } from '../../../helpers/cli.js';

// One story told three times, with each outlet's header and footer, plus an unrelated article.
const STORY = [
  'Acme Robotics announced on Tuesday that its warehouse picking arm will ship to forty retailers across three continents next spring.',
  'The arm, called Pico, sorts mixed parcels at twice the speed of the previous model while using a third less power per shift.',
  'Chief executive Lena Ortiz said the company spent four years training the gripper on damaged boxes, soft bags and glossy envelopes.',
  'Early customers include a grocery chain in Lisbon and a pharmacy distributor in Osaka, both of which tested the arm since January.',
  'Acme expects the new line to double its revenue from automation services within two years of the launch, the statement said.',
];
const UNRELATED = [
  'The city council voted to extend the night bus network to the harbour district after residents collected nine thousand signatures.',
  'Buses will run every twenty minutes between midnight and five in the morning starting in the second week of March this year.',
  'Transport officials said the trial will be reviewed after six months, with ridership counts published on the council website.',
];
const outlet = (name: string) => ({
  header: `NEW YORK — (${name}) —`,
  footer: [`About ${name}: ${name} covers business and technology news for readers in twelve countries every single day of the week.`],
});
const page = (name: string, paras: string[]) => {
  const o = outlet(name);
  return [o.header, ...paras, ...o.footer].map((p) => `<p>${p}</p>`).join('\n');
};
// Each outlet publishes a few unrelated pieces too, so its header and footer are learned as boilerplate.
const word = (seed: number) => ['ba', 'ko', 'ri', 'mu', 'te', 'sa', 'lo', 'vi', 'ne', 'pu'].filter((_, bit) => (seed >> bit) & 1).join('') || 'zo';
const prose = (seed: number) => {
  let x = seed * 7919 + 13;
  return Array.from({ length: 24 }, () => word((x = (x * 1103515245 + 12345) % 2147483648) >> 20)).join(' ') + '.';
};
const filler = (name: string, n: number): Record<string, SeedLike> =>
  Object.fromEntries(
    Array.from({ length: 3 }, (_, i) => [
      `${name}-filler-${i}.html`,
      {
        title: `${name} note ${i}`,
        date: `2025-02-0${i + 1}T00:00:00Z`,
        source: name,
        body: page(name, [prose(n * 10 + i), prose(n * 10 + i + 100)]),
      },
    ]),
  );

const FILES: Record<string, SeedLike> = {
  'wire.html': { title: 'Acme ships Pico', date: '2025-03-01T09:00:00Z', source: 'Wire', body: page('Wire', STORY) },
  'ledger.html': { title: 'PRESS RELEASE: Acme ships Pico', date: '2025-03-02T09:00:00Z', source: 'Ledger', body: page('Ledger', STORY.slice(0, 4)) },
  'herald.html': {
    title: 'Acme Ships Pico | Herald',
    date: '2025-03-03T09:00:00Z',
    source: 'Herald',
    body: page(
      'Herald',
      STORY.map((p) => p.replace('Tuesday', 'Wednesday')),
    ),
  },
  'bus.html': { title: 'Night buses', date: '2025-03-02T10:00:00Z', source: 'Ledger', body: page('Ledger', UNRELATED) },
  ...filler('Wire', 1),
  ...filler('Ledger', 2),
  ...filler('Herald', 3),
};

let folder: string;
let service: LibraryService;
let ids: Record<string, number>;

async function reimport() {
  await importFolders(service.db, [folder]);
}

beforeEach(async () => {
  folder = tempDir();
  writeTree(folder, Object.fromEntries(Object.entries(FILES).map(([f, a]) => [f, seedLike(a)])));
  service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
  await reimport();
  const rows = service.db.prepare('SELECT rel_path, id FROM articles').all() as { rel_path: string; id: number }[];
  ids = Object.fromEntries(rows.map((r) => [r.rel_path, r.id]));
});
afterEach(() => service.close());

const storyOf = async (file: string) => (await service.api.stories.members({ id: ids[file]! })).map((m) => m.id);
const titles = async (query: string, onePerStory = false) =>
  (await service.api.articles.search({ query, sort: 'date-asc', onePerStory })).items.map((i) => i.title);

describe('stories', () => {
  it('groups the copies with the earliest as first, and gives every row storyId and storyCopies', async () => {
    expect(await storyOf('herald.html')).toEqual([ids['wire.html'], ids['ledger.html'], ids['herald.html']]);
    const members = await service.api.stories.members({ id: ids['ledger.html']! });
    expect(members.map((m) => m.first)).toEqual([true, false, false]);
    const items = (await service.api.articles.search({ query: 'pico', limit: 10 })).items;
    expect(items.map((i) => [i.storyId, i.storyCopies])).toEqual(items.map(() => [ids['wire.html'], 2]));
    const bus = await service.api.articles.get({ id: ids['bus.html']! });
    expect([bus.storyId, bus.storyCopies]).toEqual([ids['bus.html'], 0]);
  });

  it('finds copies with is:copy, a story with story:<id>, and one row per story with counts and facets that follow', async () => {
    expect(await titles('is:copy')).toEqual(['PRESS RELEASE: Acme ships Pico', 'Acme Ships Pico | Herald']);
    expect(await titles(`story:${ids['herald.html']}`)).toEqual(['Acme ships Pico', 'PRESS RELEASE: Acme ships Pico', 'Acme Ships Pico | Herald']);
    expect(await titles(`story:${ids['bus.html']}`)).toEqual(['Night buses']);
    const all = await service.api.articles.search({ query: '', facets: true });
    const one = await service.api.articles.search({ query: '', facets: true, onePerStory: true });
    expect(one.total).toBe(all.total - 2);
    expect(one.facets!.sources.find((s) => s.value === 'Herald')!.count).toBe(all.facets!.sources.find((s) => s.value === 'Herald')!.count - 1);
    // The first matching member stands for the story: without the original, the next copy does.
    expect(await titles('pico -source:Wire', true)).toEqual(['PRESS RELEASE: Acme ships Pico']);
    expect(await titles('pico', true)).toEqual(['Acme ships Pico']);
  });

  it('compares two copies with the outlet header and footer set apart', async () => {
    const { original, copy } = await service.api.stories.compare({ id: ids['wire.html']!, otherId: ids['herald.html']! });
    expect(original.header).toBe('NEW YORK — (Wire) —');
    expect(copy.footer).toContain('About Herald');
    expect(copy.body).toContain('Wednesday');
    expect(copy.body).not.toContain('About Herald');
  });

  it('lists stories with their members and sources', async () => {
    const { items, total } = await service.api.stories.list({ query: '' });
    expect(total).toBe(1);
    expect(items[0]!.storyId).toBe(ids['wire.html']);
    expect(items[0]!.sources).toEqual(['Wire', 'Ledger', 'Herald']);
  });

  it('joins a new copy at import without regrouping the library, and keeps stories right when a body changes or a file goes', async () => {
    writeFileSync(
      join(folder, 'post.html'),
      seedLike({ title: 'Acme Pico', date: '2025-02-28T09:00:00Z', source: 'Post', body: page('Post', STORY) }),
    );
    await reimport();
    const post = service.db.prepare("SELECT id FROM articles WHERE rel_path = 'post.html'").pluck().get() as number;
    expect((await storyOf('wire.html'))[0]).toBe(post); // the earlier date makes it the first
    // Ledger's copy is rewritten into something else: it leaves the story.
    writeFileSync(
      join(folder, 'ledger.html'),
      seedLike({
        title: 'Other',
        date: '2025-03-02T09:00:00Z',
        source: 'Ledger',
        body: page(
          'Ledger',
          UNRELATED.map((p) => p.replace('bus', 'tram')),
        ),
      }),
    );
    await reimport();
    expect(await storyOf('wire.html')).toEqual([post, ids['wire.html'], ids['herald.html']]);
    expect(await storyOf('ledger.html')).toEqual([ids['ledger.html'], ids['bus.html']]); // now a copy of the bus story
    // A file gone missing leaves its story; back again, it rejoins.
    rmSync(join(folder, 'post.html'));
    await reimport();
    expect(await storyOf('wire.html')).toEqual([ids['wire.html'], ids['herald.html']]);
    writeFileSync(
      join(folder, 'post.html'),
      seedLike({ title: 'Acme Pico', date: '2025-02-28T09:00:00Z', source: 'Post', body: page('Post', STORY) }),
    );
    await reimport();
    expect(await storyOf('wire.html')).toEqual([post, ids['wire.html'], ids['herald.html']]);
  });

  it('splits and merges as undo steps, kept across re-imports', async () => {
    const split = await service.api.stories.split({ id: ids['herald.html']! });
    expect(split.history.canUndo).toBe(true);
    expect(await storyOf('herald.html')).toEqual([ids['herald.html']]);
    expect(await storyOf('wire.html')).toEqual([ids['wire.html'], ids['ledger.html']]);
    writeFileSync(join(folder, 'herald.html'), seedLike({ ...FILES['herald.html']!, title: 'Acme Ships Pico, updated' }));
    await reimport();
    expect(await storyOf('herald.html')).toEqual([ids['herald.html']]); // the split holds
    await service.api.history.undo({});
    expect(await storyOf('herald.html')).toEqual([ids['wire.html'], ids['ledger.html'], ids['herald.html']]);

    await service.api.stories.merge({ id: ids['bus.html']!, into: ids['wire.html']! });
    expect(await storyOf('bus.html')).toContain(ids['wire.html']);
    await reimport();
    expect(await storyOf('bus.html')).toContain(ids['wire.html']);
    await service.api.history.undo({});
    expect(await storyOf('bus.html')).toEqual([ids['bus.html']]);
    await service.api.history.redo({});
    expect(await storyOf('bus.html')).toHaveLength(4);
  });

  it("shows storyId in the CLI's --json output of list, search and show, and lists stories with `gleaner stories`", async () => {
    const run = (...argv: string[]) => cli(...argv, '--db', service.dbPath);
    const wire = ids['wire.html']!;
    const listed = JSON.parse((await run('list', 'pico', '--json')).stdout) as { items: { storyId: number }[] };
    expect(listed.items.map((i) => i.storyId)).toEqual([wire, wire, wire]);
    const searched = JSON.parse((await run('search', 'night buses', '--json')).stdout) as { items: { storyId: number }[] };
    expect(searched.items.map((i) => i.storyId)).toEqual([ids['bus.html']]);
    expect(JSON.parse((await run('show', String(ids['herald.html']), '--json')).stdout)).toMatchObject({ storyId: wire, storyCopies: 2 });
    const stories = JSON.parse((await run('stories', '--json')).stdout) as { total: number; items: { storyId: number; members: { id: number }[] }[] };
    expect(stories.total).toBe(1);
    expect(stories.items[0]!.members.map((m) => m.id)).toEqual([wire, ids['ledger.html'], ids['herald.html']]);
    const human = (await run('stories', 'source:Herald')).stdout;
    expect(human).toContain(`story ${wire}: Acme ships Pico (3 articles from Wire, Ledger, Herald)`);
  });
});
