import { join } from 'node:path';
import { it } from 'vitest';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { corporaDir } from '../../../helpers/corpora.js';
import { tempDir } from '../../../helpers/tmp.js';
import { allIds, curateSome, epubcheck, libraryFrom, syntheticCorpus } from './helpers.js';

it('scratch', async () => {
  const syn = tempDir(); syntheticCorpus(syn, 200);
  const db = await libraryFrom([join(corporaDir(), 'rust-blog'), join(corporaDir(), 'nodejs-blog'), syn]);
  curateSome(db);
  for (const format of ['epub'] as const) {
    const out = `/tmp/scratch-export2.${format}`;
    const t = performance.now();
    const r = await exportArticles(db, { ids: allIds(db), format, out, overwrite: true });
    console.log(format, r.articles, r.bytes, (performance.now() - t).toFixed(0), 'ms', r.warnings);
  }
  const t = performance.now();
  const c = epubcheck('/tmp/scratch-export2.epub');
  console.log(c.status, (performance.now() - t).toFixed(0), c.output.slice(0, 6000));
}, 600_000);
