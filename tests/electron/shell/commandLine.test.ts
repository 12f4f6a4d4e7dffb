import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchDataFrom, parseCommandLine } from '../../../electron/shell/commandLine.js';
import { tempDir } from '../../helpers/tmp.js';

describe('parseCommandLine', () => {
  it('reads --db and existing folders, resolving against the launch folder', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'articles'));
    mkdirSync(join(cwd, 'more'));
    const result = parseCommandLine(['--db', 'lib.db', 'articles', join(cwd, 'more'), 'not-there', 'articles'], { cwd, self: [] });
    expect(result).toEqual({ dbPath: join(cwd, 'lib.db'), folders: [join(cwd, 'articles'), join(cwd, 'more')] });
    expect(parseCommandLine(['--db=/x/y.db'], { cwd, self: [] }).dbPath).toBe('/x/y.db');
  });

  it('ignores Chromium switches, the app itself and a dangling --db', () => {
    const cwd = tempDir();
    const argv = ['--inspect=0', '--remote-debugging-port=0', '.', 'out/main.cjs', '-psn_0_1234', '--no-sandbox', '--db'];
    const result = parseCommandLine(argv, { cwd, self: [cwd, join(cwd, 'out', 'main.cjs')] }, () => true);
    expect(result).toEqual({ dbPath: null, folders: [] });
  });

  it('takes a launch handed over by a second instance only when well-formed', () => {
    expect(launchDataFrom({ argv: ['gleaner', '/x'], cwd: '/home' })).toEqual({ argv: ['gleaner', '/x'], cwd: '/home' });
    expect(launchDataFrom({ argv: [1], cwd: '/' })).toBeNull();
    expect(launchDataFrom(null)).toBeNull();
    expect(launchDataFrom({ argv: [] })).toBeNull();
  });
});
