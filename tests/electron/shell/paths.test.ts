import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLibraryPath } from '../../../electron/library/paths.js';
import { libraryPathFor, readSettings, samplesDirFor, workerDirFor } from '../../../electron/shell/paths.js';
import { tempDir } from '../../helpers/tmp.js';

describe('shell paths', () => {
  it('starts workers from app.asar.unpacked in a packaged app, from out/ otherwise', () => {
    const packaged = '/opt/Gleaner/resources/app.asar/out';
    const unpacked = '/opt/Gleaner/resources/app.asar.unpacked/out';
    expect(workerDirFor(packaged, (p) => p === join(unpacked, 'importWorker.cjs'))).toBe(unpacked);
    expect(workerDirFor(packaged, () => false)).toBe(packaged);
    expect(workerDirFor('C:\\Program Files\\Gleaner\\resources\\app.asar\\out', () => true)).toBe(
      'C:\\Program Files\\Gleaner\\resources\\app.asar.unpacked\\out',
    );
    expect(workerDirFor('/home/me/gleaner/out', () => true)).toBe('/home/me/gleaner/out');
    expect(workerDirFor('/home/me/app.asarx/out', () => true)).toBe('/home/me/app.asarx/out');
  });

  it('finds the bundled samples in resources when packaged, next to out/ in a checkout', () => {
    expect(samplesDirFor({ isPackaged: true, resourcesPath: '/opt/G/resources', mainDir: '/x' }, () => true)).toBe(
      '/opt/G/resources/samples/articles',
    );
    expect(samplesDirFor({ isPackaged: false, resourcesPath: '/e', mainDir: '/repo/out' }, () => true)).toBe('/repo/samples/articles');
    expect(samplesDirFor({ isPackaged: false, resourcesPath: '/e', mainDir: '/repo/out' }, () => false)).toBeNull();
  });

  it('opens --db, else the setting, else the shared default library', () => {
    const dir = tempDir();
    const settings = join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ libraryPath: '/data/lib.db', theme: 'dark' }));
    expect(readSettings(settings)).toEqual({ libraryPath: '/data/lib.db' });
    expect(readSettings(join(dir, 'missing.json'))).toEqual({});
    writeFileSync(settings, '{ nope');
    expect(readSettings(settings)).toEqual({});
    const env = { HOME: '/home/me' };
    expect(libraryPathFor('/cli.db', { libraryPath: '/set.db' }, env)).toBe('/cli.db');
    expect(libraryPathFor(null, { libraryPath: '/set.db' }, env)).toBe('/set.db');
    expect(libraryPathFor(null, {}, env)).toBe(defaultLibraryPath(env));
  });
});
