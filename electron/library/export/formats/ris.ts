/**
 * RIS (Research Information Systems), from the same CSL items as the CSL-JSON export:
 * `TY  - NEWS` for articles with a source, `ELEC` for web pages. Written here rather than by
 * citation-js, whose RIS tables (after the RIS specification) drop a newspaper article's
 * authors and its month and day; Zotero, EndNote and Mendeley read AU and DA for every type.
 */
import { FileSink } from '../sink.js';
import type { FormatModule } from '../formatModule.js';
import { cslItem, type CslDate, type CslItem } from './cslItems.js';

/** RIS dates are `YYYY/MM/DD/` with empty parts for what is unknown. */
function risDate(date: CslDate): string {
  const [year, month, day] = date['date-parts'][0];
  const two = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${year}/${two(month)}/${two(day)}/`;
}

/** One RIS record (`keywords`: the article's tags, one KW line each); tags are two characters, two spaces, a hyphen and a space, CRLF lines. */
export function risRecord(item: CslItem, keywords: readonly string[]): string {
  const lines: [string, string][] = [
    ['TY', item.type === 'article-newspaper' ? 'NEWS' : 'ELEC'],
    ['ID', item.id],
    ['TI', item.title],
  ];
  for (const name of item.author ?? [])
    lines.push(['AU', 'literal' in name ? name.literal : `${name.family}, ${name.given ?? ''}`.replace(/, $/, '')]);
  if (item['container-title']) lines.push(['T2', item['container-title']]);
  if (item.issued) lines.push(['PY', String(item.issued['date-parts'][0][0])], ['DA', risDate(item.issued)]);
  if (item.URL) lines.push(['UR', item.URL]);
  lines.push(['Y2', risDate(item.accessed)]);
  if (item.abstract) lines.push(['AB', item.abstract]);
  if (item.language) lines.push(['LA', item.language]);
  for (const keyword of keywords) lines.push(['KW', keyword]);
  // A value is one line: a line break inside one would start a bogus tag.
  return `${lines.map(([tag, value]) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}\r\n`).join('')}ER  - \r\n\r\n`;
}

export const ris: FormatModule<'ris'> = {
  descriptor: {
    format: 'ris',
    label: 'RIS citations',
    purpose: 'Citations for EndNote, Zotero, Mendeley and most reference managers',
    writes: 'file',
    extension: '.ris',
    contentType: 'application/x-research-info-systems; charset=utf-8',
    titled: false,
    embedsImages: false,
    importable: false,
  },
  async write(context) {
    return FileSink.writeFile(context.dest, async (sink) => {
      for (const chunk of context.chunks()) {
        for (const article of chunk) {
          await sink.write(
            risRecord(
              cslItem(article, context.exportedAt),
              article.tags.map((t) => t.name),
            ),
          );
          context.done();
        }
      }
    });
  },
};
