import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryService } from '../../../../electron/library/service.js';
import { serviceWith } from '../../../helpers/service.js';
import { syndicatedSet } from './syndication.js';

let service: LibraryService;
const set = syndicatedSet();

beforeAll(async () => {
  service = await serviceWith(set.files);
});
afterAll(() => service.close());

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe('grouping a syndicated test set', () => {
  it('finds the copies of each story with pairwise precision and recall of at least 0.95', () => {
    const rows = service.db.prepare('SELECT rel_path, title, source, coalesce(story_id, id) AS story FROM articles').all() as {
      rel_path: string;
      title: string;
      source: string;
      story: number;
    }[];
    const names = rows.map((r) => r.rel_path);
    const byName = new Map(rows.map((r) => [r.rel_path, r]));
    const truth = new Set<string>();
    const found = new Set<string>();
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const [a, b] = [names[i]!, names[j]!];
        const story = set.storyOf[a];
        if (story !== null && story !== undefined && story === set.storyOf[b]) truth.add(pairKey(a, b));
        if (byName.get(a)!.story === byName.get(b)!.story) found.add(pairKey(a, b));
      }
    }
    const right = [...found].filter((p) => truth.has(p));
    const falsePairs = [...found].filter((p) => !truth.has(p));
    const missed = [...truth].filter((p) => !found.has(p));
    const precision = found.size === 0 ? 0 : right.length / found.size;
    const recall = right.length / truth.size;
    const describe = (p: string) =>
      p
        .split('|')
        .map((n) => `${n} [${byName.get(n)!.source}] "${byName.get(n)!.title}" (story ${set.storyOf[n] ?? '-'})`)
        .join(' ~ ');
    console.log(
      [
        `stories: ${rows.length} articles, ${truth.size} true pairs, ${found.size} found`,
        `precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`,
        `false pairs (${falsePairs.length}):`,
        ...falsePairs.slice(0, 20).map((p) => `  ${describe(p)}`),
        `missed pairs (${missed.length}):`,
        ...missed.slice(0, 20).map((p) => `  ${describe(p)}`),
      ].join('\n'),
    );
    expect(truth.size).toBeGreaterThan(100);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
