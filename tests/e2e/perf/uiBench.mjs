#!/usr/bin/env node
/**
 * UI speed on a big library, measured in Chromium with the app's own performance marks
 * (renderer/src/lib/perf.ts). Not part of `npx playwright test` (the config only runs
 * *.spec.ts): run it by hand after `npm run build`.
 *
 *   node tests/e2e/perf/uiBench.mjs --db .bench/bench-100000.db [--keystrokes 30] [--opens 20]
 *                                   [--scroll-step 4000] [--headed] [--json-only]
 *
 * Measures:
 *   - first list paint after load (navigation start → first rows painted)
 *   - keystroke in the search box → updated list painted (p50/p95; includes the
 *     typing debounce, because that is what a person waits for). Each keystroke waits for
 *     its own result before the next one, so every keystroke is a sample.
 *   - opening an article (mouse down on a row) → preview painted (p50/p95)
 *   - scrolling the whole list top to bottom: long tasks > 50 ms (PerformanceObserver
 *     'longtask'), frame times, and how long rows stayed placeholders
 *   - jumps deep into the list (scrollbar drags) → rows filled in
 *
 * Prints a small table, then the figures as JSON. No assertions: numbers for people.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../../scripts/findChromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    keystrokes: { type: 'string', default: '30' },
    opens: { type: 'string', default: '20' },
    'scroll-step': { type: 'string', default: '4000' },
    jumps: { type: 'string', default: '10' },
    headed: { type: 'boolean', default: false },
    'json-only': { type: 'boolean', default: false },
  },
});
if (!values.db) {
  console.error('usage: node tests/e2e/perf/uiBench.mjs --db PATH [--keystrokes 30] [--opens 20] [--scroll-step 4000] [--jumps 10]');
  process.exit(2);
}
const dbPath = resolve(values.db);
if (!existsSync(dbPath)) {
  console.error(`uiBench: no database at ${dbPath} (make one with \`node bin/gleaner.cjs import <folder> --db ${values.db}\`)`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
  console.error('uiBench: run `npm run build` first');
  process.exit(2);
}

const log = (...args) => values['json-only'] || console.error(...args);
const round = (n) => (n === null || n === undefined ? null : Math.round(n * 10) / 10);
function percentile(xs, p) {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const stats = (xs) => ({ n: xs.length, p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), max: round(Math.max(...xs)) });

/** `gleaner serve` on the library; resolves to the printed URL. */
function startServer() {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'gleaner.cjs'), 'serve', '--db', dbPath, '--port', '0', ...(process.env.UIBENCH_NO_WATCH ? ['--no-watch'] : [])],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = new Promise((res, rej) => {
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = /^Open (http:\/\/\S+)$/m.exec(out);
      if (m) res(m[1]);
    });
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    child.once('exit', (code) => rej(new Error(`gleaner serve exited (${code}): ${out}${err}`)));
    setTimeout(() => rej(new Error('gleaner serve printed no URL within 30 s')), 30_000);
  });
  return { child, url };
}

/** SIGTERM, then SIGKILL if serve is still busy (e.g. catching up with a big watched folder) after 5 s. */
async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * `gleaner serve` prints its URL before it is quick: with watched folders it first
 * catches up with them (for a 100,000-file folder the event loop and file I/O are busy
 * for many seconds). Poll until the app's page comes back promptly, so the figures
 * below are the UI's own; the wait is reported separately.
 */
