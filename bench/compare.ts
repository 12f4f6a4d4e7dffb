/**
 * The import's yardstick: `hugo list all` over the very same files, checked to have really
 * listed them, with the file cache either dropped (cold) or filled (warm) before each step.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

export type CacheState = 'cold' | 'warm';

const DROP_CACHES = '/proc/sys/vm/drop_caches';

/** Whether this process may empty the kernel's page cache (root on Linux). */
export function canDropCaches(): boolean {
  try {
    accessSync(DROP_CACHES, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Brings the file cache to `state`: cold drops it (after a sync, so dirty pages go too);
 * warm reads every file of `dir` once, so the step measured next reads from memory.
 */
export function prepareCache(state: CacheState, dir: string): void {
  if (state === 'cold') {
    spawnSync('sync');
    writeFileSync(DROP_CACHES, '3\n');
  } else {
    const read = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) read(join(d, e.name));
        else readFileSync(join(d, e.name));
      }
    };
    read(dir);
  }
}

export function hugoInstalled(): boolean {
  return spawnSync('hugo', ['version']).status === 0;
}

/**
 * Times `hugo list all` on the site and checks its output: a header line plus one line
 * per article. Anything else means hugo skipped files (wrong extension, front matter it
 * refused) and the comparison would be meaningless, so it throws.
 */
export function hugoListAll(siteDir: string, articles: number): { seconds: number; lines: number } | null {
  const started = performance.now();
  const result = spawnSync('hugo', ['list', 'all', '-s', siteDir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  // Hugo keeps every page in memory: at 1,000,000 articles it reached 22.5 GB and the kernel
  // killed it on this 24 GB machine. The import's figures still count; the ratio is not given.
  if (result.signal) {
    console.error(
      `bench: hugo list all was killed (${result.signal}) after ${seconds.toFixed(1)} s in ${siteDir}; no comparison with hugo in this step`,
    );
    return null;
  }
  if (result.status !== 0) throw new Error(`bench: hugo list all failed in ${siteDir}: ${result.stderr.trim().slice(0, 500)}`);
  const lines = result.stdout.split('\n').filter((l) => l !== '').length;
  if (lines !== articles + 1) {
    throw new Error(`bench: hugo list all printed ${lines} lines for ${articles} articles (expected ${articles + 1}: a header and one per article)`);
  }
  return { seconds, lines };
}

/** The 1-minute load average, for the figures printed beside each time. */
export const load = () => +loadavg()[0]!.toFixed(2);
