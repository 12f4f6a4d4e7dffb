import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Db } from '../../../../electron/library/db/connection.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { search } from '../../../../electron/library/query/search.js';
import { writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

let db: Db;

beforeAll(async () => {
  const root = join(tempDir('gleaner-authors-'), 'rust-site', 'content');
  writeTree(root, {
    'a.md': '+++\ntitle = "Async in 2024"\nauthors = ["Niko Matsakis and Tyler Mandry"]\ndate = 2024-01-02\n+++\nAsync closures.\n',
    'b.md': '+++\ntitle = "Edition"\nauthors = ["Mara Bos"]\ndate = 2024-02-03\n+++\nThe edition.\n',
    'c.pt-br.md': '---\ntitle: Notícias\nauthor: Ana Souza\ndate: 2024-03-04\n---\nTexto.\n',
    'd.pt.md': '---\ntitle: Noticias PT\nauthor: "Niko Matsakis"\n---\nTexto.\n',
    'e.de.md': '---\ntitle: Nachrichten\nauthor: Jörg Weber\n---\nText.\n',
    'f.md': '---\ntitle: Nobody\n---\nNo author, no language.\n',
  });
  db = openLibrary(join(tempDir(), 'lib.db'));
  await importFolders(db, [root]);
});

const titles = (query: string) => search(db, { query, sort: 'title' }).items.map((i) => i.title);

describe('author: and lang: filters', () => {
  it('author: matches a part of any author name, ignoring case', () => {
    expect(titles('author:niko')).toEqual(['Async in 2024', 'Noticias PT']);
    expect(titles('author:"tyler mandry"')).toEqual(['Async in 2024']);
    expect(titles('author:bos')).toEqual(['Edition']);
    expect(titles('author:nobody')).toEqual([]);
  });

  it('-author: keeps articles without that author, including those with no author', () => {
    expect(titles('-author:niko')).toEqual(['Edition', 'Nachrichten', 'Nobody', 'Notícias']);
  });

  it('author: treats % and _ as plain characters', () => {
    expect(titles('author:%')).toEqual([]);
  });

  it('lang: matches the code and its regional variants, not the other way round', () => {
    expect(titles('lang:pt')).toEqual(['Noticias PT', 'Notícias']);
    expect(titles('lang:pt-br')).toEqual(['Notícias']);
    expect(titles('lang:DE')).toEqual(['Nachrichten']);
    expect(titles('-lang:pt')).toEqual(['Async in 2024', 'Edition', 'Nachrichten', 'Nobody']);
  });

  it('combines with text and other filters', () => {
    expect(titles('texto author:ana lang:pt')).toEqual(['Notícias']);
    expect(titles('author:niko OR lang:de')).toEqual(['Async in 2024', 'Nachrichten', 'Noticias PT']);
  });
});

describe('list items and facets', () => {
  it('list items carry authors in file order, the language and an excerpt', () => {
    const item = search(db, { query: 'author:tyler' }).items[0]!;
    expect(item).toMatchObject({ authors: ['Niko Matsakis', 'Tyler Mandry'], lang: null, excerpt: 'Async closures.', summary: null });
    expect(search(db, { query: 'lang:de' }).items[0]).toMatchObject({ authors: ['Jörg Weber'], lang: 'de' });
  });

  it('counts authors and languages over the matches, largest first', () => {
    const facets = search(db, { query: '', facets: true }).facets!;
    expect(facets.authors).toEqual([
      { value: 'Niko Matsakis', count: 2 },
      { value: 'Ana Souza', count: 1 },
      { value: 'Jörg Weber', count: 1 },
      { value: 'Mara Bos', count: 1 },
      { value: 'Tyler Mandry', count: 1 },
    ]);
    expect(facets.languages).toEqual([
      { value: 'de', count: 1 },
      { value: 'pt', count: 1 },
      { value: 'pt-br', count: 1 },
    ]);
    // Files that name no source take the site's folder name ("content" says nothing).
    expect(facets.sources).toEqual([{ value: 'rust-site', count: 6 }]);
    const filtered = search(db, { query: 'lang:pt', facets: true }).facets!;
    expect(filtered.authors.map((a) => a.value)).toEqual(['Ana Souza', 'Niko Matsakis']);
  });
});
