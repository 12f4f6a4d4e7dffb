/** CSL-JSON: one array of CSL items (see ./cslItems.ts), one item per line so it streams out. */
import { FileSink } from '../sink.js';
import type { FormatModule } from '../types.js';
import { cslItem } from './cslItems.js';

export const cslJson: FormatModule = {
  descriptor: {
    format: 'csl-json',
    extension: '.json',
    writes: 'file',
    label: 'CSL-JSON citations',
    purpose: 'Citations for Zotero, Pandoc and reference managers, with every field CSL has',
    contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8',
  },
  async write(context) {
    const sink = await FileSink.create(context.dest);
    try {
      await sink.write('[');
      let first = true;
      for (const chunk of context.chunks()) {
        for (const article of chunk) {
          await sink.write(`${first ? '' : ','}\n  ${JSON.stringify(cslItem(article, context.exportedAt))}`);
          first = false;
          context.done();
        }
      }
      await sink.write(`${first ? '' : '\n'}]\n`);
      await sink.close();
    } finally {
      await sink.destroy();
    }
    return { files: 1, bytes: sink.bytes };
  },
};
