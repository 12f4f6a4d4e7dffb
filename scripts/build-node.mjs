// Bundles the Node side (CLI, workers, Electron main and preload) with esbuild.
// Native and Electron modules stay external: better-sqlite3 is loaded from
// node_modules (rebuilt for Electron by electron-builder at packaging time), and so is
// @parcel/watcher (it picks its prebuilt N-API binary package at run time).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = {
  cli: 'electron/cli/entry.ts',
  parseWorker: 'electron/library/import/parseWorker.ts',
  importWorker: 'electron/library/import/importWorker.ts',
  readWorker: 'electron/library/query/readWorker.ts',
  main: 'electron/main.ts',
  preload: 'electron/preload.ts',
  bench: 'bench/bench.ts',
};
const present = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

await build({
  entryPoints: present,
  outdir: 'out',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['better-sqlite3', '@parcel/watcher', 'electron'],
  // citation-js's online lookups (node-fetch, sync-fetch) are never used: see the stub.
  alias: { 'node-fetch': './scripts/stubs/noNetwork.cjs', 'sync-fetch': './scripts/stubs/noNetwork.cjs' },
  sourcemap: false,
  logLevel: 'warning',
});
console.log(`built ${Object.keys(present).join(', ')} into out/`);
