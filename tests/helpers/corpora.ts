import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The shared real-world corpora: `../shared/corpora` beside the repository (where CI
 * puts them), or GLEANER_CORPORA. Missing corpora are an error, never a silent skip.
 */
export function corporaDir(): string {
  const dir = process.env.GLEANER_CORPORA ?? resolve(__dirname, '../../../shared/corpora');
  if (!existsSync(join(dir, 'README.md'))) {
    throw new Error(`The shared corpora are missing at ${dir}: put shared/ beside the repository or set GLEANER_CORPORA`);
  }
  return dir;
}
