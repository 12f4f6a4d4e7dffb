import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedLike } from '../../helpers/articles.js';
import { cli, cliLibrary } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';

let db = '';
let out = '';

/** Four articles; "Gamma" and "Alpha" in a collection (in that order), two tagged policy/uk and policy/eu, a saved search for IBN. */
beforeEach(async () => {
  ({ db } = await cliLibrary({
    'a.txt': seedLike({ title: 'Alpha', date: '2025-07-01T00:00:00Z', source: 'IBN' }),
    'b.txt': seedLike({ title: 'Beta', date: '2025-07-02T00:00:00Z', source: 'IBN' }),
    'c.txt': seedLike({ title: 'Gamma', date: '2025-07-03T00:00:00Z', source: 'Health Wire' }),
    'd.txt': seedLike({ title: 'Delta', date: '2025-07-04T00:00:00Z', source: 'Health Wire' }),
  }));
  out = tempDir();
  await cli('collection', 'create', 'Reading pack', '--db', db);
  await cli('collection', 'add', 'Reading pack', 'title:gamma', '--db', db);
  await cli('collection', 'add', 'Reading pack', 'title:alpha', '--db', db);
  await cli('tag', 'add', 'policy/uk', 'title:beta', '--db', db);
  await cli('tag', 'add', 'policy/eu', 'title:delta', '--db', db);
  await cli('saved', 'create', 'From IBN', 'source:IBN', '--db', db);
});

/** The titles in a JSON export, in the file's order. */
function titles(file: string): string[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { articles: { title: string }[] }).articles.map((a) => a.title);
}

async function exportJson(...flags: string[]): Promise<{ code: number; stdout: string; stderr: string; file: string }> {
  const file = join(out, `${flags.join('-').replace(/\W+/g, '_') || 'all'}.json`);
  return { ...(await cli('export', '--format', 'json', '--out', file, '--db', db, ...flags)), file };
}

describe('gleaner export: which articles', () => {
  it('--collection exports that collection in its own order', async () => {
    const { code, file } = await exportJson('--collection', 'reading PACK');
    expect(code).toBe(0);
    expect(titles(file)).toEqual(['Gamma', 'Alpha']);
  });

  it('--saved exports the saved search’s matches', async () => {
    const { code, file } = await exportJson('--saved', 'From IBN');
    expect(code).toBe(0);
    expect(titles(file).sort()).toEqual(['Alpha', 'Beta']);
  });

  it('--tag exports the tag and its children', async () => {
    const { code, file } = await exportJson('--tag', 'policy');
    expect(code).toBe(0);
    expect(titles(file).sort()).toEqual(['Beta', 'Delta']);
    const child = await exportJson('--tag', 'policy/uk');
    expect(titles(child.file)).toEqual(['Beta']);
  });

  it('refuses an unknown collection or saved search with exit 2 and one line', async () => {
    for (const flags of [
      ['--collection', 'Nope'],
      ['--saved', 'Nope'],
    ]) {
      const { code, stderr, stdout } = await exportJson(...flags);
      expect(code, flags.join(' ')).toBe(2);
      expect(stderr).toMatch(/^gleaner: there is no (collection|saved search) "Nope"\n$/);
      expect(stdout).toBe('');
    }
  });
});

describe('gleaner export: an existing target', () => {
  it('exits 1 with the reason and leaves the existing file as it was', async () => {
    const file = join(out, 'digest.json');
    writeFileSync(file, 'mine, not yours');
    const { code, stderr, stdout } = await cli('export', '--format', 'json', '--out', file, '--db', db);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^gleaner: .*digest\.json.*already exists/);
    expect(stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('mine, not yours');
  });

  it('refuses a folder that holds other files for a folder export and writes nothing into it', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'keep.txt'), 'keep');
    const { code, stderr } = await cli('export', '--format', 'folder', '--out', folder, '--db', db);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^gleaner: Will not replace .*: it is not empty/);
    expect(readdirSync(folder)).toEqual(['keep.txt']);
  });

  it('--overwrite replaces it', async () => {
    const file = join(out, 'digest.json');
    writeFileSync(file, 'mine, not yours');
    const { code, stdout } = await cli('export', '--format', 'json', '--out', file, '--db', db, '--overwrite', 'source:IBN');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Exported 2 articles as json to .*digest\.json/);
    expect(titles(file).sort()).toEqual(['Alpha', 'Beta']);
  });
});