async function waitUntilServing(url, limitMs = 180_000) {
  const started = Date.now();
  const base = new URL(url).origin + '/';
  for (;;) {
    const t0 = Date.now();
    try {
      await fetch(base).then((r) => r.text());
      if (Date.now() - t0 < 300) return Date.now() - started;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > limitMs) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Waits in the page for a mark named `name` after `since` whose detail passes `match`; returns its time. */
function waitForMark(page, name, since, match, timeout = 20_000) {
  return page.evaluate(
    ([name, since, match, timeout]) =>
      new Promise((resolvePromise, reject) => {
        const ok = (e) => e.startTime >= since && (match === null || (typeof e.detail === 'string' ? e.detail.endsWith(match) : e.detail === match));
        const found = performance.getEntriesByName(name).find(ok);
        if (found) return resolvePromise(found.startTime);
        const observer = new PerformanceObserver((list) => {
          const hit = list.getEntries().find(ok);
          if (hit) {
            observer.disconnect();
            resolvePromise(hit.startTime);
          }
        });
        observer.observe({ type: 'mark' });
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no ${name} mark within ${timeout} ms`));
        }, timeout);
      }),
    [name, since, match, timeout],
  );
}

async function main() {
  const server = startServer();
  const url = await server.url;
  const serverReadyMs = await waitUntilServing(url);
  log(`uiBench: server answers promptly ${(serverReadyMs / 1000).toFixed(1)} s after printing its URL`);
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs(), headless: !values.headed });
  const figures = { db: dbPath, machine: null, serverReadyMs };
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // Long tasks and input times are collected from the very start.
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      window.__inputs = [];
      addEventListener('keydown', (e) => window.__inputs.push({ type: 'key', key: e.key, t: performance.now() }), true);
      addEventListener('pointerdown', () => window.__inputs.push({ type: 'pointer', t: performance.now() }), true);
    });
    const lastInput = () => page.evaluate(() => window.__inputs[window.__inputs.length - 1].t);

    // 1. First list paint.
    await page.goto(url);
    const firstPaint = await waitForMark(page, 'gleaner:first-list-paint', 0, null, 60_000);
    const total = await page.getByTestId('result-count').textContent();
    figures.machine = await page.evaluate(() => `${navigator.hardwareConcurrency} cores, ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0]}`);
    figures.firstListPaintMs = round(firstPaint);
    figures.library = total;
    // A second load: the browser cache and the database pages are warm now.
    await page.reload();
    figures.firstListPaintWarmMs = round(await waitForMark(page, 'gleaner:first-list-paint', 0, null, 60_000));
    log(`uiBench: first list paint ${round(firstPaint)} ms, after reload ${figures.firstListPaintWarmMs} ms (${total})`);

    // 2. Keystrokes → updated list. Spaces do not change the query, so they are typed but not timed.
    const words = ['government', 'energy', 'market', 'report', 'growth', 'health', 'research', 'digital'];
    const want = Number(values.keystrokes);
    const keyTimes = [];
    const search = page.getByRole('searchbox', { name: 'Search articles' });
    await search.click();
    let typed = '';
    outer: for (const word of words) {
      for (const ch of (typed ? ' ' : '') + word) {
        if (keyTimes.length >= want) break outer;
        await page.keyboard.press(ch === ' ' ? 'Space' : ch);
        typed += ch;
        if (ch === ' ') continue;
        const t0 = await lastInput();
        const painted = await waitForMark(page, 'gleaner:list-painted', t0, `\u0000${typed.trim().replace(/\s+/g, ' ')}`);
        keyTimes.push(painted - t0);
      }
    }
    figures.keystrokeToList = stats(keyTimes);
    log(`uiBench: keystroke → list ${JSON.stringify(figures.keystrokeToList)} (typed "${typed}")`);

    // 3. Opening articles: clear the search, then click rows one after another.
    const cleared = await page.evaluate(() => performance.now());
    await search.fill('');
    await waitForMark(page, 'gleaner:list-painted', cleared, '\u0000');
    await page.waitForTimeout(500);
    const openTimes = [];
    const list = page.getByRole('listbox', { name: 'Articles' });
    for (let i = 0; i < Number(values.opens); i++) {
      const row = list.locator(`[role="option"][aria-posinset="${i + 1}"]`);
      await row.scrollIntoViewIfNeeded();
      const id = Number(await row.getAttribute('data-article-id'));
      await row.click();
      const t0 = await page.evaluate(() => window.__inputs.filter((x) => x.type === 'pointer').at(-1).t);
      const visible = await waitForMark(page, 'gleaner:preview-visible', t0, id);
      openTimes.push(visible - t0);
    }
    figures.openToPreview = stats(openTimes);
    log(`uiBench: open → preview ${JSON.stringify(figures.openToPreview)}`);

    // 4. Scroll the whole list, top to bottom, one step per frame.
    await page.evaluate(() => (window.__longTasks = []));
    const scroll = await page.evaluate(async (step) => {
      const el = document.querySelector('[role="listbox"]');
      el.scrollTop = 0;
      const frames = [];
      let placeholderFrames = 0;
      const started = performance.now();
      let last = started;
      while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
        el.scrollTop += step;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        frames.push(now - last);
        last = now;
        if (el.querySelector('.row.placeholder')) placeholderFrames++;
      }
      // Let the last pages arrive, then see how long until nothing is a placeholder.
      const settleStart = performance.now();
      while (el.querySelector('.row.placeholder') && performance.now() - settleStart < 10_000) await new Promise((r) => setTimeout(r, 16));
      return {
        startedAt: started,
        ms: performance.now() - started,
        frames,
        placeholderFrames,
        settleMs: performance.now() - settleStart,
        height: el.scrollHeight,
      };
    }, Number(values['scroll-step']));
    const longTasks = await page.evaluate(() => window.__longTasks);
    figures.scroll = {
      pixels: scroll.height,
      stepPx: Number(values['scroll-step']),
      seconds: round(scroll.ms / 1000),
      frames: scroll.frames.length,
      frameMs: stats(scroll.frames),
      framesOver50ms: scroll.frames.filter((f) => f > 50).length,
      framesWithPlaceholders: scroll.placeholderFrames,
      lastRowsFilledAfterMs: round(scroll.settleMs),
      longTasks: {
        count: longTasks.length,
        maxMs: round(Math.max(0, ...longTasks.map((t) => t.duration))),
        totalMs: round(longTasks.reduce((s, t) => s + t.duration, 0)),
        // When they happened, in seconds into the scroll: clusters point at a cause.
        atSeconds: longTasks.map((t) => round((t.start - scroll.startedAt) / 1000)),
      },
    };
    log(`uiBench: scroll ${JSON.stringify(figures.scroll)}`);

    // 5. Jumps (a scrollbar drag): how long until the rows at the new place are real.
    const jumps = await page.evaluate(async (n) => {
      const el = document.querySelector('[role="listbox"]');
      const out = [];
      for (let i = 1; i <= n; i++) {
        // Spread over the list, never the already-cached top or bottom.
        el.scrollTop = Math.round(((i - 0.5) / n) * (el.scrollHeight - el.clientHeight) * 0.97 + 1000);
        const t0 = performance.now();
        await new Promise((r) => requestAnimationFrame(r));
        while (el.querySelector('.row.placeholder') && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 4));
        out.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
      return out;
    }, Number(values.jumps));
    figures.jumpToRows = stats(jumps);
    log(`uiBench: jump → rows ${JSON.stringify(figures.jumpToRows)}`);
  } finally {
    await browser.close();
    await stopServer(server.child);
  }

  if (!values['json-only']) {
    const rows = [
      ['library', figures.library],
      ['machine', figures.machine],
      ['server ready after start', `${(figures.serverReadyMs / 1000).toFixed(1)} s (gleaner serve catching up with watched folders)`],
      ['first list paint', `${figures.firstListPaintMs} ms (after reload: ${figures.firstListPaintWarmMs} ms)`],
      [
        'keystroke → list painted',
        `p50 ${figures.keystrokeToList.p50} ms, p95 ${figures.keystrokeToList.p95} ms (n=${figures.keystrokeToList.n}, incl. the typing debounce)`,
      ],
      ['open article → preview', `p50 ${figures.openToPreview.p50} ms, p95 ${figures.openToPreview.p95} ms (n=${figures.openToPreview.n})`],
      [
        'scroll whole list',
        `${figures.scroll.seconds} s, ${figures.scroll.frames} frames, frame p95 ${figures.scroll.frameMs.p95} ms, ${figures.scroll.framesOver50ms} frames > 50 ms`,
      ],
      [
        'long tasks while scrolling',
        `${figures.scroll.longTasks.count} (max ${figures.scroll.longTasks.maxMs} ms, total ${figures.scroll.longTasks.totalMs} ms)`,
      ],
      ['jump deep → rows filled', `p50 ${figures.jumpToRows.p50} ms, p95 ${figures.jumpToRows.p95} ms (n=${figures.jumpToRows.n})`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
  }
  console.log(JSON.stringify(figures, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
