import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/library/db/connection.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { MAX_BOOK_CREATORS } from '../../../../electron/library/export/formats/epubParts.js';
import { writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';
import { allIds, libraryFrom, suiteDir, zipEntries } from './helpers.js';

let db: Db;
let ids: Record<string, number>;

beforeAll(async () => {
  const dir = suiteDir('gleaner-authors-export-');
  writeTree(dir, {
    'one.de.md': '---\ntitle: Eins\nauthor: Anna Schmidt & Jörg Weber\n---\nErster Text.\n',
    'two.de.md': '---\ntitle: Zwei\nauthor: Anna Schmidt\n---\nZweiter Text.\n',
    'three.md': '+++\ntitle = "Three"\nauthors = ["Mara Bos"]\n+++\nEnglish text.\n',
    ...Object.fromEntries(
      Array.from({ length: MAX_BOOK_CREATORS + 1 }, (_, i) => [`many/${i}.md`, `---\ntitle: Many ${i}\nauthor: Person ${i}\n---\nx\n`]),
    ),
  });
  db = await libraryFrom([dir]);
  ids = Object.fromEntries((db.prepare('SELECT title, id FROM articles').raw().all() as [string, number][]).map(([t, id]) => [t, id]));
});

const epub = async (articleIds: number[]) => {
  const file = join(tempDir(), 'book.epub');
  await exportArticles(db, { ids: articleIds, format: 'epub', out: file });
  const entries = zipEntries(readFileSync(file));
  const text = (name: string) =>
    entries
      .find((e) => e.name === name)!
      .data()
      .toString('utf8');
  return { opf: text('OEBPS/content.opf'), chapter: (n: number) => text(`OEBPS/text/c${String(n).padStart(5, '0')}.xhtml`) };
};

describe('exports carry authors and languages', () => {
  it('EPUB: the book credits its authors and shared language; each chapter has its own language', async () => {
    const german = await epub([ids['Eins']!, ids['Zwei']!]);
    expect(german.opf).toContain(
      '<dc:language>de</dc:language>\n    <dc:creator>Anna Schmidt</dc:creator>\n    <dc:creator>Jörg Weber</dc:creator>\n',
    );
    expect(german.chapter(1)).toContain('xml:lang="de" lang="de"');
    expect(german.chapter(1)).toContain('<dt>Authors</dt><dd>Anna Schmidt, Jörg Weber</dd>');
    expect(german.chapter(2)).toContain('<dt>Author</dt><dd>Anna Schmidt</dd>');

    const mixed = await epub([ids['Eins']!, ids['Three']!]);
    expect(mixed.opf).toContain('<dc:language>und</dc:language>');
    expect(mixed.chapter(2)).toContain('xml:lang="und"');
    expect(mixed.opf.match(/<dc:creator>/g)).toHaveLength(3);

    // A digest by many hands names none of them as the book's author.
    const many = await epub(allIds(db));
    expect(many.opf).not.toContain('<dc:creator>');
  });

  it('HTML digest: authors in the metadata and the language on each article', async () => {
    const file = join(tempDir(), 'digest.html');
    await exportArticles(db, { ids: [ids['Eins']!, ids['Three']!], format: 'html', out: file });
    const html = readFileSync(file, 'utf8');
    expect(html).toContain(`<article id="article-${ids['Eins']}" lang="de">`);
    expect(html).toContain(`<article id="article-${ids['Three']}">`);
    expect(html).toContain('<dt>Authors</dt><dd>Anna Schmidt, Jörg Weber</dd>');
    expect(html).toContain('<dt>Language</dt><dd>de</dd>');
    expect(html).toContain('<dt>Author</dt><dd>Mara Bos</dd>');
  });

  it("Markdown digest: authors and language in each article's metadata list", async () => {
    const file = join(tempDir(), 'digest.md');
    await exportArticles(db, { ids: [ids['Eins']!, ids['Three']!], format: 'md', out: file });
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('- **Authors:** Anna Schmidt, Jörg Weber\n');
    expect(md).toContain('- **Language:** de\n');
    expect(md).toContain('- **Author:** Mara Bos\n');
  });

  it('folder export: the file keeps its own author key, and no other is invented', async () => {
    const out = join(tempDir(), 'out');
    await exportArticles(db, { ids: [ids['Eins']!, ids['Three']!], format: 'folder', out });
    const one = readFileSync(join(out, 'one.de.md'), 'utf8');
    expect(one).toMatch(/^---\ntitle: Eins\nauthor: Anna Schmidt & Jörg Weber\n/);
    expect(one).not.toMatch(/^authors?:.*\n[\s\S]*^authors?:/m);
    const three = readFileSync(join(out, 'three.md'), 'utf8');
    expect(three).toMatch(/^\+\+\+\ntitle = "Three"\nauthors = \["Mara Bos"\]\n/);
    expect(three).not.toMatch(/^author\s*=/m);
  });
});
