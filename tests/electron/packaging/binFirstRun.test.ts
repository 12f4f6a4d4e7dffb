/** `npx gleaner …` right after `npm install`: the bin builds what it needs once, saying so. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A checkout as `npm install` leaves it: sources and node_modules, no out/. */
function freshCheckout(): string {
  const dir = join(tempDir('gleaner-fresh-'), 'gleaner');
  mkdirSync(dir);
  for (const entry of ['bin', 'scripts', 'electron', 'shared', 'bench', 'package.json', 'tsconfig.base.json'])
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

describe('the gleaner command on a fresh install', () => {
  it('builds itself on first use with one line saying so, then runs the command; later runs build nothing', () => {
    const dir = freshCheckout();
    const first = spawnSync(process.execPath, [join(dir, 'bin', 'gleaner.cjs'), '--help'], { cwd: dir, encoding: 'utf8' });
    expect(first.status).toBe(0);
    expect(first.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^gleaner: first run: building the command-line tool/)]);
    expect(first.stdout).toMatch(/gleaner import <folder>/);
    expect(existsSync(join(dir, 'out', 'cli.cjs'))).toBe(true);

    const second = spawnSync(process.execPath, [join(dir, 'bin', 'gleaner.cjs'), '--help'], { cwd: dir, encoding: 'utf8' });
    expect(second.status).toBe(0);
    expect(second.stderr).toBe('');
  }, 120_000);
});
