#!/usr/bin/env node
// The `gleaner` command: runs the built CLI bundle. Right after `npm install` nothing is built
// yet, so the first run builds what it needs (the Node bundles; for `serve`, the web app too)
// and says so in one line; `npm run build` does the same ahead of time.
// More libuv threads than the default 4: in `serve`, the folder watcher's initial scan of a
// large library would otherwise queue the page's own file reads behind tens of thousands
// of stat calls. Must be set before the first asynchronous file operation.
process.env.UV_THREADPOOL_SIZE = process.env.UV_THREADPOOL_SIZE || '16';
const { join } = require('node:path');
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const outDir = join(root, 'out');
const args = process.argv.slice(2);

/** Runs one build step with this Node; false (after saying why) when it cannot. */
function buildStep(what, script, scriptArgs) {
  if (!existsSync(join(root, script))) {
    process.stderr.write(`gleaner: not built, and the build tools are missing (${script}); run \`npm install\` then \`npm run build\` in ${root}\n`);
    return false;
  }
  process.stderr.write(`gleaner: first run: building ${what} (once; \`npm run build\` does this ahead of time)…\n`);
  const result = spawnSync(process.execPath, [join(root, script), ...scriptArgs], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) process.stderr.write(`gleaner: the build of ${what} failed; run \`npm run build\` in ${root} to see why\n`);
  return result.status === 0;
}

const needsWeb = args[0] === 'serve';
if (!existsSync(join(outDir, 'cli.cjs')) && !buildStep('the command-line tool', 'scripts/build-node.mjs', [])) process.exit(1);
if (needsWeb && !existsSync(join(outDir, 'renderer', 'index.html')) && !buildStep('the web app', 'node_modules/vite/bin/vite.js', ['build', '--logLevel', 'warn'])) {
  process.exit(1);
}

require(join(outDir, 'cli.cjs'))
  .main(args, outDir)
  .then((code) => {
    process.exitCode = code;
  });
