/**
 * What a settled search costs the service: one page request and one facets request, plus
 * one batched counts call when the sidebar shows parent tags (their honest counts), and
 * nothing that computes a page only to read its total.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page, type Request } from '@playwright/test';
import { expectCount, openApp, searchBox } from './helpers/app';
import { BIN, ROOT, useGleaner } from './helpers/server';

const gleaner = useGleaner({ seed: true });

test.beforeAll(() => {
  // A parent tag on screen, so the sidebar asks for its honest count.
  execFileSync(process.execPath, [BIN, 'tag', 'add', 'policy/uk', 'title:desert OR title:council', '--db', gleaner.server.dbPath], {
    cwd: ROOT,
    stdio: 'pipe',
  });
});

/** Every articles call the page makes, as `method query` (the body's query or queries). */
function recordArticleCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request: Request) => {
    const match = /\/api\/articles\/([a-zA-Z]+)$/.exec(new URL(request.url()).pathname);
    if (!match) return;
    const body = request.postDataJSON() as { query?: string; queries?: string[]; offset?: number };
    calls.push(`${match[1]} ${body.queries ? JSON.stringify(body.queries) : body.query}${body.offset ? ` @${body.offset}` : ''}`);
  });
  return calls;
}

/** Waits until no articles call has gone out for a while: the search has settled. */
async function settled(page: Page, calls: string[]): Promise<string[]> {
  let seen = -1;
  while (seen !== calls.length) {
    seen = calls.length;
    await page.waitForTimeout(1000); // longer than the facets' wait for typing to pause
  }
  return [...calls];
}

/** Opens the app on the whole library, waits for it to settle, and records the calls made from then on. */
async function openSettled(page: Page): Promise<string[]> {
  const calls = recordArticleCalls(page);
  await openApp(page, gleaner.server);
  await expectCount(page, 12);
  await settled(page, calls);
  calls.length = 0;
  return calls;
}

const facetsShown = (page: Page, source: string, n: number) =>
  expect(page.getByRole('button', { name: `Filter by source ${source} ${n} article${n === 1 ? '' : 's'}` })).toBeVisible();

test('a settled search is one page request, one facets request and one batched counts call', async ({ page }) => {
  const calls = await openSettled(page);

  await searchBox(page).fill('energy');
  await expectCount(page, 5);
  await facetsShown(page, 'Green Energy Times', 4);
  expect((await settled(page, calls)).sort()).toEqual(['counts ["energy* tag:policy"]', 'facets energy*', 'search energy*'].sort());
});

test('a date filter adds one facets call for the timeline (the query without its dates), after the sidebar’s', async ({ page }) => {
  const calls = await openSettled(page);

  await searchBox(page).fill('energy after:2025-06');
  await expectCount(page, 3);
  // No parent tag among these three: no counts call either.
  expect((await settled(page, calls)).sort()).toEqual(['facets energy', 'facets energy after:2025-06', 'search energy after:2025-06']);
});
