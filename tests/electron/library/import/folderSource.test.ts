import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveFolderSource } from '../../../../electron/library/import/folderLabel.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { createLibraryService } from '../../../../electron/library/service.js';
import { writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

describe('the source a folder gives its articles', () => {
  it.each([
    [
      'a Hugo config above the folder',
      { 'site/hugo.toml': 'title = "Hugo Site"\nbaseURL = "https://x/"\n' },
      'site/content/posts',
      'Hugo Site',
      'site-config',
    ],
    ['an older Hugo config.yaml', { 'site/config.yaml': 'title: YAML Site\n' }, 'site/content', 'YAML Site', 'site-config'],
    ['a Jekyll _config.yml at the folder', { 'jekyll/_config.yml': 'title: "Jekyll Blog"\n' }, 'jekyll', 'Jekyll Blog', 'site-config'],
    ['the nearest config wins', { 'a/hugo.toml': 'title = "Outer"\n', 'a/b/hugo.toml': 'title = "Inner"\n' }, 'a/b/content', 'Inner', 'site-config'],
    ['a config without a title: the folder name', { 'rust-blog/config.toml': 'base_url = "x"\n' }, 'rust-blog/content', 'rust-blog', 'folder'],
    ['a broken config: the folder name', { 'broken/hugo.toml': 'title = \n' }, 'broken/content', 'broken', 'folder'],
    ['generic names and language folders are passed over', {}, 'rust-blog/content/posts/en/_posts', 'rust-blog', 'folder'],
    ['a name that says something is used as it is', {}, 'my-notes', 'my-notes', 'folder'],
  ])('%s', (_what, files: Record<string, string>, folder, label, origin) => {
    const root = tempDir();
    writeTree(root, { ...files, [`${folder}/a.md`]: '# A\n' });
    expect(deriveFolderSource(join(root, folder))).toEqual({ label, origin });
  });
});

describe('folder source labels', () => {
  it('fill in the source of articles that name none; the person can rename it, re-imports keep it, reset goes back', async () => {
    const root = join(tempDir(), 'field-notes', 'content');
    writeTree(root, {
      'own.md': '---\ntitle: Own source\nsource: Reuters\n---\nx\n',
      'site.md': '---\ntitle: Publisher\npublisher: The Daily\n---\nx\n',
      'none.md': '---\ntitle: Nothing named\n---\nA word: quokka.\n',
    });
    const service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
    const api = service.api;
    await importFolders(service.db, [root]);
    const sources = async () =>
      Object.fromEntries(
        await Promise.all(
          (await api.articles.search({ query: '', sort: 'title' })).items.map(async (i) => {
            const d = await api.articles.get({ id: i.id });
            return [i.title, `${d.source} (${d.sourceOrigin})`];
          }),
        ),
      );
    expect(await sources()).toEqual({ 'Own source': 'Reuters (file)', Publisher: 'The Daily (site-field)', 'Nothing named': 'field-notes (folder)' });
    const [folder] = await api.library.folders({});
    expect(folder).toMatchObject({ sourceLabel: 'field-notes', sourceLabelCustom: false });

    const renamed = await api.library.setFolderSource({ id: folder!.id, label: '  Field Notes Weekly ' });
    expect(renamed).toMatchObject({ sourceLabel: 'Field Notes Weekly', sourceLabelCustom: true });
    expect((await sources())['Nothing named']).toBe('Field Notes Weekly (label)');
    expect((await sources())['Own source']).toBe('Reuters (file)');
    // The new label is searchable at once: in source: and in the full-text index's source column.
    expect((await api.articles.search({ query: 'source:weekly' })).total).toBe(1);
    expect((await api.articles.search({ query: 'quokka weekly' })).total).toBe(1);

    // A re-import (a changed file, a new one) keeps the person's label.
    writeFileSync(join(root, 'none.md'), '---\ntitle: Nothing named\n---\nChanged.\n');
    writeFileSync(join(root, 'new.md'), '# New one\n');
    await importFolders(service.db, [root]);
    expect(await sources()).toMatchObject({ 'Nothing named': 'Field Notes Weekly (label)', 'New one': 'Field Notes Weekly (label)' });

    const reset = await api.library.setFolderSource({ id: folder!.id, label: null });
    expect(reset).toMatchObject({ sourceLabel: 'field-notes', sourceLabelCustom: false });
    expect(await sources()).toMatchObject({
      'Nothing named': 'field-notes (folder)',
      'New one': 'field-notes (folder)',
      Publisher: 'The Daily (site-field)',
    });
    expect((await api.articles.search({ query: 'quokka weekly' })).total).toBe(0);
    service.close();
  });

  it('refuses an empty label and an unknown folder with a clear error', async () => {
    const service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
    await expect(service.api.library.setFolderSource({ id: 99, label: 'X' })).rejects.toThrow('No folder with id 99');
    const root = tempDir();
    writeTree(root, { 'a.md': '# A\n' });
    await importFolders(service.db, [root]);
    const [folder] = await service.api.library.folders({});
    await expect(service.api.library.setFolderSource({ id: folder!.id, label: '   ' })).rejects.toThrow(/cannot be empty/);
    service.close();
  });
});
