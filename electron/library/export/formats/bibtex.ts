/**
 * BibTeX, from the same CSL items as the CSL-JSON export, formatted by citation-js (which
 * escapes accents and braces the way BibTeX and biber read them). Newspaper articles become
 * `@article` with the source as `journal`, web pages `@misc` with `howpublished`; the access
 * date goes in `note`, as Zotero and biber import it.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { FileSink } from '../sink.js';
import type { FormatModule } from '../formatModule.js';
import { cslItem, type CslItem } from './cslItems.js';

/** ASCII letters and digits of some text, for citation keys every BibTeX tool accepts. */
const ascii = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9\s]/g, '')
    .trim();
/** A name's key part keeps every word ("van der Berg" → `vanderBerg`); a title's only the first. */
const namePart = (name: string): string => ascii(name).replace(/\s+/g, '');
const firstWord = (title: string): string => ascii(title).split(/\s+/)[0] ?? '';

/**
 * A readable, unique citation key: first author's family name, year, first title word
 * (`Bos2025Climate`), with `a`, `b`, … added on a clash, as reference managers do.
 */
function keyer(): (item: CslItem) => string {
  const used = new Set<string>();
  return (item) => {
    const first = item.author?.[0];
    const who = first ? namePart('family' in first ? first.family : first.literal) : '';
    const word = firstWord(item.title.replace(/^(?:the|a|an)\s+/i, ''));
    // Without an author the title word leads: a key starting with a digit upsets some tools.
    const base = (who ? `${who}${item.issued?.['date-parts'][0][0] ?? ''}${word}` : `${word}${item.issued?.['date-parts'][0][0] ?? ''}`) || 'item';
    let key = base;
    for (let n = 0; used.has(key.toLowerCase()); n++) key = `${base}${n < 26 ? String.fromCharCode(97 + n) : n}`;
    used.add(key.toLowerCase());
    return key;
  };
}

/**
 * citation-js leaves `&` bare, which LaTeX reads as a table column and stops on; it is
 * escaped in every field but the two that hold a URL (read verbatim by biber and hyperref).
 */
export function escapeAmpersands(bib: string): string {
  return bib
    .split('\n')
    .map((line) => (/^\t(?:url|howpublished) = /.test(line) ? line : line.replace(/(?<!\\)&/g, '\\&')))
    .join('\n');
}

export const bibtex: FormatModule<'bibtex'> = {
  descriptor: {
    format: 'bibtex',
    label: 'BibTeX citations',
    purpose: 'Citations for LaTeX, JabRef and reference managers',
    writes: 'file',
    extension: '.bib',
    contentType: 'application/x-bibtex; charset=utf-8',
    titled: false,
    embedsImages: false,
    importable: false,
  },
  async write(context) {
    const keyOf = keyer();
    return FileSink.writeFile(context.dest, async (sink) => {
      for (const chunk of context.chunks()) {
        const items = chunk.map((a) => {
          const item = cslItem(a, context.exportedAt);
          return { ...item, 'citation-key': keyOf(item) };
        });
        await sink.write(escapeAmpersands(new Cite(items).format('bibtex', { format: 'text' }) as string));
        for (let i = 0; i < chunk.length; i++) context.done();
      }
    });
  },
};
