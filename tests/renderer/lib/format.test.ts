import { describe, expect, it } from 'vitest';
import { formatAuthors, formatDateTime, formatReadingTime, languageName } from '../../../renderer/src/lib/format';

describe('authors', () => {
  it('names every author in the header, in English list style', () => {
    expect(formatAuthors(['Ann'])).toBe('Ann');
    expect(formatAuthors(['Ann', 'Bo'])).toBe('Ann and Bo');
    expect(formatAuthors(['Ann', 'Bo', 'Cy'])).toBe('Ann, Bo, and Cy');
  });
});

describe('languageName', () => {
  it('shows language names in English, regional ones too', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('zh')).toBe('Chinese');
    expect(languageName('pt-br')).toBe('Brazilian Portuguese');
  });

  it('keeps a code it cannot name as it is, and never throws on a malformed one', () => {
    expect(languageName('qaa')).toBe('qaa');
    expect(languageName('not a tag')).toBe('not a tag');
  });
});

describe('formatReadingTime', () => {
  it('says nothing for an empty body', () => {
    expect(formatReadingTime(0)).toBe('');
    expect(formatReadingTime(1)).toBe('1 min read');
    expect(formatReadingTime(12)).toBe('12 min read');
  });
});

describe('formatDateTime', () => {
  it('shows a day-only date as the day, without inventing midnight', () => {
    const day = formatDateTime('2024-03-01T00:00:00.000Z');
    expect(day).toContain('2024');
    expect(day).not.toMatch(/12:00|00:00|UTC/);
  });

  it('keeps the time of day, in UTC, when the file gives one', () => {
    const timed = formatDateTime('2024-03-01T14:05:00.000Z');
    expect(timed).toMatch(/2:05|14:05/);
    expect(timed).toMatch(/UTC$/);
  });
});
