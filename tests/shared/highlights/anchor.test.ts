import { describe, expect, it } from 'vitest';
import { locate, quoteAt } from '../../../shared/highlights/anchor.js';

const TEXT =
  'The minister opened the session. The budget for schools rises by four percent next year, ' +
  'the statement said. Opposition members asked where the money comes from. ' +
  'The budget for schools rises by four percent, the minister repeated later.';

const passage = (text: string, quote: string, from = 0) => {
  const start = text.indexOf(quote, from);
  return quoteAt(text, start, start + quote.length);
};

describe('quoteAt', () => {
  it('keeps the quote with 32 characters of context each side, clipped at the ends', () => {
    expect(quoteAt('abcdef', 2, 4)).toEqual({ exact: 'cd', prefix: 'ab', suffix: 'ef', start: 2, end: 4 });
    const anchor = passage(TEXT, 'Opposition members');
    expect(anchor.prefix).toBe(TEXT.slice(anchor.start - 32, anchor.start));
    expect(anchor.suffix).toBe(' asked where the money comes fro'); // 32 characters
    expect(quoteAt('abc', 5, -1)).toEqual({ exact: 'abc', prefix: '', suffix: '', start: 0, end: 3 });
  });
});

describe('locate', () => {
  it('finds an unchanged quote where it was', () => {
    const anchor = passage(TEXT, 'asked where the money comes from');
    expect(locate(TEXT, anchor)).toEqual({ start: anchor.start, end: anchor.end });
  });

  it('tells repeated quotes apart by their context, then by position', () => {
    const second = passage(TEXT, 'The budget for schools rises by four percent', 60);
    expect(second.start).toBeGreaterThan(100);
    const moved = `An added first sentence. ${TEXT}`;
    expect(locate(moved, second)).toEqual({ start: second.start + 25, end: second.end + 25 });
    const first = passage(TEXT, 'The budget for schools rises by four percent');
    expect(locate(moved, first)).toEqual({ start: first.start + 25, end: first.end + 25 });
    // No context at all: the nearer occurrence wins.
    expect(locate(TEXT, { ...second, prefix: '', suffix: '' })).toEqual({ start: second.start, end: second.end });
    expect(locate(TEXT, { ...second, prefix: '', suffix: '', start: 0, end: 10 })).toEqual({ start: first.start, end: first.end });
  });

  it('places a quote with a word changed inside it', () => {
    const anchor = passage(TEXT, 'Opposition members asked where the money comes from');
    const edited = TEXT.replace('asked where', 'wondered where');
    const place = locate(edited, anchor)!;
    expect(edited.slice(place.start, place.end)).toBe('Opposition members wondered where the money comes from');
  });

  it('gives up on a passage that is gone, and on a short quote that would need a guess', () => {
    const anchor = passage(TEXT, 'Opposition members asked where the money comes from');
    expect(locate(TEXT.replace('Opposition members asked where the money comes from.', ''), anchor)).toBeNull();
    expect(locate('the minister repeated', { exact: 'money', prefix: '', suffix: '', start: 0, end: 5 })).toBeNull();
    expect(locate(TEXT, { exact: '', prefix: '', suffix: '', start: 0, end: 0 })).toBeNull();
  });

  it('counts in UTF-16 code units, as JavaScript strings and the DOM do', () => {
    const text = 'Emoji 😀 before the quote here.';
    const anchor = passage(text, 'the quote');
    expect(anchor.start).toBe(text.indexOf('the quote'));
    expect(locate(`x${text}`, anchor)).toEqual({ start: anchor.start + 1, end: anchor.end + 1 });
  });
});
