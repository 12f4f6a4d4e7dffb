/** scripts/start.mjs: desktop when the Electron binary is there, browser mode with one clear sentence when not. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const start = (env: Record<string, string | undefined>) =>
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--dry-run', '--db', '/tmp/x.db'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

describe('npm start', () => {
  it('falls back to browser mode, saying in one sentence that the Electron binary is missing and how to get it', () => {
    const out = start({ ELECTRON_OVERRIDE_DIST_PATH: join(tempDir(), 'no-electron-here') });
    const [explanation, plan] = out.trim().split('\n');
    expect(explanation).toMatch(/Electron [\d.]+ binary is missing/);
    expect(explanation).toMatch(/browser/);
    expect(explanation).toMatch(/install\.js|ELECTRON_MIRROR/);
    expect(explanation!.split(/[.!?](\s|$)/).filter((s) => s && s.trim().length > 20)).toHaveLength(1);
    expect(JSON.parse(plan!.replace('start: would run ', ''))).toEqual([
      process.execPath,
      join(ROOT, 'bin', 'gleaner.cjs'),
      'serve',
      '--open',
      '--db',
      '/tmp/x.db',
    ]);
  });

  it('opens the desktop app on the project when the binary exists', () => {
    const dist = tempDir();
    mkdirSync(dist, { recursive: true });
    const binary = join(dist, 'electron');
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
    const out = start({ ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(out).toMatch(/opening the desktop app/);
    expect(out).toContain(JSON.stringify([binary, ROOT, '--db', '/tmp/x.db']));
  });
});
