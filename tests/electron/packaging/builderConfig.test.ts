/**
 * electron-builder.yml, checked without packaging (which needs Electron's download host):
 * electron-builder's own loader and schema accept it, and its file patterns name the
 * files `npm run build` really produces (the test suite builds before vitest runs).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const OUT = join(ROOT, 'out');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  npmRebuild: boolean;
  linux: { target: string[]; icon: string };
  mac: { target: { target: string; arch: string[] }[]; icon: string };
  win: { target: { target: string }[]; icon: string };
  [key: string]: unknown;
}

const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const posix = (p: string) => p.split(sep).join('/');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** electron-builder's rule: patterns apply in order, a later `!pattern` excludes what an earlier one included. */
function included(path: string, patterns: string[]): boolean {
  let result = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) result = !negated;
  }
  return result;
}

function builtFiles(): string[] {
  if (!existsSync(join(OUT, 'main.cjs')) || !existsSync(join(OUT, 'renderer', 'index.html'))) {
    throw new Error('out/ is not built: run `npm run build` before these tests (npm test does)');
  }
  return walk(OUT).map((f) => posix(relative(ROOT, f)));
}

describe('electron-builder.yml', () => {
  it('is accepted by electron-builder’s own loader and schema', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig: (dir: string, path: string | null, extra: unknown) => Promise<Record<string, unknown>>;
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
    expect(loaded.appId).toBe('org.gleaner.app');
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    // And the check is real: a typo is refused.
    await expect(validateConfiguration({ ...loaded, fileAssociation: [] }, new DebugLogger(false))).rejects.toThrow(/fileAssociation/);
  });

  it('names the app and builds the promised installers into release/', () => {
    expect(config.productName).toBe('Gleaner');
    expect(config.directories.output).toBe('release');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config).not.toHaveProperty('fileAssociations');
    expect(config).not.toHaveProperty('protocols');
  });

  it('ships the built app and nothing else from out/', () => {
    const files = builtFiles();
    const shipped = files.filter((f) => included(f, config.files));
    for (const needed of [
      'out/main.cjs',
      'out/preload.cjs',
      'out/importWorker.cjs',
      'out/parseWorker.cjs',
      'out/readWorker.cjs',
      'out/renderer/index.html',
    ]) {
      expect(shipped, needed).toContain(needed);
    }
    expect(shipped.some((f) => f.startsWith('out/renderer/assets/') && f.endsWith('.js'))).toBe(true);
    expect(shipped).not.toContain('out/bench.cjs');
    expect(shipped.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(shipped.filter((f) => /(^|\/)tests?\/|\.test\.|\.spec\./.test(f))).toEqual([]);
    expect(included('package.json', config.files)).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(shipped).toContain(pkg.main);
    // Sources never ship.
    for (const source of ['electron/main.ts', 'shared/api.ts', 'renderer/src/App.tsx', 'tests/electron/shell/ipc.test.ts']) {
      expect(included(source, config.files), source).toBe(false);
    }
  });

  it('names only files the build produces', () => {
    const files = [...builtFiles(), 'package.json'];
    for (const pattern of config.files.filter((p) => !p.startsWith('!') && !p.includes('node_modules'))) {
      expect(
        files.some((f) => minimatch(f, pattern, { dot: true })),
        pattern,
      ).toBe(true);
    }
  });

  it('keeps better-sqlite3’s runtime files and drops its sources and build leftovers', () => {
    const module = 'node_modules/better-sqlite3';
    for (const kept of [`${module}/package.json`, `${module}/lib/database.js`, `${module}/build/Release/better_sqlite3.node`]) {
      expect(included(kept, ['**/*', ...config.files.filter((p) => p.startsWith('!'))]), kept).toBe(true);
    }
    for (const dropped of [
      `${module}/deps/sqlite3/sqlite3.c`,
      `${module}/src/better_sqlite3.cpp`,
      `${module}/build/Release/obj.target/x.o`,
      `${module}/build/Release/test_extension.node`,
    ]) {
      expect(included(dropped, ['**/*', ...config.files.filter((p) => p.startsWith('!'))]), dropped).toBe(false);
    }
  });

  it('unpacks the native module, its loader and the worker bundles from the asar', () => {
    const unpacked = (path: string) => config.asarUnpack.some((p) => minimatch(path, p, { dot: true }));
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(unpacked('node_modules/bindings/bindings.js')).toBe(true);
    expect(unpacked('node_modules/file-uri-to-path/index.js')).toBe(true);
    expect(unpacked('out/importWorker.cjs')).toBe(true);
    expect(unpacked('out/parseWorker.cjs')).toBe(true);
    expect(unpacked('out/readWorker.cjs')).toBe(true);
    expect(unpacked('out/main.cjs')).toBe(false);
    // What better-sqlite3 loads at run time is exactly what is unpacked beside it.
    const deps = (name: string) => Object.keys((require(`${name}/package.json`) as { dependencies?: Record<string, string> }).dependencies ?? {});
    expect(deps('bindings')).toEqual(['file-uri-to-path']);
    expect(readFileSync(require.resolve('better-sqlite3/lib/database.js'), 'utf8')).toMatch(/require\('bindings'\)/);
  });

  it('ships @parcel/watcher as its loader plus the prebuilt N-API binary, unpacked from the asar', () => {
    const unpacked = (path: string) => config.asarUnpack.some((p) => minimatch(path, p, { dot: true }));
    const shipped = (path: string) => included(path, ['**/*', ...config.files.filter((p) => p.startsWith('!'))]);
    // The main process loads it from node_modules (esbuild leaves it out of the bundle).
    builtFiles();
    expect(readFileSync(join(OUT, 'main.cjs'), 'utf8')).toMatch(/require\(["']@parcel\/watcher["']\)/);
    // The platform package its loader picks (index.js), as installed here.
    const binaryPath = `node_modules/@parcel/watcher-${process.platform}-${process.arch}${process.platform === 'linux' ? '-glibc' : ''}/watcher.node`;
    const binary = join(ROOT, binaryPath);
    expect(existsSync(binary), binaryPath).toBe(true);
    for (const path of [binaryPath, 'node_modules/@parcel/watcher/index.js', 'node_modules/@parcel/watcher/wrapper.js']) {
      expect(unpacked(path), path).toBe(true);
      expect(shipped(path), path).toBe(true);
    }
    for (const path of ['node_modules/@parcel/watcher/src/linux/InotifyBackend.cc', 'node_modules/@parcel/watcher/build/Release/watcher.node']) {
      expect(shipped(path), path).toBe(false);
    }
    // N-API: it links against napi_* and registers no Node-ABI-specific module (unlike
    // better-sqlite3's node_register_module_v<ABI>), so one file serves Node and Electron.
    const bytes = readFileSync(binary).toString('latin1');
    expect(bytes).toMatch(/napi_create_function/);
    expect(bytes).not.toMatch(/node_register_module_v\d+/);
    expect(readFileSync(require.resolve('better-sqlite3/build/Release/better_sqlite3.node')).toString('latin1')).toMatch(/node_register_module_v\d+/);
  });

  it('unpacks everything the worker threads load at run time (they start from app.asar.unpacked)', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const externals = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1]!).filter((m) => !builtins.has(m));
    const unpacked = (path: string) => config.asarUnpack.some((p) => minimatch(path, p, { dot: true }));
    builtFiles();
    const fromWorkers = new Set([...externals(join(OUT, 'importWorker.cjs')), ...externals(join(OUT, 'parseWorker.cjs'))]);
    expect([...fromWorkers]).toEqual(['better-sqlite3']);
    // Follow what each module requires when it runs (not its install-time dependencies).
    const seen = new Set<string>();
    const queue = [...fromWorkers];
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const dir = join(ROOT, 'node_modules', name);
      expect(unpacked(`node_modules/${name}/package.json`), name).toBe(true);
      const sources = walk(dir).filter((f) => f.endsWith('.js') && !/[/\\](test|tests|deps|src|docs|benchmark)[/\\]/.test(f));
      for (const source of sources) queue.push(...externals(source));
    }
    expect([...seen].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
  });

  it('rebuilds the native module for Electron at packaging time, not on install', () => {
    expect(config.npmRebuild).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.postinstall ?? '').not.toMatch(/electron-builder|electron-rebuild|install-app-deps/);
  });

  it('ships the sample library and a 512x512 PNG icon', () => {
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'samples', to: 'samples' })]);
    expect(statSync(join(ROOT, 'samples', 'articles')).isDirectory()).toBe(true);
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) {
      const png = readFileSync(join(ROOT, icon));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    }
  });
});
