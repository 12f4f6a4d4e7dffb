/** The bundled sample library: imports cleanly and is what samples/README.md says it is. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Db } from '../../../electron/library/db/connection.js';
import { importFolders } from '../../../electron/library/import/importer.js';
import { search } from '../../../electron/library/query/search.js';
import type { ImportReport } from '../../../shared/types.js';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'samples');
const ARTICLES = join(SAMPLES, 'articles');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

let db: Db;
let report: ImportReport;
beforeAll(async () => {
  db = openLibrary(':memory:');
  report = await importFolders(db, [ARTICLES]);
});
afterAll(() => db.close());

describe('samples', () => {
  it('import cleanly: 30 to 40 articles, no failures, warnings or duplicates', () => {
    expect(report.added).toBeGreaterThanOrEqual(30);
    expect(report.added).toBeLessThanOrEqual(40);
    expect(report.failed + report.skipped + report.warnings).toBe(0);
    expect(report.duplicates).toEqual([]);
  });

  it('spread over several sources, about eighteen months, with tags, a draft and Markdown notes', async () => {
    const page = await search(db, { query: '', limit: 500, facets: true });
    expect(page.facets!.sources.length).toBeGreaterThanOrEqual(5);
    expect(page.facets!.months.length).toBeGreaterThanOrEqual(15);
    expect(page.facets!.tags.length).toBeGreaterThanOrEqual(10);
    expect(page.items.filter((i) => i.draft)).toHaveLength(1);
    const files = walk(ARTICLES);
    expect(files.filter((f) => f.endsWith('.md')).length).toBeGreaterThanOrEqual(3);
    for (const md of files.filter((f) => f.endsWith('.md'))) expect(readFileSync(md, 'utf8').startsWith('---\n')).toBe(true);
    for (const txt of files.filter((f) => f.endsWith('.txt'))) {
      expect(txt).toMatch(/[/\\]\d{4}[/\\]\d{2}[/\\]\d+-[a-z0-9-]+\.txt$/);
      const text = readFileSync(txt, 'utf8');
      for (const key of [
        'title',
        'date',
        'draft',
        'summary',
        'description',
        'source_link',
        'enclosure',
        'article_id',
        'feed_item_id',
        'url',
        'qrcode',
        'source',
      ]) {
        expect(text, `${txt}: ${key}`).toMatch(new RegExp(`^${key} = `, 'm'));
      }
    }
  });

  it('link only to hosts reserved for examples', () => {
    const hosts = new Set<string>();
    for (const file of walk(SAMPLES)) {
      for (const [, host] of readFileSync(file, 'utf8').matchAll(/[a-z][a-z0-9+.-]*:\/\/([^/\s"'<>)]+)/gi)) hosts.add(host!.toLowerCase());
    }
    expect(hosts.size).toBeGreaterThan(3);
    for (const host of hosts) expect(host, host).toMatch(/(^|\.)(example\.com|example\.org)$|\.invalid$/);
  });

  it('say they are fictional and licensed with the project', () => {
    const readme = readFileSync(join(SAMPLES, 'README.md'), 'utf8');
    expect(readme).toMatch(/fictional/i);
    expect(readme).toMatch(/licensed with the project/i);
  });
});
