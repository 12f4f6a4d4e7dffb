/** The closing count of `npm test` and .ci/run, on real runner reports of every kind. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playwrightCounts, stageCounts, summaryLine, vitestCounts } from '../../scripts/testSummary.mjs';

const report = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/ci', name), 'utf8'));

describe('Vitest reports', () => {
  it('counts a file that failed to load and a failed beforeAll as failures, not as passes or skips', () => {
    const counts = vitestCounts(report('vitest-kinds.json'));
    expect(counts).toMatchObject({ passed: 1, failed: 3, skipped: 1 });
    expect(counts.notes).toEqual([
      '/tmp/plant/v/hook.test.ts: a hook failed, so its 2 tests did not run',
      expect.stringMatching(/^\/tmp\/plant\/v\/load\.test\.ts: did not load \(Cannot find module '\.\/does-not-exist\.js'/),
    ]);
  });
});

describe('Playwright reports', () => {
  it('counts failures, timeouts and tests that did not run as failures; skips as skips; flaky as passed with a note', () => {
    const counts = playwrightCounts(report('pw-kinds.json'));
    expect(counts).toMatchObject({ passed: 2, skipped: 1 });
    // fails, slow (timed out), after (did not run), and the "stopped early" error
    expect(counts.failed).toBe(4);
    expect(counts.notes).toEqual([
      '1 did not run',
      '1 flaky (passed on a retry)',
      'error outside the tests: Testing stopped early after 2 maximum allowed failures.',
    ]);
  });

  it('a run cut short before any test ran is a failure, never "0 failed"', () => {
    const counts = playwrightCounts(report('pw-interrupted.json'));
    expect(counts.passed).toBe(0);
    expect(counts.failed).toBeGreaterThanOrEqual(3);
    expect(counts.notes).toContain('3 did not run');
  });
});

describe('stages and the closing line', () => {
  it('a stage that fails without a report (type check, lint, build, a crash) counts as one failure', () => {
    expect(stageCounts({ status: 2, report: null })).toMatchObject({ failed: 1, notes: ['failed (exit 2)'] });
    expect(stageCounts({ status: 0, report: null })).toMatchObject({ passed: 0, failed: 0 });
  });

  it('a test stage that exits non-zero while its report shows no failure still counts one', () => {
    const clean = { testResults: [{ name: '/x/tests/a.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] }] };
    expect(stageCounts({ status: 1, report: clean, count: vitestCounts })).toMatchObject({ passed: 1, failed: 1 });
  });

  it('a stage that could not run because the build failed is a failure', () => {
    expect(stageCounts({ status: 'not-run', report: null, why: 'build failed' })).toMatchObject({ failed: 1, notes: ['not run: build failed'] });
  });

  it('prints the plain closing line CI reads, adding every stage', () => {
    const stages = [
      stageCounts({ status: 0, report: null }),
      stageCounts({ status: 1, report: report('vitest-kinds.json'), count: vitestCounts }),
      stageCounts({ status: 1, report: report('pw-kinds.json'), count: playwrightCounts }),
    ];
    expect(summaryLine(stages)).toBe('summary: 3 passed, 7 failed, 2 skipped');
    expect(summaryLine(stages)).toMatch(/^\w+: \d+ passed, \d+ failed, \d+ skipped$/);
  });
});
