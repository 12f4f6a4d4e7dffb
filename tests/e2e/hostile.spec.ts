/**
 * Safe preview: every article of the hostile corpus (tests/fixtures/hostile, one attack
 * class per file) is opened in the real reading pane. No script may run in any frame (each
 * payload calls window.__gleanerXss), no request may leave the app's own origin, and each
 * article's benign text must still be readable.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { recordedPage, type EgressRecorder } from './helpers/egress';
import { articleList, expectCount, openApp, preview, searchBox, screenshot } from './helpers/app';
import { BIN, ROOT, useGleaner } from './helpers/server';

const HOSTILE = join(ROOT, 'tests', 'fixtures', 'hostile');
const numbers = readdirSync(HOSTILE)
  .map((name) => /^(\d+)-.*\.html$/.exec(name)?.[1])
  .filter((n): n is string => n !== undefined)
  .sort();

const gleaner = useGleaner();

/**
 * The checks: every payload calls window.__gleanerXss (exposed in every frame), dialogs are
 * caught, and every request outside the app's own origin is recorded, from the page's events
 * and at the recording proxy.
 */
async function watchForEscapes(page: Page, origin: string, egress: EgressRecorder): Promise<{ fired: unknown[]; foreign: () => string[] }> {
  const fired: unknown[] = [];
  await page.exposeFunction('__gleanerXss', (n: unknown) => fired.push(n));
  page.on('dialog', (dialog) => {
    fired.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|about|blob):/.test(url)) seen.push(url);
  });
  return { fired, foreign: () => [...seen, ...egress.attempts] };
}

/** The body of a hostile fixture, front matter removed: the raw payload. */
const payload = (name: string): string => readFileSync(join(HOSTILE, name), 'utf8').replace(/^\+\+\+[\s\S]*?\+\+\+\n/, '');

test('the detector works: the same payloads in a frame that allows scripts are caught, requests from sandboxed frames too', async ({ browser }) => {
  const { page, egress, close } = await recordedPage(browser);
  try {
    const { fired, foreign } = await watchForEscapes(page, gleaner.server.origin, egress);
    const planted = [payload('01-script-plain.html'), payload('12-onerror-img.html'), payload('13-onload-body.html')].join('\n');
    await page.setContent('<iframe sandbox="allow-scripts" title="planted"></iframe><iframe sandbox title="inert"></iframe>');
    await page.locator('iframe[title="planted"]').evaluate((frame, html) => {
      (frame as HTMLIFrameElement).srcdoc = html;
    }, planted);
    // A frame like the article frame (no scripts at all) still loads remote images: caught here.
    await page.locator('iframe[title="inert"]').evaluate((frame) => {
      (frame as HTMLIFrameElement).srcdoc = '<img src="https://pixel.invalid/inert.gif">';
    });
    // An inline <script> can run before the binding reaches a brand-new frame; the handlers
    // (onerror, onload) fire later. Two payloads caught prove the check.
    await expect.poll(() => new Set(fired).size).toBeGreaterThanOrEqual(2);
    for (const n of fired) expect([1, 12, 13]).toContain(n);
    await expect.poll(() => foreign().join(' ')).toMatch(/tracker\.invalid/);
    await expect.poll(() => foreign().join(' ')).toMatch(/pixel\.invalid/);
  } finally {
    await close();
  }
});

test('opening every hostile article runs no script and makes no request beyond the app', async ({ browser }) => {
  test.setTimeout(240_000);
  expect(numbers.length).toBeGreaterThanOrEqual(60);
  execFileSync(process.execPath, [BIN, 'import', HOSTILE, '--db', gleaner.server.dbPath], { cwd: ROOT, stdio: 'pipe' });

  const { page, egress, close } = await recordedPage(browser);
  try {
    const { fired, foreign } = await watchForEscapes(page, gleaner.server.origin, egress);
    await openApp(page, gleaner.server);
    for (const n of numbers) {
      await searchBox(page).fill(`title:"Hostile ${n}"`);
      await expectCount(page, 1);
      // The row is named by the article's title: wait for this article's row, not the last one's.
      await articleList(page)
        .getByRole('option', { name: new RegExp(`^Hostile ${n}:`) })
        .click();
      await expect(preview(page).getByText(`BENIGN-MARKER-${n}`, { exact: true })).toBeVisible();
    }
    await screenshot(page, 'hostile-last-article');
    // Give anything deferred (timers, lazy loads, meta refresh) a moment to misbehave.
    await page.waitForTimeout(1000);
    expect(fired, 'script payloads that ran').toEqual([]);
    expect(foreign(), 'requests outside the app').toEqual([]);
  } finally {
    await close();
  }
});
