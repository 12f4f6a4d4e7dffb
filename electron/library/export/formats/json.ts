/**
 * One JSON document: `{ "gleaner": {header}, "articles": [ … ] }`, one article per line
 * inside the array so the file streams out (and diffs) article by article.
 */
import { FileSink } from '../sink.js';
import type { FormatModule } from '../formatModule.js';
import { articleRecord, jsonHeader } from './record.js';

export const json: FormatModule<'json'> = {
  descriptor: {
    format: 'json',
    label: 'JSON document',
    purpose: 'One document with every field and your curation, for other programs',
    writes: 'file',
    extension: '.json',
    contentType: 'application/json; charset=utf-8',
    titled: false,
    embedsImages: false,
    importable: false,
  },
  async write(context) {
    return FileSink.writeFile(context.dest, async (sink) => {
      await sink.write(`{\n  "gleaner": ${JSON.stringify(jsonHeader(context, 'json').gleaner)},\n  "articles": [`);
      let first = true;
      for (const chunk of context.chunks()) {
        for (const article of chunk) {
          await sink.write(`${first ? '' : ','}\n    ${JSON.stringify(articleRecord(article))}`);
          first = false;
          context.done();
        }
      }
      await sink.write(`${first ? '' : '\n  '}]\n}\n`);
    });
  },
};
