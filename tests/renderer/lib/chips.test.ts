import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../shared/query/parse.js';
import { chipsOf } from '../../../renderer/src/lib/chips.js';

const chips = (text: string) => chipsOf(text, parseQuery(text, { typing: true })).map((c) => ({ text: c.text, typing: c.typing }));

describe('chips while typing', () => {
  it('marks the word being typed, and only it, as a prefix', () => {
    expect(chips('open collec')).toEqual([
      { text: 'open', typing: false },
      { text: 'collec', typing: true },
    ]);
    expect(chips('-collec')).toEqual([{ text: '-collec', typing: true }]);
  });

  it('does not mark a word that has ended or an explicit prefix', () => {
    expect(chips('collec ')).toEqual([{ text: 'collec', typing: false }]);
    expect(chips('gov*')).toEqual([{ text: 'gov*', typing: false }]);
  });
});
