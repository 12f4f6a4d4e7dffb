/**
 * Says once, before any test runs, which suites will skip because something from outside the
 * repository is missing (see tests/helpers/requirements.ts), and what to do about it.
 */
import { CORPORA, EPUBCHECK } from './helpers/requirements.js';

export default function setup(): void {
  for (const requirement of [CORPORA, EPUBCHECK]) {
    if (requirement.locate() !== null) continue;
    const fails = ['1', 'true', 'yes'].includes((process.env[requirement.requireVar] ?? '').toLowerCase());
    process.stdout.write(`${fails ? 'FAILING' : 'skipping'} the suites that need ${requirement.what}: ${requirement.missing()}\n`);
  }
}
