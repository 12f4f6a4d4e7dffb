import { describe, expect, it } from 'vitest';
import { gleanerKeyValue, readGleanerKey } from '../../../../electron/library/article/gleanerKey.js';
import { parseFrontMatter } from '../../../../electron/library/article/frontmatter.js';

const parse = (text: string) => {
  const result = parseFrontMatter(text);
  if (!result.ok) throw new Error(result.reason);
  return result.value.data;
};

describe('readGleanerKey', () => {
  it('returns null when the front matter has no gleaner key', () => {
    expect(readGleanerKey(parse('+++\ntitle = "x"\n+++\n'))).toBeNull();
  });

  it('reads what the exporter writes, from TOML, YAML, JSON and the JSON-safe extra form', () => {
    const value = gleanerKeyValue({ tags: ['a'], starred: true, readAt: '2025-07-30T08:00:00.000Z', note: 'n', collections: ['c'] }, 'p/q.md');
    const expected = {
      curation: { tags: ['a'], starred: true, readAt: '2025-07-30T08:00:00.000Z', note: 'n', collections: ['c'] },
      highlights: [],
      path: 'p/q.md',
      version: 1,
      warnings: [],
    };
    expect(readGleanerKey({ gleaner: value })).toEqual(expected);
    expect(
      readGleanerKey(
        parse(
          '+++\n[gleaner]\nversion = 1\npath = "p/q.md"\ntags = ["a"]\nstarred = true\nread_at = "2025-07-30T08:00:00.000Z"\nnote = "n"\ncollections = ["c"]\n+++\n',
        ),
      ),
    ).toEqual(expected);
    expect(
      readGleanerKey(
        parse('---\ngleaner:\n  path: p/q.md\n  tags: [a]\n  starred: true\n  read_at: 2025-07-30T08:00:00Z\n  note: n\n  collections: [c]\n---\n'),
      ),
    ).toEqual(expected);
    expect(
      readGleanerKey(
        parse(
          '{"gleaner": {"version": 1, "path": "p/q.md", "tags": ["a"], "starred": true, "read_at": "2025-07-30T08:00:00.000Z", "note": "n", "collections": ["c"]}}\n',
        ),
      ),
    ).toEqual(expected);
  });

  it('accepts a native TOML datetime for read_at and treats missing values as defaults', () => {
    const key = readGleanerKey(parse('+++\n[gleaner]\nread_at = 2025-07-30T08:00:00Z\n+++\n'))!;
    expect(key).toEqual({
      curation: { tags: [], starred: false, readAt: '2025-07-30T08:00:00.000Z', note: null, collections: [] },
      highlights: [],
      path: null,
      version: 1,
      warnings: [],
    });
  });

  it('never fails on bad values: each becomes a warning and its default', () => {
    const key = readGleanerKey({
      gleaner: { version: 7, tags: 'x', starred: 'yes', read_at: '2025-02-30', note: 5, collections: [1, ' ok ', 'OK', ''] },
    })!;
    expect(key.curation).toEqual({ tags: [], starred: false, readAt: null, note: null, collections: ['ok'] });
    expect(key.warnings).toEqual([
      'gleaner version 7 is newer than this Gleaner reads (1); known values were used',
      'gleaner.starred is not true or false; treated as false',
      'gleaner.read_at "2025-02-30" is not a real date; treated as unread',
      'gleaner.note is not text; ignored',
      'gleaner.tags is not a list; ignored',
      'gleaner.collections holds a value that is not text; it was skipped',
    ]);
    expect(readGleanerKey({ gleaner: ['not', 'a', 'table'] })!.warnings).toEqual(['gleaner is not a table of curation values; ignored']);
  });

  it('removes duplicate names without regard to case, as the library does', () => {
    expect(readGleanerKey({ gleaner: { tags: ['AI', 'ai', ' Ai '] } })!.curation.tags).toEqual(['AI']);
  });
});
