import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../../electron/library/service.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { SAMPLE_EVERY, SHORT_SAMPLE_EVERY } from '../../../../electron/library/stories/shingles.js';
import { serviceWith } from '../../../helpers/service.js';
import { tempDir } from '../../../helpers/tmp.js';

let services: LibraryService[] = [];
afterEach(() => {
  for (const s of services) s.close();
  services = [];
});
const keep = (service: LibraryService) => (services.push(service), service);

/** Stories as lists of titles (first article first), stories of one article left out. */
const storiesOf = (service: LibraryService) => {
  const rows = service.db.prepare('SELECT story_id AS story, title FROM articles WHERE story_id IS NOT NULL ORDER BY story_id, story_rank').all() as {
    story: number;
    title: string;
  }[];
  const byStory = new Map<number, string[]>();
  for (const r of rows) byStory.set(r.story, [...(byStory.get(r.story) ?? []), r.title]);
  return [...byStory.values()];
};

/** `count` paragraphs of 20 distinct words each, the words drawn from `seed`'s own vocabulary. */
const paragraphsOf = (seed: string, count: number) =>
  Array.from({ length: count }, (_, p) => Array.from({ length: 20 }, (_, w) => `w${seed}n${p * 20 + w}`).join(' ') + '.');
const html = (paras: string[]) => paras.map((p) => `<p>${p}</p>`).join('\n');

describe('story sample rates', () => {
  it('groups the short press releases of the end-to-end fixture: each story of three, the dropped-paragraph copy too', async () => {
    // These ~250-word articles have ~15 body shingles in 16: sampled that thin, the copy that
    // lost a paragraph fell below the containment threshold and was left out of its story.
    const service = keep(createLibraryService({ dbPath: join(tempDir(), 'lib.db') }));
    await importFolders(service.db, [join(process.cwd(), 'tests', 'fixtures', 'stories')]);
    const stories = storiesOf(service);
    expect(stories.map((titles) => titles.length)).toEqual([3, 3]);
    expect(stories.flat()).toContain('Harbor City Opens Tidal Energy Pilot');
    const rates = service.db.prepare('SELECT DISTINCT sample_every FROM story_sketches').pluck().all();
    expect(rates).toEqual([SHORT_SAMPLE_EVERY]);
  });

  it('compares a long article with a short copy of it at the coarser rate', async () => {
    const long = paragraphsOf('a', 30); // ~510 shingles: sampled one in 16
    const service = keep(
      await serviceWith({
        'long.html': { title: 'The long original', date: '2025-01-01', source: 'Wire', body: html(long) },
        'short.html': { title: 'Its first half, reprinted', date: '2025-01-02', source: 'Gazette', body: html(long.slice(0, 14)) },
        'other.html': { title: 'Something else', date: '2025-01-03', source: 'Gazette', body: html(paragraphsOf('b', 14)) },
      }),
    );
    const rate = service.db.prepare(
      'SELECT a.title, s.sample_every AS every, s.coarse IS NOT NULL AS coarse FROM story_sketches s JOIN articles a ON a.id = s.article_id ORDER BY a.title',
    );
    expect(rate.all()).toEqual([
      { title: 'Its first half, reprinted', every: SHORT_SAMPLE_EVERY, coarse: 1 },
      { title: 'Something else', every: SHORT_SAMPLE_EVERY, coarse: 1 },
      { title: 'The long original', every: SAMPLE_EVERY, coarse: 0 },
    ]);
    expect(storiesOf(service)).toEqual([['The long original', 'Its first half, reprinted']]);
  });
});
