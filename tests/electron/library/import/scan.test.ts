import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFolder } from '../../../../electron/library/import/scan.js';
import { tempDir } from '../../../helpers/tmp.js';

function tree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

describe('scanFolder', () => {
  it('finds article files recursively, with / paths, and counts other files as skipped', () => {
    const root = tempDir();
    tree(root, { '2025/07/a.txt': 'a', 'b.md': 'b', 'c.markdown': 'c', 'd.HTML': 'd', 'e.htm': 'e', 'pic.png': 'x', 'notes.docx': 'y' });
    const scan = scanFolder(root);
    expect(scan.files.map((f) => f.relPath)).toEqual(['2025/07/a.txt', 'b.md', 'c.markdown', 'd.HTML', 'e.htm']);
    expect(scan.skipped.map((s) => s.relPath).sort()).toEqual(['notes.docx', 'pic.png']);
    expect(scan.skipped[0]!.reason).toMatch(/not an article file type/);
  });

  it('passes over hidden folders like .git', () => {
    const root = tempDir();
    tree(root, { '.git/objects/x.md': 'no', '.hidden.md': 'no', 'kept.md': 'yes' });
    expect(scanFolder(root).files.map((f) => f.relPath)).toEqual(['kept.md']);
  });

  it('never follows a symlink out of the folder, and ends link loops', () => {
    const outside = tempDir();
    tree(outside, { 'secret.md': 'outside' });
    const root = tempDir();
    tree(root, { 'sub/inner.md': 'in' });
    symlinkSync(join(outside, 'secret.md'), join(root, 'escape.md'));
    symlinkSync(outside, join(root, 'escape-dir'));
    symlinkSync(root, join(root, 'sub', 'loop'));
    symlinkSync(join(root, 'sub', 'inner.md'), join(root, 'alias.md'));
    const scan = scanFolder(root);
    expect(scan.files.map((f) => f.relPath)).toEqual(['alias.md', 'sub/inner.md']);
    const reasons = Object.fromEntries(scan.skipped.map((s) => [s.relPath, s.reason]));
    expect(reasons['escape.md']).toMatch(/outside the imported folder/);
    expect(reasons['escape-dir']).toMatch(/outside the imported folder/);
  });

  it('skips a FIFO instead of blocking on it', () => {
    const root = tempDir();
    tree(root, { 'ok.md': 'fine' });
    execFileSync('mkfifo', [join(root, 'pipe.md')]);
    const scan = scanFolder(root);
    expect(scan.files.map((f) => f.relPath)).toEqual(['ok.md']);
    expect(scan.skipped).toEqual([{ relPath: 'pipe.md', reason: 'not a regular file (device, pipe or socket)' }]);
  });

  it('reports a broken link', () => {
    const root = tempDir();
    symlinkSync(join(root, 'nowhere.md'), join(root, 'broken.md'));
    expect(scanFolder(root).skipped).toEqual([{ relPath: 'broken.md', reason: 'broken symbolic link' }]);
  });
});
