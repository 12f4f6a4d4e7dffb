/**
 * Issue 11's acceptance test: the four shared corpora (2,331 real files) imported as a new
 * user would, and the browsing facets they should give. Expected values are counted here
 * from the files themselves, independently of the importer's parsing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../../electron/library/service.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import type { Facets, ImportReport } from '../../../../shared/types.js';
import { CORPORA as SHARED_CORPORA, corporaDir, describeNeeding } from '../../../helpers/requirements.js';
import { tempDir } from '../../../helpers/tmp.js';

const CORPORA = ['rust-blog', 'nodejs-blog', 'redox-website', 'opentelemetry-blog'];
const NODE_AUTHOR = 'Rafael Gonzaga';

let service: LibraryService;
let report: ImportReport;
let facets: Facets;
let emptyFolder: string;

/** Every `.md` file under a folder, with its YAML front matter block as text. */
function yamlFrontMatters(dir: string): { path: string; frontMatter: string }[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => {
      const path = join(e.parentPath, e.name);
      const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'));
      return { path, frontMatter: m?.[1] ?? '' };
    });
}

/** The one-line value of a top-level YAML key, quotes removed (Node.js blog files write them so). */
const yamlLine = (frontMatter: string, key: string): string | null =>
  new RegExp(`^${key}:\\s*['"]?(.*?)['"]?\\s*$`, 'm').exec(frontMatter)?.[1] ?? null;

describeNeeding([SHARED_CORPORA], 'the four shared corpora', () => {
  beforeAll(async () => {
    emptyFolder = tempDir('gleaner-empty-');
    writeFileSync(join(emptyFolder, 'empty.md'), '');
    writeFileSync(join(emptyFolder, 'blank.txt'), ' \n\t\n  \n');
    writeFileSync(join(emptyFolder, 'real.md'), '# A real one\n\nText.\n');
    service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
    report = await importFolders(service.db, [...CORPORA.map((c) => join(corporaDir(), c, 'articles')), emptyFolder]);
    facets = (await service.api.articles.search({ query: '', facets: true, limit: 1 })).facets!;
    const stats = await service.api.library.stats({});
    // The figures the closing note asks for.
    console.log(
      `real corpora: ${stats.articles} articles; facets: authors ${facets.authors.length}, sources ${facets.sources.length}, ` +
        `languages ${facets.languages.length}, tags ${facets.tags.length}; stats: ${stats.authors} authors, ${stats.languages} languages, ` +
        `${stats.sources} sources; import ${report.durationMs} ms`,
    );
  }, 300_000);

  it('import every file, with no failure', () => {
    expect(report.failed).toBe(0);
    expect(report.added).toBe(2331 + 1);
  });

  it('give at least 100 authors, 5 sources, 15 languages and 10 tags', () => {
    expect(facets.authors.length).toBeGreaterThanOrEqual(100);
    expect(facets.sources.length).toBeGreaterThanOrEqual(5);
    expect(facets.languages.length).toBeGreaterThanOrEqual(15);
    expect(facets.tags.length).toBeGreaterThanOrEqual(10);
  });

  it('give each site a source named after its folder when its files name none', () => {
    const sources = new Map(facets.sources.map((s) => [s.value, s.count]));
    expect(sources.get('rust-blog')).toBe(755);
    expect(sources.get('nodejs-blog')).toBe(1043 - 1); // one file names its original (`canonical: https://openjsf.org/…`)
    expect(sources.get('openjsf.org')).toBe(1);
    expect(sources.get('redox-website')).toBe(269);
    // Cross-posts name where they first appeared (`canonical_url`), the rest take the folder's name.
    expect(sources.get('medium.com')).toBeGreaterThanOrEqual(10);
    expect((sources.get('opentelemetry-blog') ?? 0) + 39).toBe(264);
  });

  it(`finds all of ${NODE_AUTHOR}'s Node.js posts with author:`, async () => {
    const dir = join(corporaDir(), 'nodejs-blog', 'articles');
    const expected = yamlFrontMatters(dir)
      .filter((f) => yamlLine(f.frontMatter, 'author')?.includes(NODE_AUTHOR))
      .map((f) => relative(dir, f.path))
      .sort();
    expect(expected.length).toBeGreaterThan(80);
    const page = await service.api.articles.search({ query: `author:"${NODE_AUTHOR}"`, limit: 500 });
    expect(page.total).toBe(expected.length);
    const found = await Promise.all(page.items.map((i) => service.api.articles.get({ id: i.id })));
    expect(found.map((a) => a.relPath).sort()).toEqual(expected);
    expect(found.every((a) => a.authors.includes(NODE_AUTHOR))).toBe(true);
    // A shared byline (`Rafael Gonzaga & Marco Ippolito`) names both people.
    expect(found.some((a) => a.authors.join('|') === `${NODE_AUTHOR}|Marco Ippolito`)).toBe(true);
  });

  it('turn every Node.js category into a tag on its articles', () => {
    const counts = new Map<string, number>();
    for (const f of yamlFrontMatters(join(corporaDir(), 'nodejs-blog', 'articles'))) {
      const category = yamlLine(f.frontMatter, 'category');
      if (category) counts.set(category, (counts.get(category) ?? 0) + 1);
    }
    expect(counts.size).toBe(12);
    const tags = new Map(facets.tags.map((t) => [t.value, t.count]));
    for (const [category, count] of counts) expect([category, tags.get(category)]).toEqual([category, count]);
  });

  it('read the Redox languages from file names, with jp and cz as Japanese and Czech', () => {
    const languages = new Map(facets.languages.map((l) => [l.value, l.count]));
    expect(languages.get('ja')).toBe(5);
    expect(languages.get('cs')).toBe(5);
    expect(languages.get('zh')).toBe(6);
    expect(languages.has('jp')).toBe(false);
  });

  it('skip empty and blank files with a reason, never as articles', async () => {
    const entries = report.files.filter((f) => f.folder === emptyFolder || f.folder.endsWith(emptyFolder.split('/').pop()!));
    expect(entries.map((f) => [f.path, f.status, f.reason]).sort()).toEqual([
      ['blank.txt', 'skipped', 'file holds only blank space'],
      ['empty.md', 'skipped', 'empty file'],
    ]); // real.md was added: counted, not listed (the report lists only files to act on)
    const titles = (await service.api.articles.search({ query: 'folder:gleaner-empty-', limit: 10 })).items.map((i) => i.title);
    expect(titles).toEqual(['A real one']);
  });
});
