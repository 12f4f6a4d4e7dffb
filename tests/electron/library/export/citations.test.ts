import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/library/db/connection.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { cslName } from '../../../../electron/library/export/formats/cslItems.js';
import { tempDir } from '../../../helpers/tmp.js';
import { toolLibrary } from './toolCorpus.js';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/csl/csl-data.schema.json'), 'utf8')) as object;

let db: Db;
let ids: number[];
let id: (file: string) => number;

beforeAll(async () => {
  ({ db, ids, id } = await toolLibrary());
});

async function exported(format: 'csl-json' | 'bibtex' | 'ris', name: string): Promise<string> {
  const out = join(tempDir(), name);
  const report = await exportArticles(db, { ids, format, out });
  expect(report).toMatchObject({ articles: ids.length, files: 1, warnings: [] });
  return readFileSync(out, 'utf8');
}

type Item = Record<string, unknown> & { title: string; URL?: string; issued?: { 'date-parts': number[][] } };
const today = () => new Date().toISOString().slice(0, 10).split('-').map(Number);

describe('CSL-JSON export', () => {
  it('validates against the CSL-JSON schema and carries type, title, authors, container, dates and url', async () => {
    const items = JSON.parse(await exported('csl-json', 'refs.json')) as Item[];
    const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);
    expect(validate(items), JSON.stringify(validate.errors)).toBe(true);
    expect(items).toHaveLength(ids.length);

    const news = items.find((i) => i.id === `gleaner-${id('news.md')}`)!;
    expect(news).toMatchObject({
      type: 'article-newspaper',
      title: 'Deal "reached" <script>alert(1)</script> & more: yes',
      author: [{ family: 'Bos', given: 'Mara' }, { literal: 'UN News' }],
      'container-title': 'IBN',
      issued: { 'date-parts': [[2025, 7, 3]] },
      URL: 'https://ibn.example/a?x=1&y=2',
      accessed: { 'date-parts': [today()] },
    });
    // Its source is only the url's host: a web page, the host as its website.
    const web = items.find((i) => i.id === `gleaner-${id('web.md')}`)!;
    expect(web).toMatchObject({ type: 'webpage', 'container-title': 'example.org', author: [{ family: 'van der Berg', given: 'Anna' }] });
    // Only the folder's name as a source: nothing to cite as a container.
    const noUrl = items.find((i) => i.id === `gleaner-${id('nourl.md')}`)!;
    expect(noUrl.type).toBe('webpage');
    expect(noUrl).not.toHaveProperty('container-title');
    expect(noUrl).not.toHaveProperty('URL');
  });

  it('splits a name only when it is clearly a person’s', () => {
    expect(cslName('Mara Bos')).toEqual({ family: 'Bos', given: 'Mara' });
    expect(cslName('Bos, Mara')).toEqual({ family: 'Bos', given: 'Mara' });
    expect(cslName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
    expect(cslName('J. R. Tolkien')).toEqual({ family: 'Tolkien', given: 'J. R.' });
    for (const whole of ['UN News', 'IBN Staff', 'Reuters', 'the editors', 'Press Office of Ministry', 'mara bos', 'A B C D E']) {
      expect(cslName(whole)).toEqual({ literal: whole });
    }
  });
});

describe('BibTeX and RIS exports', () => {
  it('BibTeX parses back (citation-js) to the same titles, urls and dates, with unique keys and escaped ampersands', async () => {
    const bib = await exported('bibtex', 'refs.bib');
    const items = new Cite(bib).data as Item[];
    expect(items.map((i) => i.title)).toEqual([
      'Deal "reached" <script>alert(1)</script> & more: yes',
      'Plain page a/b\\c #1 [x] | y',
      'No link here',
      'Same title',
      'Same title',
      '../../etc/passwd',
    ]);
    // Only web addresses are cited: a `javascript:` url is left out.
    expect(items.map((i) => i.URL ?? null)).toEqual([
      'https://ibn.example/a?x=1&y=2',
      'https://example.org/page',
      null,
      'https://e.example/1',
      'https://e.example/2',
      null,
    ]);
    expect(items.map((i) => i.issued?.['date-parts'][0] ?? null)).toEqual([
      [2025, 7, 3],
      [2025, 7, 15],
      [2025, 8, 1],
      [2025, 6, 1],
      [2025, 6, 2],
      null,
    ]);
    const keys = [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(keys).toEqual(['Bos2025Deal', 'vanderBerg2025Plain', 'No2025', 'Same2025', 'Same2025a', 'etcpasswd']);
    expect(bib).toContain('& more: yes'.replace('&', '\\&'));
    expect(bib).toContain('url = {https://ibn.example/a?x=1&y=2}');
    expect(bib).toMatch(/^@article\{Bos2025Deal,$/m);
  });

  it('RIS parses back (citation-js) to the same titles, urls, dates and authors', async () => {
    const ris = await exported('ris', 'refs.ris');
    expect(ris.split('\r\n').filter((l) => l.startsWith('TY  - '))).toEqual([
      'TY  - NEWS',
      'TY  - ELEC',
      'TY  - ELEC',
      'TY  - NEWS',
      'TY  - NEWS',
      'TY  - ELEC',
    ]);
    expect(ris).toContain('AU  - Bos, Mara\r\nAU  - UN News\r\n');
    expect(ris).toContain('DA  - 2025/07/03/\r\n');
    expect(ris).toContain('KW  - climate\r\nKW  - to read\r\nKW  - week 27\r\n');
    const items = new Cite(ris).data as Item[];
    expect(items.map((i) => i.title)).toEqual([
      'Deal "reached" <script>alert(1)</script> & more: yes',
      'Plain page a/b\\c #1 [x] | y',
      'No link here',
      'Same title',
      'Same title',
      '../../etc/passwd',
    ]);
    // Only web addresses are cited: a `javascript:` url is left out.
    expect(items.map((i) => i.URL ?? null)).toEqual([
      'https://ibn.example/a?x=1&y=2',
      'https://example.org/page',
      null,
      'https://e.example/1',
      'https://e.example/2',
      null,
    ]);
    // citation-js reads a newspaper article's year (PY) only; web pages keep the whole date (DA).
    expect(items.map((i) => i.issued?.['date-parts'][0] ?? null)).toEqual([[2025], [2025, 7, 15], [2025, 8, 1], [2025], [2025], null]);
    expect(items.map((i) => i.type)).toEqual(['article-newspaper', 'webpage', 'webpage', 'article-newspaper', 'article-newspaper', 'webpage']);
  });
});
