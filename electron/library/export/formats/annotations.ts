/**
 * Every highlight of the chosen articles as W3C Web Annotations (JSON-LD,
 * https://www.w3.org/TR/annotation-model/): one AnnotationCollection whose first and only
 * AnnotationPage lists them, article by article in reading order. Hypothesis, Recogito and
 * other annotation tools read this shape.
 *
 * Each annotation targets the article's url (or, when it has none, a `urn:gleaner:article:`
 * naming its folder and path) with a TextQuoteSelector (quote, prefix, suffix) and a
 * TextPositionSelector (offsets in Gleaner's anchor text of the article). A note is a
 * TextualBody with motivation `commenting`; a bare highlight has no body and motivation
 * `highlighting`. The colour travels the model's own way: a CSS stylesheet on the annotation
 * and a `styleClass` on its target. Articles without highlights add nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Highlight } from '../../../../shared/highlights.js';
import { FileSink } from '../sink.js';
import type { ExportArticle } from '../types.js';
import type { FormatModule } from '../formatModule.js';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Readable on white and on dark readers alike; the same hues as the reading pane's marks. */
export const HIGHLIGHT_CSS: Record<Highlight['color'], string> = {
  yellow: '#fde68a',
  green: '#bbf7d0',
  blue: '#bfdbfe',
  pink: '#fbcfe8',
  purple: '#ddd6fe',
};

/** What the annotations point at: the article's web address, else a name for it that needs no web. */
export function annotationSource(a: ExportArticle): string {
  if (a.url !== null && /^https?:\/\/\S+$/i.test(a.url)) return a.url;
  return `urn:gleaner:article:${encodeURIComponent(a.folderName)}/${a.relPath.split('/').map(encodeURIComponent).join('/')}`;
}

/** One highlight as a Web Annotation (without `@context`: the collection carries it). */
export function webAnnotation(a: ExportArticle, h: Highlight, id: string): Record<string, unknown> {
  const styleClass = `gleaner-${h.color}`;
  return {
    id,
    type: 'Annotation',
    motivation: h.note === '' ? 'highlighting' : 'commenting',
    created: h.createdAt,
    modified: h.updatedAt,
    ...(h.note === '' ? {} : { body: { type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' } }),
    target: {
      source: annotationSource(a),
      styleClass,
      selector: [
        { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
        { type: 'TextPositionSelector', start: h.start, end: h.end },
      ],
    },
    stylesheet: { type: 'CssStylesheet', value: `.${styleClass} { background-color: ${HIGHLIGHT_CSS[h.color]}; }` },
  };
}

export const annotations: FormatModule<'annotations'> = {
  descriptor: {
    format: 'annotations',
    label: 'Highlights as W3C Web Annotations (JSON-LD)',
    purpose: 'Your highlights and notes as W3C Web Annotations, for annotation tools',
    writes: 'file',
    extension: '.jsonld',
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
    titled: false,
    embedsImages: false,
    importable: false,
  },
  async write(context) {
    const collection = `urn:uuid:${randomUUID()}`;
    const page = { id: `urn:uuid:${randomUUID()}`, type: 'AnnotationPage', partOf: collection, startIndex: 0 };
    let total = 0;
    const written = await FileSink.writeFile(context.dest, async (sink) => {
      const head = {
        '@context': ANNOTATION_CONTEXT,
        id: collection,
        type: 'AnnotationCollection',
        label: context.title,
        generator: { type: 'Software', name: 'Gleaner' },
        generated: context.exportedAt,
      };
      // Streamed: the head, then one annotation per line, then the total (known only at the end).
      await sink.write(`${JSON.stringify(head).slice(0, -1)},\n"first": ${JSON.stringify(page).slice(0, -1)},\n"items": [`);
      for (const chunk of context.chunks()) {
        for (const article of chunk) {
          for (const h of article.highlights) {
            await sink.write(`${total === 0 ? '' : ','}\n  ${JSON.stringify(webAnnotation(article, h, `urn:uuid:${randomUUID()}`))}`);
            total++;
          }
          context.done();
        }
      }
      await sink.write(`${total === 0 ? '' : '\n'}]},\n"total": ${total}\n}\n`);
    });
    if (total === 0) context.warn('none of the exported articles has highlights; the annotation collection is empty');
    return written;
  },
};
