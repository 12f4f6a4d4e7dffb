/**
 * The fixed and templated files of an EPUB 3 book: container, stylesheet, one XHTML
 * chapter per article, the navigation document and the package document. Every value that
 * comes from article data goes through xmlText/xmlAttr (escaped, XML-invalid characters
 * dropped); bodies arrive already fitted to XHTML (see ../xhtml.ts).
 */
import { metadataRows } from '../metadata.js';
import type { MarkResult } from '../highlightMarks.js';
import type { ExportArticle } from '../types.js';
import type { BookImage } from './epubImages.js';
import { strictUri, xmlAttr, xmlText } from '../xhtml.js';

/** What a reading system needs to know about the book as a whole. */
export interface BookInfo {
  identifier: string;
  title: string;
  /** The articles' language when they share one, else `und` (undetermined). */
  language: string;
  /** `dc:creator` of the book: the articles' authors when they are few (see BookCredits). */
  creators: string[];
  /** `CCYY-MM-DDThh:mm:ssZ`, as dcterms:modified requires. */
  modified: string;
}

/** One chapter as the package and navigation documents list it. */
export interface ChapterEntry {
  id: string;
  href: string;
  title: string;
}

export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

export const STYLE_CSS = `body { font-family: serif; line-height: 1.5; margin: 0 1em; }
h1 { font-family: sans-serif; font-size: 1.5em; line-height: 1.25; margin: 1em 0 0.5em; }
.meta { font-family: sans-serif; font-size: 0.85em; color: #555; margin: 0 0 1.5em; }
.meta dt { font-weight: bold; float: left; clear: left; margin-right: 0.5em; }
.meta dd { margin: 0 0 0.2em 0; white-space: pre-wrap; }
.body img { max-width: 100%; height: auto; }
.body pre { white-space: pre-wrap; font-size: 0.85em; }
.body table { border-collapse: collapse; }
.body td, .body th { border: 1px solid #999; padding: 0.2em 0.4em; }
.body blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid #ccc; }
.gleaner-blocked { border: 1px dashed #999; padding: 0 0.2em; }
.gleaner-hl-yellow { background-color: #fde68a; } .gleaner-hl-green { background-color: #bbf7d0; }
.gleaner-hl-blue { background-color: #bfdbfe; } .gleaner-hl-pink { background-color: #fbcfe8; }
.gleaner-hl-purple { background-color: #ddd6fe; } .gleaner-hl-ref { font-size: 0.75em; }
.highlights blockquote { margin: 0.5em 0; padding-left: 1em; border-left: 3px solid #ccc; }
nav ol { padding-left: 1.5em; }
`;

const titleText = (title: string): string => (xmlText(title).trim() === '' ? 'Untitled' : xmlText(title));

/** A book with more distinct authors than this is a digest "by various": no `dc:creator`. */
export const MAX_BOOK_CREATORS = 10;

/** Gathers, chapter by chapter, what the package document says about the whole book. */
export class BookCredits {
  private readonly authors = new Map<string, string>();
  private readonly languages = new Set<string | null>();

  add(article: ExportArticle): void {
    for (const name of article.authors) if (!this.authors.has(name.toLowerCase())) this.authors.set(name.toLowerCase(), name);
    this.languages.add(article.lang);
  }

  /** The one language every article is in, else `und`. */
  language(): string {
    const [only] = this.languages;
    return this.languages.size === 1 && only ? only : 'und';
  }

  /** Every author in order of first appearance, or none when there are more than MAX_BOOK_CREATORS. */
  creators(): string[] {
    return this.authors.size > MAX_BOOK_CREATORS ? [] : [...this.authors.values()];
  }
}

function page(lang: string, title: string, cssHref: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${xmlAttr(lang)}" lang="${xmlAttr(lang)}">
<head>
<title>${title}</title>
<link rel="stylesheet" type="text/css" href="${cssHref}"/>
</head>
<body>
${body}
</body>
</html>
`;
}

const noteXml = (note: string): string => xmlText(note).split(/\r?\n/).join('<br/>');

/**
 * Notes of the marked passages as EPUB footnotes (reading systems show them as pop-ups from
 * their references), then the highlights that could not be placed, visibly, with their notes.
 */
export function highlightNotesXhtml({ notes, unplaced }: MarkResult): string {
  const asides = notes.map(
    ({ n, highlight }) =>
      `<aside epub:type="footnote" id="gleaner-hl-${n}"><p><a href="#gleaner-hl-${n}-ref">${n}.</a> ${noteXml(highlight.note)}</p></aside>`,
  );
  if (unplaced.length > 0) {
    const items = unplaced.map(
      (h) =>
        `<li><blockquote><p><mark class="gleaner-hl gleaner-hl-${h.color}">${xmlText(h.exact)}</mark></p></blockquote>${h.note === '' ? '' : `<p>${noteXml(h.note)}</p>`}</li>`,
    );
    asides.push(`<section class="highlights">\n<h2>Highlights no longer found in the text</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>`);
  }
  return asides.join('\n');
}

/**
 * One article's chapter, in the article's language; `bodyXml` is the fitted, serialized
 * sanitized body, `notesXml` what follows it (highlight notes).
 */
export function chapterXhtml(article: ExportArticle, bodyXml: string, notesXml = ''): string {
  const rows = metadataRows(article)
    .map((r) => {
      const value = r.href ? `<a href="${xmlAttr(strictUri(r.href))}">${xmlText(r.text)}</a>` : xmlText(r.text);
      return `<dt>${xmlText(r.label)}</dt><dd>${value}</dd>`;
    })
    .join('\n');
  const title = titleText(article.title);
  const meta = rows === '' ? '' : `<dl class="meta">\n${rows}\n</dl>\n`;
  return page(
    article.lang ?? 'und',
    title,
    '../style.css',
    `<section epub:type="chapter">\n<h1>${title}</h1>\n${meta}<div class="body">\n${bodyXml}\n</div>\n${notesXml === '' ? '' : `${notesXml}\n`}</section>`,
  );
}

/** The navigation document: the book's table of contents. */
export function navXhtml(info: BookInfo, chapters: ChapterEntry[]): string {
  const items = chapters.map((c) => `<li><a href="${xmlAttr(c.href)}">${titleText(c.title)}</a></li>`).join('\n');
  return page(
    info.language,
    'Contents',
    'style.css',
    `<nav epub:type="toc" id="toc">\n<h1>${titleText(info.title)}</h1>\n<ol>\n${items}\n</ol>\n</nav>`,
  );
}

/** The package document: metadata, every file (manifest) and the reading order (spine). */
export function packageOpf(info: BookInfo, chapters: ChapterEntry[], images: readonly BookImage[] = []): string {
  const manifest = [
    ...chapters.map((c) => `    <item id="${c.id}" href="${xmlAttr(c.href)}" media-type="application/xhtml+xml"/>`),
    ...images.map((i) => `    <item id="${i.id}" href="${xmlAttr(i.href)}" media-type="${i.mime}"/>`),
  ].join('\n');
  const spine = chapters.map((c) => `    <itemref idref="${c.id}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${xmlAttr(info.language)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${xmlText(info.identifier)}</dc:identifier>
    <dc:title>${titleText(info.title)}</dc:title>
    <dc:language>${xmlText(info.language)}</dc:language>
${info.creators.map((name) => `    <dc:creator>${xmlText(name)}</dc:creator>\n`).join('')}    <meta property="dcterms:modified">${xmlText(info.modified)}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="style" href="style.css" media-type="text/css"/>
${manifest}
  </manifest>
  <spine>
    <itemref idref="nav"/>
${spine}
  </spine>
</package>
`;
}
