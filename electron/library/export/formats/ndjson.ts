/**
 * Newline-delimited JSON for large sets: line 1 is the header object, then one article
 * object per line. Tools can read it line by line without holding the whole file.
 */
import { FileSink } from '../sink.js';
import type { FormatModule } from '../formatModule.js';
import { articleRecord, jsonHeader } from './record.js';

export const ndjson: FormatModule<'ndjson'> = {
  descriptor: {
    format: 'ndjson',
    label: 'NDJSON (one article per line)',
    purpose: 'One article per line, for large sets and streaming tools',
    writes: 'file',
    extension: '.ndjson',
    contentType: 'application/x-ndjson; charset=utf-8',
    titled: false,
    embedsImages: false,
    importable: false,
  },
  async write(context) {
    return FileSink.writeFile(context.dest, async (sink) => {
      // JSON.stringify never writes a raw line break, so each record is exactly one line.
      await sink.write(`${JSON.stringify(jsonHeader(context, 'ndjson'))}\n`);
      for (const chunk of context.chunks()) {
        for (const article of chunk) {
          await sink.write(`${JSON.stringify(articleRecord(article))}\n`);
          context.done();
        }
      }
    });
  },
};
