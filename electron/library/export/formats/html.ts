/**
 * One self-contained HTML file: contents, then each article's metadata (escaped text) and
 * sanitized body. No scripts, nothing loaded from anywhere: the CSP allows inline styles and
 * data: images only, so even a sanitizer miss could not run or phone home when it is opened.
 * Images the person chose to embed (context.images) are written as data: URLs for that reason.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { Element, Text } from 'domhandler';
import type { Highlight } from '../../../../shared/highlights.js';
import { escapeHtml, LINK_REL, sanitizedBodyHtml } from '../bodyHtml.js';
import { markHighlights, type MarkResult } from '../highlightMarks.js';
import { displayDate, metadataRows } from '../metadata.js';
import { FileSink } from '../sink.js';
import type { ArticleHead, ExportArticle } from '../types.js';
import type { ExportContext, FormatModule } from '../formatModule.js';

/** The Content-Security-Policy of every HTML digest. */
export const DIGEST_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light dark; }
body { font: 17px/1.6 Georgia, "Times New Roman", serif; max-width: 44em; margin: 2em auto; padding: 0 1em; }
h1, h2, h3, h4, .meta, nav { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
header p, .meta { color: #666; font-size: 0.9em; }
nav ol { padding-left: 2em; } nav li { margin: 0.2em 0; } nav .when { color: #666; font-size: 0.85em; }
article { border-top: 1px solid #ccc; margin-top: 3em; padding-top: 1em; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; margin: 0 0 1.5em; }
.meta dt { font-weight: 600; } .meta dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.body img { max-width: 100%; height: auto; }
.body pre { white-space: pre-wrap; overflow-wrap: anywhere; background: rgba(127,127,127,.1); padding: 0.5em; }
.body table { border-collapse: collapse; } .body td, .body th { border: 1px solid #ccc; padding: 0.2em 0.4em; }
.body blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; }
.gleaner-hl { color: inherit; border-radius: 2px; }
.gleaner-hl-yellow { background: #fde68a; } .gleaner-hl-green { background: #bbf7d0; } .gleaner-hl-blue { background: #bfdbfe; }
.gleaner-hl-pink { background: #fbcfe8; } .gleaner-hl-purple { background: #ddd6fe; }
.gleaner-hl-ref { font-size: 0.75em; } .highlights { font-size: 0.95em; border-top: 1px dotted #ccc; margin-top: 1.5em; }
.highlights blockquote { border-left: 3px solid #ccc; margin: 0.5em 0; padding-left: 1em; }
.gleaner-blocked { border: 1px dashed #999; padding: 0 0.25em; font-size: 0.9em; }
.back { font-size: 0.85em; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  nav, article { break-before: page; } .back { display: none; }
  .body a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.8em; overflow-wrap: anywhere; }
  pre, blockquote, table, figure, img { break-inside: avoid; }
}`;

function head(title: string, context: ExportContext): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DIGEST_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Gleaner">
<title>${title}</title>
<style>${STYLE}
</style>
</head>
<body>
<header><h1>${title}</h1><p>${context.total} article${context.total === 1 ? '' : 's'} · exported ${escapeHtml(displayDate(context.exportedAt))}</p></header>
<nav id="contents"><h2>Contents</h2><ol>
`;
}

function tocEntry(h: ArticleHead): string {
  const when = [h.source, h.date === null ? null : displayDate(h.date)].filter((x) => x !== null).join(' · ');
  return `<li><a href="#article-${h.id}">${escapeHtml(h.title)}</a>${when ? ` <span class="when">${escapeHtml(when)}</span>` : ''}</li>\n`;
}

const noteId = (a: ExportArticle, n: number) => `gleaner-hl-${a.id}-${n}`;

/**
 * The body with highlighted passages marked and a numbered reference after each one with a
 * note; and the aside with the notes (and the highlights that could not be placed).
 */
export function highlightedBody(a: ExportArticle, bodyHtml: string): { body: string; notes: string } {
  if (a.highlights.length === 0) return { body: bodyHtml, notes: '' };
  const doc = parseDocument(bodyHtml, { decodeEntities: true });
  let marks: MarkResult;
  let html: string;
  try {
    marks = markHighlights(doc.children, a.highlights, (n) => {
      const link = new Element('a', { href: `#${noteId(a, n)}`, id: `${noteId(a, n)}-ref` }, [new Text(String(n))]);
      return new Element('sup', { class: 'gleaner-hl-ref' }, [link]);
    });
    html = DomUtils.getOuterHTML(doc.children, { encodeEntities: 'utf8' });
  } catch {
    // Too deeply nested to walk or serialize: the body as it was, every highlight listed below it.
    marks = { notes: [], unplaced: a.highlights };
    html = bodyHtml;
  }
  return { body: html, notes: highlightsAside(a, marks) };
}

const quote = (h: Highlight) => `<blockquote><mark class="gleaner-hl gleaner-hl-${h.color}">${escapeHtml(h.exact)}</mark></blockquote>`;
const noteText = (note: string) => escapeHtml(note).replace(/\r?\n/g, '<br>');

function highlightsAside(a: ExportArticle, { notes, unplaced }: MarkResult): string {
  if (notes.length === 0 && unplaced.length === 0) return '';
  const parts = ['<aside class="highlights">'];
  if (notes.length > 0) {
    const items = notes.map(
      ({ n, highlight }) =>
        `<li id="${noteId(a, n)}">${noteText(highlight.note)} <a href="#${noteId(a, n)}-ref" aria-label="Back to the passage">↩</a></li>`,
    );
    parts.push(`<h3>Notes</h3>\n<ol>\n${items.join('\n')}\n</ol>`);
  }
  if (unplaced.length > 0) {
    const items = unplaced.map((h) => `<li>${quote(h)}${h.note === '' ? '' : `<p>${noteText(h.note)}</p>`}</li>`);
    parts.push(`<h3>Highlights no longer found in the text</h3>\n<ul class="detached">\n${items.join('\n')}\n</ul>`);
  }
  return `${parts.join('\n')}\n</aside>`;
}

function articleHtml(a: ExportArticle, { body, notes }: { body: string; notes: string }): string {
  const rows = metadataRows(a)
    .map(
      (r) =>
        `<dt>${escapeHtml(r.label)}</dt><dd>${r.href ? `<a href="${escapeHtml(r.href)}" rel="${LINK_REL}">${escapeHtml(r.text)}</a>` : escapeHtml(r.text)}</dd>`,
    )
    .join('\n');
  // The body's language for screen readers, hyphenation and fonts (the page itself is mixed).
  const lang = a.lang === null ? '' : ` lang="${escapeHtml(a.lang)}"`;
  return `<article id="article-${a.id}"${lang}>
<h2>${escapeHtml(a.title)}</h2>
<dl class="meta">
${rows}
</dl>
<div class="body">
${body}
</div>
${notes === '' ? '' : `${notes}\n`}<p class="back"><a href="#contents">Back to contents</a></p>
</article>
`;
}

export const html: FormatModule<'html'> = {
  descriptor: {
    format: 'html',
    label: 'HTML digest (one page)',
    purpose: 'One offline page with a table of contents; prints well',
    writes: 'file',
    extension: '.html',
    contentType: 'text/html; charset=utf-8',
    titled: true,
    embedsImages: true,
    importable: true,
  },
  async write(context) {
    let blocked = 0;
    const written = await FileSink.writeFile(context.dest, async (sink) => {
      await sink.write(head(escapeHtml(context.title), context));
      // The contents come first in the file, so titles are read in a cheap pass before bodies.
      // Anchors use library ids, so an article deleted between the passes cannot shift them.
      for (const heads of context.heads()) await sink.write(heads.map(tocEntry).join(''));
      await sink.write('</ol></nav>\n<main>\n');
      const images = context.images;
      for (const chunk of context.chunks()) {
        await images?.prefetch(chunk);
        for (const article of chunk) {
          const body = sanitizedBodyHtml(article, images?.dataUrls);
          blocked += body.blocked;
          await sink.write(articleHtml(article, highlightedBody(article, body.html)));
          context.done();
        }
      }
      await sink.write('</main>\n</body>\n</html>\n');
    });
    if (blocked > 0) context.warn(`${blocked} remote image(s) or media were not embedded; they are links in the digest`);
    return written;
  },
};
