#!/usr/bin/env node
// `npm test`: every stage in turn (type check, lint, build, unit and integration tests,
// end-to-end tests in Chromium, the Electron smoke test), each run even when an earlier test
// stage failed, so one failing file never hides the rest. The test stages need the build;
// if it fails they are "not run" and count as failures. Ends with one line counting what
// every stage reported (scripts/testSummary.mjs) and exits non-zero on any failure.
// The counts also go to test-results/summary.json for .ci/run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playwrightCounts, stageCounts, summaryLine, vitestCounts } from './testSummary.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'test-results');
const bin = (name) => join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The Electron smoke test needs a display: where there is none (CI, a server) and the binary
 * is present, it runs under xvfb-run. Without the binary it reports itself skipped.
 */
function electronCommand() {
  const command = [bin('playwright'), 'test', '-c', 'tests/e2e-electron/playwright.config.ts', '--reporter=list,json'];
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (headless && spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0) return ['xvfb-run', '-a', ...command];
  return command;
}

const stages = [
  { name: 'type check', command: [npm, 'run', 'typecheck'] },
  { name: 'lint', command: [npm, 'run', 'lint'] },
  { name: 'build', command: [npm, 'run', 'build'] },
  {
    name: 'unit and integration (Vitest)',
    command: [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(RESULTS, 'vitest.json')}`],
    reportFile: join(RESULTS, 'vitest.json'),
    count: vitestCounts,
  },
  {
    name: 'end-to-end (Playwright, Chromium)',
    needs: 'build',
    command: [bin('playwright'), 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: join(RESULTS, 'e2e.json') },
    reportFile: join(RESULTS, 'e2e.json'),
    count: playwrightCounts,
  },
  {
    name: 'desktop smoke (Playwright, Electron)',
    needs: 'build',
    command: electronCommand(),
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: join(RESULTS, 'e2e-electron.json') },
    reportFile: join(RESULTS, 'e2e-electron.json'),
    count: playwrightCounts,
  },
];

mkdirSync(RESULTS, { recursive: true });
rmSync(join(RESULTS, 'summary.json'), { force: true });
const only = process.argv.slice(2);
const outcomes = new Map();
const lines = [];
const all = [];
for (const stage of stages) {
  if (only.length > 0 && !only.some((word) => stage.name.includes(word))) continue;
  let status;
  let report = null;
  if (stage.needs && outcomes.has(stage.needs) && outcomes.get(stage.needs) !== 0) {
    status = 'not-run';
  } else {
    if (stage.reportFile) rmSync(stage.reportFile, { force: true });
    process.stdout.write(`\n── ${stage.name}: ${stage.command.join(' ')}\n`);
    const [program, ...args] = stage.command;
    const result = spawnSync(program, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...stage.env } });
    status = result.status ?? 1;
    if (result.error) process.stdout.write(`test: could not run ${program}: ${result.error.message}\n`);
    if (stage.reportFile && existsSync(stage.reportFile)) {
      try {
        report = JSON.parse(readFileSync(stage.reportFile, 'utf8'));
      } catch {
        report = null;
      }
    }
  }
  outcomes.set(stage.name, status);
  const counts = stageCounts({ status, report, count: stage.count, why: `${stage.needs} failed` });
  all.push(counts);
  const tally = stage.count ? `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : counts.failed ? 'failed' : 'ok';
  lines.push(`  ${stage.name}: ${tally}${counts.notes.length ? `\n${counts.notes.map((n) => `      ${n}`).join('\n')}` : ''}`);
}

const line = summaryLine(all);
process.stdout.write(`\n── what every stage reported\n${lines.join('\n')}\n${line}\n`);
writeFileSync(join(RESULTS, 'summary.json'), JSON.stringify({ line, stages: lines }, null, 2));
process.exitCode = all.some((c) => c.failed > 0) ? 1 : 0;
