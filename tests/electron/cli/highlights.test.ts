import { beforeEach, describe, expect, it } from 'vitest';
import type { Highlight, HighlightListItem } from '../../../shared/highlights.js';
import { seedLike } from '../../helpers/articles.js';
import { cli, cliLibrary } from '../../helpers/cli.js';

let db = '';

beforeEach(async () => {
  ({ db } = await cliLibrary({
    'a.txt': seedLike({
      title: 'Harbour plan',
      date: '2025-07-01T00:00:00Z',
      source: 'IBN',
      body: '<p>The board approved\nthe new ferry timetable.</p><p>Work starts in May.</p>',
    }),
    'b.txt': seedLike({
      title: 'Evil \u001b[31mtitle',
      date: '2025-07-02T00:00:00Z',
      source: 'Wire',
      body: '<p>Bells ring \u001b]0;pwned\u0007 at noon.</p>',
    }),
  }));
});

const run = (...argv: string[]) => cli(...argv, '--db', db);
const list = async (...query: string[]) =>
  JSON.parse((await run('highlights', ...query, '--json')).stdout) as { items: HighlightListItem[]; total: number };

describe('gleaner highlight add and gleaner highlights', () => {
  it('quotes text from the article (line breaks typed as spaces) and lists it with its article, colour, note and state', async () => {
    const added = await run('highlight', 'add', '1', '--text', 'approved the new ferry', '--color', 'green', '--note', 'check dates');
    expect(added).toMatchObject({ code: 0, stdout: 'Highlighted in article 1 "Harbour plan": "approved the new ferry" (green).\n' });
    const json = JSON.parse((await run('highlight', 'add', '1', '--text', 'Work starts', '--json')).stdout) as Highlight;
    expect(json).toMatchObject({ articleId: 1, exact: 'Work starts', color: 'yellow', note: '', detached: false });

    const all = await list();
    expect(all.total).toBe(2);
    expect(all.items.map((h) => [h.articleId, h.articleTitle, h.exact, h.color, h.note])).toEqual([
      [1, 'Harbour plan', 'Work starts', 'yellow', ''],
      [1, 'Harbour plan', 'approved\nthe new ferry', 'green', 'check dates'],
    ]);
    // The query picks articles; every highlight of a matching article is listed.
    const human = await run('highlights', 'highlight:ferry', '--limit', '1', '--offset', '1');
    const today = new Date().toISOString().slice(0, 10);
    expect(human.stdout).toBe(
      `#1  Harbour plan\n  green  ${today}  anchored\n  "approved\\nthe new ferry"\n  note: check dates\n2-2 of 2 highlights\n`,
    );
    expect((await list('source:Wire')).total).toBe(0);
    expect((await run('highlights', 'source:Wire')).stdout).toBe('No highlights.\n');
  });

  it('names the article when the text is not in it, and refuses bad input', async () => {
    const missing = await run('highlight', 'add', '1', '--text', 'a harbour tunnel');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('gleaner: the text is not in article 1 "Harbour plan": "a harbour tunnel"\n');
    expect((await run('highlight', 'add', '9', '--text', 'x')).stderr).toBe('gleaner: No article with id 9\n');
    expect((await run('highlight', 'add', '1', '--text', 'Work', '--color', 'red')).stderr).toBe(
      'gleaner: --color takes yellow, green, blue, pink, purple, not "red"\n',
    );
    expect((await run('highlight', 'add', '1')).stderr).toMatch(/^gleaner: --text is required/);
    expect((await run('highlight', 'remove', '1')).code).toBe(2);
    expect((await list()).total).toBe(0);
  });

  it('prints article data safely: control characters show as escapes, JSON stays exact', async () => {
    await run('highlight', 'add', '2', '--text', 'Bells ring');
    const human = (await run('highlights')).stdout;
    expect(human).not.toContain('\u001b');
    expect(human).toContain('#2  Evil \\u001B[31mtitle');
    expect((await list()).items[0]!.articleTitle).toBe('Evil \u001b[31mtitle');
  });
});
