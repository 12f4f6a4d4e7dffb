/**
 * The Hugo page-bundle fixture (tests/fixtures/bundle), copied where a test can add what git
 * does not keep portably: symbolic links pointing out of the imported folder.
 */
import { cpSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLE_FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/bundle');

/** A copy of the site under `dir`; returns the site root (import its `content/` folder). */
export function bundleSite(dir: string): string {
  const site = join(dir, 'site');
  cpSync(BUNDLE_FIXTURE, site, { recursive: true });
  // A picture beside the hostile article that is really the site's secret.png, outside content/.
  symlinkSync('../../secret.png', join(site, 'content', 'hostile', 'linked-out.png'));
  return site;
}
