import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../shared/query/parse.js';
import {
  clearTagFilter,
  renameTagInQuery,
  setTagFilter,
  tagFilterMode,
  tagFilterModes,
  toggleTagFilter,
} from '../../../renderer/src/lib/tagFilters.js';

const modes = (q: string) => Object.fromEntries(tagFilterModes(parseQuery(q)));

describe('tagFilterModes', () => {
  it('tells all of, any of and none of apart at the top level', () => {
    expect(modes('solar tag:a tag:b OR tag:c -tag:d')).toEqual({ a: 'all', b: 'any', c: 'any', d: 'none' });
  });
  it('ignores tags inside groups that mix in other terms, and broken queries', () => {
    expect(modes('tag:a OR solar')).toEqual({});
    expect(modes('-(tag:a tag:b)')).toEqual({});
    expect(modes('tag:"unclosed')).toEqual({});
  });
  it('compares names without case', () => {
    expect(tagFilterMode(parseQuery('tag:Policy'), 'policy')).toBe('all');
    expect(tagFilterMode(parseQuery('tag:policy'), 'energy')).toBeNull();
  });
});

describe('setTagFilter', () => {
  it('adds all of, none of and quotes names that need it', () => {
    expect(setTagFilter('solar', 'policy/uk', 'all')).toBe('solar tag:policy/uk');
    expect(setTagFilter('solar', 'open data', 'none')).toBe('solar -tag:"open data"');
    expect(setTagFilter('', 'ai', 'none')).toBe('-tag:ai');
  });
  it('switches a tag from one mode to another without leaving the old one behind', () => {
    expect(setTagFilter('tag:ai solar', 'ai', 'none')).toBe('solar -tag:ai');
    expect(setTagFilter('solar -tag:ai', 'ai', 'all')).toBe('solar tag:ai');
    expect(setTagFilter('tag:a OR tag:ai', 'ai', 'none')).toBe('tag:a -tag:ai');
  });
  it('any of joins the group, or pairs with the last all-of tag, or stands alone', () => {
    expect(setTagFilter('tag:a OR tag:b solar', 'c', 'any')).toBe('tag:a OR tag:b OR tag:c solar');
    expect(setTagFilter('(tag:a OR tag:b) solar', 'c', 'any')).toBe('(tag:a OR tag:b OR tag:c) solar');
    expect(setTagFilter('tag:x solar tag:y', 'c', 'any')).toBe('tag:x solar tag:y OR tag:c');
    expect(setTagFilter('solar', 'c', 'any')).toBe('solar tag:c');
    // The result reads back as the modes the sidebar shows.
    expect(modes(setTagFilter('tag:x solar tag:y', 'c', 'any'))).toEqual({ x: 'all', y: 'any', c: 'any' });
  });
  it('null takes the tag out in whatever form it had', () => {
    expect(setTagFilter('tag:a OR tag:b OR tag:c', 'b', null)).toBe('tag:a OR tag:c');
    expect(clearTagFilter('solar -tag:b tag:b', 'b')).toBe('solar');
    expect(clearTagFilter('tag:a OR solar', 'a')).toBe('tag:a OR solar');
  });
});

describe('toggleTagFilter', () => {
  it('filters by a tag, and takes any filter on it out again', () => {
    expect(toggleTagFilter('solar', parseQuery('solar'), 'ai')).toBe('solar tag:ai');
    expect(toggleTagFilter('solar tag:ai', parseQuery('solar tag:ai'), 'ai')).toBe('solar');
    expect(toggleTagFilter('solar -tag:ai', parseQuery('solar -tag:ai'), 'ai')).toBe('solar');
  });
});

describe('renameTagInQuery', () => {
  it('moves filters on the old name, with children for a rename, wherever they are', () => {
    expect(renameTagInQuery('budget tag:policy -tag:Policy/uk (tag:ai OR tag:policy/eu) source:x', 'policy', 'gov', true)).toBe(
      'budget tag:gov -tag:gov/uk (tag:ai OR tag:gov/eu) source:x',
    );
    expect(renameTagInQuery('tag:policy tag:policy/uk', 'policy', 'gov', false)).toBe('tag:gov tag:policy/uk');
  });

  it('quotes a new name that needs it and leaves other text alone', () => {
    expect(renameTagInQuery('"tag:policy" tag:policy', 'policy', 'public policy', true)).toBe('"tag:policy" tag:"public policy"');
    expect(renameTagInQuery('tag:policyx tag:ai', 'policy', 'gov', true)).toBe('tag:policyx tag:ai');
    expect(renameTagInQuery('tag:(', 'policy', 'gov', true)).toBe('tag:(');
  });
});
