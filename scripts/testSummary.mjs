// Counts what each stage of `npm test` reported, from the runners' JSON reports and the
// stages' exit codes, and says it in one closing line. Pure functions (tested in
// tests/scripts/testSummary.test.ts on real reports of every kind): a failing run can never
// print zero failures.

/** @typedef {{ passed: number, failed: number, skipped: number, notes: string[] }} Counts */

const empty = () => ({ passed: 0, failed: 0, skipped: 0, notes: [] });

/**
 * Vitest's JSON report. A file that failed without a failing test (it did not load, or a
 * beforeAll threw) counts as one failure; the tests it held did not run and are not "skipped".
 */
export function vitestCounts(report) {
  const counts = empty();
  for (const file of report.testResults ?? []) {
    const name = file.name.replace(/^.*?\/tests\//, 'tests/');
    const results = file.assertionResults ?? [];
    const failedTests = results.filter((r) => r.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) {
      counts.failed++;
      const why = results.length === 0 ? 'did not load' : `a hook failed, so its ${results.length} tests did not run`;
      counts.notes.push(`${name}: ${why}${file.message ? ` (${firstLine(file.message)})` : ''}`);
      continue;
    }
    counts.failed += failedTests;
    counts.passed += results.filter((r) => r.status === 'passed').length;
    counts.skipped += results.filter((r) => ['skipped', 'pending', 'todo'].includes(r.status)).length;
  }
  return counts;
}

/**
 * Playwright's JSON report. Failed and interrupted tests are failures; a test with no result
 * "did not run" (the run stopped early) and counts as a failure too; flaky tests passed on a
 * retry and are named in a note. Errors outside any test (global setup, timeouts) fail the run.
 */
export function playwrightCounts(report) {
  const counts = empty();
  let didNotRun = 0;
  let flaky = 0;
  let interrupted = 0;
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const results = test.results ?? [];
        const last = results.at(-1)?.status;
        if (last === 'interrupted') {
          interrupted++;
          counts.failed++;
        } else if (test.status === 'skipped' && results.length === 0) {
          didNotRun++;
          counts.failed++;
        } else if (test.status === 'skipped') counts.skipped++;
        else if (test.status === 'unexpected') counts.failed++;
        else if (test.status === 'flaky') {
          flaky++;
          counts.passed++;
        } else counts.passed++;
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  if (didNotRun > 0) counts.notes.push(`${didNotRun} did not run`);
  if (interrupted > 0) counts.notes.push(`${interrupted} interrupted`);
  if (flaky > 0) counts.notes.push(`${flaky} flaky (passed on a retry)`);
  const errors = report.errors ?? [];
  if (errors.length > 0) {
    counts.failed += errors.length;
    counts.notes.push(...errors.map((e) => `error outside the tests: ${firstLine(e.message ?? '')}`));
  }
  return counts;
}

function firstLine(text) {
  return text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .trim()
    .split('\n')[0]
    .slice(0, 200);
}

/**
 * One stage's counts from its exit code and (for test runners) its report. A stage that
 * failed while its report shows no failure (a crash, a missing report, a type error, a lint
 * error, a failed build) counts as one failure, so the total is never zero for a failing run.
 */
export function stageCounts(stage) {
  const counts = stage.report ? stage.count(stage.report) : empty();
  if (stage.status === 'not-run') {
    counts.failed++;
    counts.notes.push(`not run: ${stage.why}`);
  } else if (stage.status !== 0 && counts.failed === 0) {
    counts.failed++;
    counts.notes.push(stage.report ? `exited ${stage.status} with no failed test in its report` : `failed (exit ${stage.status})`);
  }
  return counts;
}

/** The closing line, in the plain form CI reads: `summary: N passed, N failed, N skipped`. */
export function summaryLine(all) {
  const total = all.reduce((t, c) => ({ passed: t.passed + c.passed, failed: t.failed + c.failed, skipped: t.skipped + c.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
  return `summary: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
}
