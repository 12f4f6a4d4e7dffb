/** The bundles `npm run build` produced, read as shipped (the suite builds before vitest). */
import { builtinModules } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = join(import.meta.dirname, '..', '..', '..', 'out');

function bundle(name: string): string {
  const file = join(OUT, name);
  if (!existsSync(file)) throw new Error(`out/${name} is missing: run \`npm run build\` first (npm test does)`);
  return readFileSync(file, 'utf8');
}

const requires = (code: string) => [...new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!))].sort();
const dynamicRequires = (code: string) => [...code.matchAll(/\brequire\(\s*[^"'`\s)]/g)].length;

describe('built bundles', () => {
  it('the preload requires nothing but electron (a sandboxed preload cannot)', () => {
    const code = bundle('preload.cjs');
    expect(requires(code)).toEqual(['electron']);
    expect(dynamicRequires(code)).toBe(0);
    expect(code).not.toMatch(/\bimport\(\s*["'`]/);
  });

  it('the preload carries plain tables only: no validator, small enough to read', () => {
    const code = bundle('preload.cjs');
    expect(code).not.toMatch(/\bzod\b|ZodError/);
    expect(code.split('\n').length).toBeLessThan(200);
  });

  // Native modules stay outside the bundle and are unpacked from the asar (electron-builder.yml).
  it('the main process requires only electron, the two native modules and Node built-ins', () => {
    const code = bundle('main.cjs');
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const others = requires(code).filter((m) => !builtins.has(m));
    expect(others).toEqual(['@parcel/watcher', 'better-sqlite3', 'electron']);
  });

  it.each(['main.cjs', 'preload.cjs', 'importWorker.cjs', 'parseWorker.cjs', 'readWorker.cjs'])('%s contains no test code', (name) => {
    const code = bundle(name);
    expect(code).not.toMatch(/vitest|@playwright/);
    expect(code).not.toMatch(/["'/]tests\//);
    expect(existsSync(join(OUT, `${name}.map`))).toBe(false);
  });
});
