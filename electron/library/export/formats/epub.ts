/**
 * An EPUB 3 book: one XHTML chapter per article, a navigation document, a package document.
 * The zip (zip-stream, the core of archiver) is streamed: `mimetype` first, stored, with its
 * size and CRC in the local header; then each chapter as it is made; then the package and
 * navigation documents, which only list file names and titles.
 *
 * zip-stream takes one entry at a time. The next chapter is rendered while the previous one
 * is compressed (zlib works on its thread pool), so memory holds two chapters, however long
 * the book. Chosen over yazl, whose entry list keeps every added buffer until the end and is
 * rescanned per entry (quadratic: 40k chapters took 20 s to zip), and over fflate, whose
 * streaming zip always writes the mimetype entry with a data descriptor.
 * Embedded images (context.images) are files of the package: see epubImages.ts.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { Element, Text } from 'domhandler';
import ZipStream from 'zip-stream';
import { bodyParagraphs, plainTextWarning, sanitizedBody } from '../bodyHtml.js';
import { markHighlights, type MarkResult } from '../highlightMarks.js';
import { FileSink } from '../sink.js';
import type { ExportArticle } from '../types.js';
import type { ExportContext, FormatModule } from '../formatModule.js';
import { fitToXhtml, toXml, xmlText } from '../xhtml.js';
import { BookImages } from './epubImages.js';
import {
  BookCredits,
  chapterXhtml,
  CONTAINER_XML,
  highlightNotesXhtml,
  navXhtml,
  packageOpf,
  STYLE_CSS,
  type BookInfo,
  type ChapterEntry,
} from './epubParts.js';

/** The EPUB 3 note reference reading systems show as a pop-up footnote. */
const noteRef = (n: number): Element =>
  new Element('sup', { class: 'gleaner-hl-ref' }, [
    new Element('a', { 'epub:type': 'noteref', href: `#gleaner-hl-${n}`, id: `gleaner-hl-${n}-ref` }, [new Text(String(n))]),
  ]);

/** One chapter's XHTML; a body too broken to convert is written as plain text, with a warning. */
function chapter(context: ExportContext, article: ExportArticle, images: BookImages | null): { data: Buffer; blocked: number } {
  const body = sanitizedBody(article, images?.embed);
  let bodyXml: string;
  let marks: MarkResult = { notes: [], unplaced: article.highlights };
  try {
    // Marked before fitting: the fitter then makes marks and references valid where they stand.
    if (article.highlights.length > 0) marks = markHighlights(body.nodes, article.highlights, noteRef);
    bodyXml = toXml(fitToXhtml(body.nodes));
  } catch (error) {
    context.warn(plainTextWarning(article, error));
    bodyXml = bodyParagraphs(article)
      .map((line) => `<p>${xmlText(line)}</p>`)
      .join('\n');
    marks = { notes: [], unplaced: article.highlights };
  }
  return { data: Buffer.from(chapterXhtml(article, bodyXml, highlightNotesXhtml(marks))), blocked: body.blocked };
}

export const epub: FormatModule<'epub'> = {
  descriptor: {
    format: 'epub',
    label: 'EPUB e-book',
    purpose: 'An e-book with a chapter per article, for e-readers',
    writes: 'file',
    extension: '.epub',
    contentType: 'application/epub+zip',
    titled: true,
    embedsImages: true,
    importable: false,
  },
  async write(context) {
    const sink = await FileSink.create(context.dest);
    const zip = new ZipStream({ zlib: { level: 6 } });
    const closed = once(sink.writable, 'close');
    closed.catch(() => undefined); // after a failure the stream may error while being torn down
    // An error on either stream fails the entry being written (zip-stream would not call back).
    let failure: Error | null = null;
    let rejectCurrent: ((error: Error) => void) | null = null;
    const fail = (error: Error) => {
      failure ??= error;
      rejectCurrent?.(error);
    };
    zip.on('error', fail);
    sink.writable.on('error', fail);
    zip.pipe(sink.writable);
    const date = new Date(context.exportedAt);
    const add = (data: Buffer, name: string, store = false) =>
      new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        rejectCurrent = reject;
        zip.entry(data, { name, store, date }, (error) => {
          rejectCurrent = null;
          if (error) reject(error);
          else resolve();
        });
      });
    const credits = new BookCredits();
    try {
      // The OCF rule: `mimetype` is the first entry, stored (not compressed), no extra field.
      await add(Buffer.from('application/epub+zip'), 'mimetype', true);
      await add(Buffer.from(CONTAINER_XML), 'META-INF/container.xml');
      await add(Buffer.from(STYLE_CSS), 'OEBPS/style.css');
      const chapters: ChapterEntry[] = [];
      let blocked = 0;
      let previous: Promise<void> = Promise.resolve();
      const images = context.images && new BookImages(context.images);
      for (const chunk of context.chunks()) {
        await context.images?.prefetch(chunk);
        for (const article of chunk) {
          const made = chapter(context, article, images);
          credits.add(article);
          blocked += made.blocked;
          const n = String(chapters.length + 1).padStart(5, '0');
          chapters.push({ id: `c${n}`, href: `text/c${n}.xhtml`, title: article.title });
          await previous;
          previous = add(made.data, `OEBPS/text/c${n}.xhtml`);
          // Images already compress as well as they can: stored, like zip tools do.
          for (const file of images?.takeNew() ?? []) previous = previous.then(() => add(file.bytes, file.path, true));
          previous.catch(() => undefined); // awaited on the next turn; never left unobserved
          context.done();
        }
      }
      await previous;
      // Known only now: the package and navigation documents come after the chapters.
      const info: BookInfo = {
        identifier: `urn:uuid:${randomUUID()}`,
        title: context.title,
        language: credits.language(),
        creators: credits.creators(),
        modified: `${context.exportedAt.slice(0, 19)}Z`,
      };
      await add(Buffer.from(navXhtml(info, chapters)), 'OEBPS/nav.xhtml');
      await add(Buffer.from(packageOpf(info, chapters, images?.items ?? [])), 'OEBPS/content.opf');
      zip.finalize();
      await closed;
      if (failure) throw failure;
      if (blocked > 0) context.warn(`${blocked} remote image(s) or media were not embedded; they are links in the book`);
    } finally {
      zip.unpipe();
      await sink.destroy();
    }
    return { files: 1, bytes: (await stat(context.dest)).size };
  },
};
