/** CSL-JSON: one array of CSL items (see ./cslItems.ts), one item per line so it streams out. */
import { FileSink } from '../sink.js';
import type { FormatModule } from '../formatModule.js';
import { cslItem } from './cslItems.js';

export const cslJson: FormatModule<'csl-json'> = {
  descriptor: {
    format: 'csl-json',
    label: 'CSL-JSON citations',
    purpose: 'Citations for Zotero, Pandoc and reference managers, with every field CSL has',
    writes: 'file',
    extension: '.json',
    contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8',
    titled: false,
    embedsImages: false,
    importable: false,
  },
  async write(context) {
    return FileSink.writeFile(context.dest, async (sink) => {
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
    });
  },
};
