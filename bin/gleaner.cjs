#!/usr/bin/env node
// The `gleaner` command: runs the built CLI bundle (npm run build:node makes it).
// More libuv threads than the default 4: in `serve`, the folder watcher's initial scan of a
// large library would otherwise queue the page's own file reads behind tens of thousands
// of stat calls. Must be set before the first asynchronous file operation.
process.env.UV_THREADPOOL_SIZE = process.env.UV_THREADPOOL_SIZE || '16';
const { join } = require('node:path');
const { existsSync } = require('node:fs');
const outDir = join(__dirname, '..', 'out');
const bundle = join(outDir, 'cli.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('gleaner: not built yet; run `npm run build` in ' + join(__dirname, '..') + '\n');
  process.exit(1);
}
require(bundle)
  .main(process.argv.slice(2), outDir)
  .then((code) => {
    process.exitCode = code;
  });
