/** Issue 13: a big import's report keeps counts and the files to act on, not every added one. */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../../electron/library/db/connection.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

describe('the import report', () => {
  it('counts clean added files and lists only failed, skipped, warned, updated and missing ones', async () => {
    const folder = tempDir();
    const files: Record<string, string> = {
      'warned.md': 'no front matter, no heading',
      'bad.md': '+++\ntitle = "x"\ntitle = "y"\n+++\n',
      'photo.jpg': 'x',
    };
    for (let i = 0; i < 300; i++) files[`clean/${i}.md`] = seedLike({ title: `Clean ${i}` });
    writeTree(folder, files);
    const db = openLibrary(join(tempDir(), 'lib.db'));

    const first = await importFolders(db, [folder]);
    expect(first).toMatchObject({ added: 301, failed: 1, skipped: 1, warnings: 1 });
    expect(first.files.map((f) => [f.path, f.status]).sort()).toEqual([
      ['bad.md', 'failed'],
      ['photo.jpg', 'skipped'],
      ['warned.md', 'added'],
    ]);
    expect(first.files.find((f) => f.path === 'warned.md')!.warnings).toEqual([expect.stringMatching(/no title/)]);

    writeFileSync(join(folder, 'clean/7.md'), seedLike({ title: 'Clean 7, edited' }));
    rmSync(join(folder, 'clean/8.md'));
    const second = await importFolders(db, [folder]);
    expect(second).toMatchObject({ added: 0, updated: 1, missing: 1, unchanged: 299 });
    expect(second.files.map((f) => [f.path, f.status]).sort()).toEqual([
      ['bad.md', 'failed'],
      ['clean/7.md', 'updated'],
      ['clean/8.md', 'missing'],
      ['photo.jpg', 'skipped'],
    ]);
    db.close();
  });
});
