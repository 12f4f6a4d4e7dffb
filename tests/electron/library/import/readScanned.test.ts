/** Issue 13, item 3: a file swapped between the scan and the read is not read. */
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../../electron/library/db/connection.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { inlineParseStage, type ParseStage } from '../../../../electron/library/import/parseStage.js';
import { readScannedFile } from '../../../../electron/library/import/readScanned.js';
import { scanFolder } from '../../../../electron/library/import/scan.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

const MAX = 10 * 1024 * 1024;

/** A library, a folder of three articles, and a secret outside it. */
function setup() {
  const root = tempDir();
  writeTree(root, { 'a.md': seedLike({ title: 'A' }), 'b.md': seedLike({ title: 'B' }), 'c.md': seedLike({ title: 'C' }) });
  const outside = join(tempDir(), 'secret.md');
  writeFileSync(outside, seedLike({ title: 'Outside secret', body: 'the outside words' }));
  return { root, outside, db: openLibrary(join(tempDir(), 'lib.db')) };
}

/** The inline parse stage, with `swap` run after the scan and before the first read. */
function swappingStage(swap: () => void): ParseStage {
  const inline = inlineParseStage(MAX);
  let swapped = false;
  return {
    parse: async (files) => {
      if (!swapped) swap();
      swapped = true;
      return inline.parse(files);
    },
    close: inline.close,
  };
}

describe('reading what was scanned', () => {
  it('refuses a file swapped for a symbolic link to a file outside the folder', async () => {
    const { root, outside, db } = setup();
    const report = await importFolders(db, [root], {
      parseStage: swappingStage(() => {
        rmSync(join(root, 'b.md'));
        symlinkSync(outside, join(root, 'b.md'));
      }),
    });
    expect(report.files.filter((f) => f.status === 'failed')).toEqual([
      { folder: root, path: 'b.md', status: 'failed', reason: 'could not read the file: it was replaced by a symbolic link during the import' },
    ]);
    expect(db.prepare('SELECT title FROM articles ORDER BY title').pluck().all()).toEqual(['A', 'C']);
    expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'outside'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM article_bodies WHERE body LIKE '%outside%'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a file swapped for a FIFO without waiting on it', async () => {
    const { root, db } = setup();
    const started = Date.now();
    const report = await importFolders(db, [root], {
      parseStage: swappingStage(() => {
        rmSync(join(root, 'a.md'));
        execFileSync('mkfifo', [join(root, 'a.md')]); // no writer ever opens it
      }),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(report.files.filter((f) => f.status === 'failed').map((f) => [f.path, f.reason])).toEqual([
      ['a.md', 'could not read the file: it was replaced by something that is not a regular file during the import'],
    ]);
    expect(report.added).toBe(2);
    db.close();
  });

  it('refuses a different regular file put in its place (another inode)', () => {
    const { root, outside } = setup();
    const [scanned] = scanFolder(root).files;
    renameSync(outside, join(root, 'a.md'));
    expect(readScannedFile(scanned!, MAX)).toEqual({ reason: 'could not read the file: it was replaced by another file during the import' });
  });

  it('reads the file the scan found, through a link inside the folder too', () => {
    const { root } = setup();
    symlinkSync(join(root, 'c.md'), join(root, 'd.md'));
    const files = scanFolder(root).files;
    expect(files.map((f) => f.relPath)).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
    const read = readScannedFile(files[3]!, MAX);
    expect('bytes' in read && read.bytes.toString()).toBe(seedLike({ title: 'C' }));
  });

  it('stops at the size limit even when the file grew after the scan', () => {
    const { root } = setup();
    const [scanned] = scanFolder(root).files;
    writeFileSync(join(root, 'a.md'), 'x'.repeat(4096), { flag: 'a' }); // same inode, bigger
    expect(readScannedFile(scanned!, 1024)).toEqual({ reason: expect.stringMatching(/^file is .* over the .* limit/) });
  });
});
