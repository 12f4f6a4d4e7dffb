import TOML from '@iarna/toml';
import { afterEach, describe, expect, it } from 'vitest';
import { dateFromPath, normalizeDate, parseDateString } from '../../../../electron/library/article/dates.js';

describe('parseDateString', () => {
  it.each([
    ['2025-07-29T14:15:29Z', '2025-07-29T14:15:29.000Z'],
    ['2014-07-31T19:00:00.000Z', '2014-07-31T19:00:00.000Z'],
    ['2022-07-18T04:35:30.295Z', '2022-07-18T04:35:30.295Z'],
    ['2019-07-22T20:28:47+02:00', '2019-07-22T18:28:47.000Z'],
    ['2025-03-17T10:00:00-04:00', '2025-03-17T14:00:00.000Z'],
    ['2017-10-30T19:58:39+01:00', '2017-10-30T18:58:39.000Z'],
    ['2017-10-30 19:58:39 +0000', '2017-10-30T19:58:39.000Z'],
    ['2017-10-30 19:58:39 +0530', '2017-10-30T14:28:39.000Z'],
    ['2017-07-08 16:52:23-07:00', '2017-07-08T23:52:23.000Z'],
    ['2017-10-30 19:58:39', '2017-10-30T19:58:39.000Z'],
    ['2017-10-30T19:58', '2017-10-30T19:58:00.000Z'],
    ['2019-11-07', '2019-11-07T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['1979-05-27T00:32:00.999999-07:00', '1979-05-27T07:32:00.999Z'],
    ['  2019-11-07  ', '2019-11-07T00:00:00.000Z'],
    ['0099-01-01', '0099-01-01T00:00:00.000Z'],
    ['Tue, 29 Jul 2025 14:15:29 +0000', '2025-07-29T14:15:29.000Z'],
    ['29 Jul 2025 14:15:29 GMT', '2025-07-29T14:15:29.000Z'],
    ['Tue, 29 Jul 2025 16:15 +0200', '2025-07-29T14:15:00.000Z'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseDateString(input)).toEqual({ iso: expected, warning: null });
  });

  it.each([
    '2025-02-30',
    '2025-13-01',
    '2023-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-00-10',
    '2025-01-00',
    '2025-01-01T24:00:00Z',
    '2025-01-01T10:60:00Z',
    '2025-01-01T10:00:61Z',
    '2025-01-01T10:00:00+25:00',
    '31 Feb 2025 10:00:00 +0000',
  ])('refuses the impossible %j instead of rolling it over', (input) => {
    expect(parseDateString(input)).toEqual({ iso: null, warning: `"${input}" is not a real date` });
  });

  it.each(['next Tuesday', '07/29/2025', '2025-7-29', '', 'Tue, 29 Jul 2025 14:15:29 EST'])('says it cannot read %j', (input) => {
    const result = parseDateString(input);
    expect(result.iso).toBeNull();
    expect(result.warning).toContain('is not a date format Gleaner can read');
  });
});

describe('normalizeDate', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it('reads the four TOML datetime kinds @iarna/toml returns', () => {
    const data = TOML.parse(
      'offset = 1979-05-27T00:32:00-07:00\nlocal_dt = 1979-05-27T07:32:00\nlocal_d = 1979-05-27\nmillis = 1979-05-27T07:32:00.5Z\n',
    );
    expect(normalizeDate(data['offset'])).toEqual({ iso: '1979-05-27T07:32:00.000Z', warning: null });
    // Zone-less values are taken as UTC, the rule for strings too.
    expect(normalizeDate(data['local_dt'])).toEqual({ iso: '1979-05-27T07:32:00.000Z', warning: null });
    expect(normalizeDate(data['local_d'])).toEqual({ iso: '1979-05-27T00:00:00.000Z', warning: null });
    expect(normalizeDate(data['millis'])).toEqual({ iso: '1979-05-27T07:32:00.500Z', warning: null });
  });

  it('gives the same answer whatever the machine time zone is', () => {
    for (const tz of ['America/Los_Angeles', 'Asia/Tokyo', 'UTC']) {
      process.env.TZ = tz;
      const data = TOML.parse('d = 2019-11-07\nt = 2019-11-07T23:30:00\n');
      expect(normalizeDate(data['d']).iso).toBe('2019-11-07T00:00:00.000Z');
      expect(normalizeDate(data['t']).iso).toBe('2019-11-07T23:30:00.000Z');
      expect(normalizeDate('2019-11-07 23:30:00').iso).toBe('2019-11-07T23:30:00.000Z');
    }
  });

  it('refuses a TOML time of day, non-dates and invalid Date objects', () => {
    expect(normalizeDate(TOML.parse('t = 07:32:00')['t']).iso).toBeNull();
    expect(normalizeDate(new Date(Number.NaN))).toEqual({ iso: null, warning: 'is not a real date' });
    expect(normalizeDate(20190101)).toEqual({ iso: null, warning: 'is a number, not a date' });
    expect(normalizeDate(['2019-01-01'])).toEqual({ iso: null, warning: 'is a list, not a date' });
    expect(normalizeDate(null)).toEqual({ iso: null, warning: 'is a null, not a date' });
  });

  it('accepts a JS Date as the exact instant', () => {
    expect(normalizeDate(new Date(Date.UTC(2026, 0, 13, 17, 0, 0, 123)))).toEqual({ iso: '2026-01-13T17:00:00.123Z', warning: null });
  });

  it('passes strings to the strict reader', () => {
    expect(normalizeDate('2025-02-30')).toEqual({ iso: null, warning: '"2025-02-30" is not a real date' });
  });
});

describe('dateFromPath', () => {
  it.each([
    ['2019/11/07/slug.md', '2019-11-07T00:00:00.000Z'],
    ['2019/11/07/Async-await-stable', '2019-11-07T00:00:00.000Z'],
    ['posts/2019/11/07/slug/index.md', '2019-11-07T00:00:00.000Z'],
    ['inside-rust/2024/09/02/all-hands', '2024-09-02T00:00:00.000Z'],
    ['2019-11-07-slug.md', '2019-11-07T00:00:00.000Z'],
    ['blog/2019-11-07-slug.md', '2019-11-07T00:00:00.000Z'],
    ['2026/03/26/1.94.1-release', '2026-03-26T00:00:00.000Z'],
    ['blog\\2019\\11\\07\\slug.md', '2019-11-07T00:00:00.000Z'],
    ['2019-11-07.md', '2019-11-07T00:00:00.000Z'],
  ])('finds the date in %s', (path, expected) => {
    expect(dateFromPath(path)).toBe(expected);
  });

  it.each([
    '1.94.1-release.md',
    'posts/slug.md',
    '2019/11/slug.md',
    '2025/02/30/slug.md',
    '2019-13-07-slug.md',
    'x2019-11-07-slug.md',
    '20191107-slug.md',
    '2019/11/077/x',
  ])('finds no date in %s', (path) => {
    expect(dateFromPath(path)).toBeNull();
  });
});
