import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleDetail, FolderInfo, LibraryStats, SearchPage } from '../../../shared/types.js';
import { writeTree } from '../../helpers/articles.js';
import { cli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';

async function library(): Promise<{ folder: string; db: string }> {
  const folder = join(tempDir(), 'rust-site', 'content');
  writeTree(folder, {
    'edition.md': '+++\ntitle = "The edition"\ndate = 2024-02-03\nauthors = ["Mara Bos and Niko Matsakis"]\n+++\nSome words about the edition.\n',
    'news.de.md': '---\ntitle: Nachrichten\nauthor: Jörg Weber\nsource: Heise\n---\nText.\n',
  });
  const db = join(tempDir(), 'lib.db');
  await cli('import', folder, '--db', db);
  return { folder, db };
}

describe('gleaner CLI: authors, languages and folder sources', () => {
  it('list and show print authors; --json carries authors, lang, excerpt, reading time and source origin', async () => {
    const { db } = await library();
    const listed = await cli('list', 'author:mara', '--db', db);
    expect(listed.stdout).toMatch(/2024-02-03 {2}rust-site +The edition {2}— Mara Bos, Niko Matsakis/);
    const page = JSON.parse((await cli('list', 'lang:de', '--db', db, '--json')).stdout) as SearchPage;
    expect(page.items).toMatchObject([{ title: 'Nachrichten', authors: ['Jörg Weber'], lang: 'de', excerpt: 'Text.' }]);
    expect(page.facets).toMatchObject({ authors: [{ value: 'Jörg Weber', count: 1 }], languages: [{ value: 'de', count: 1 }] });

    const id = JSON.parse((await cli('list', 'author:niko', '--db', db, '--json')).stdout).items[0].id as number;
    const shown = await cli('show', String(id), '--db', db);
    expect(shown.stdout).toMatch(/^Authors +Mara Bos, Niko Matsakis$/m);
    expect(shown.stdout).toMatch(/^Source +rust-site \(name of the folder\)$/m);
    expect(shown.stdout).toMatch(/^Reading time +1 min$/m);
    const detail = JSON.parse((await cli('show', String(id), '--db', db, '--json')).stdout) as ArticleDetail;
    expect(detail).toMatchObject({ authors: ['Mara Bos', 'Niko Matsakis'], lang: null, readingMinutes: 1, sourceOrigin: 'folder' });

    const stats = JSON.parse((await cli('stats', '--db', db, '--json')).stdout) as LibraryStats;
    expect(stats).toMatchObject({ authors: 3, languages: 1, sources: 2 });
    expect((await cli('stats', '--db', db)).stdout).toMatch(/^Authors +3\nLanguages +1$/m);
  });

  it('folder list shows each folder and its source; folder source renames it and --reset goes back', async () => {
    const { folder, db } = await library();
    const folders = JSON.parse((await cli('folder', 'list', '--db', db, '--json')).stdout) as FolderInfo[];
    expect(folders).toMatchObject([{ sourceLabel: 'rust-site', sourceLabelCustom: false, articleCount: 2 }]);
    expect((await cli('folder', 'list', '--db', db)).stdout).toMatch(/2 articles {2}.*content {2}source "rust-site"$/m);

    const renamed = await cli('folder', 'source', folder, 'Rust', 'Site', '--db', db);
    expect(renamed).toMatchObject({ code: 0, stdout: `Articles of ${folders[0]!.path} that name no source now show "Rust Site".\n` });
    expect((await cli('list', 'source:"Rust Site"', '--db', db)).stdout).toMatch(/^1 article match/);
    expect((await cli('list', 'source:heise', '--db', db)).stdout).toMatch(/^1 article match/);

    const reset = await cli('folder', 'source', String(folders[0]!.id), '--reset', '--db', db);
    expect(reset.stdout).toBe(`Articles of ${folders[0]!.path} that name no source are back to "rust-site".\n`);
  });

  it('exits 2 with one line for a bad folder command', async () => {
    const { db } = await library();
    for (const argv of [
      ['folder', '--db', db],
      ['folder', 'source', '1', '--db', db],
      ['folder', 'source', '1', 'Label', '--reset', '--db', db],
      ['folder', 'source', '42', 'Label', '--db', db],
      ['folder', 'source', join(tempDir(), 'nowhere'), 'Label', '--db', db],
    ]) {
      const { code, stderr } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
  });
});
