/**
 * An EPUB 3 book: one XHTML chapter per article, a navigation document, a package document.
 * The zip (yazl) is streamed: `mimetype` first and stored, then chapters as they are made,
 * then the package and navigation documents, which only list file names and titles.
 *
 * yazl writes entries strictly in order and does not push back on its producer, so
 * chapters are added as lazy streams and production waits while more than WINDOW of them
 * are waiting to be taken: memory holds a handful of chapters, however long the book.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { Readable, type PassThrough } from 'node:stream';
import { ZipFile } from 'yazl';
import { bodyParagraphs, plainTextWarning, sanitizedBody } from '../bodyHtml.js';
import { FileSink } from '../sink.js';
import type { FormatModule } from '../types.js';
import { fitToXhtml, toXml, xmlText } from '../xhtml.js';
import { chapterXhtml, CONTAINER_XML, navXhtml, packageOpf, STYLE_CSS, type BookInfo, type ChapterEntry } from './epubParts.js';

/** Chapters made ahead of the zip writer: keeps the producer busy while zlib compresses. */
const WINDOW = 16;
/** Bytes allowed to wait between yazl and the file before the producer pauses. */
const HIGH_WATER = 8 << 20;

export const epub: FormatModule = {
  descriptor: { format: 'epub', extension: '.epub', writes: 'file', label: 'EPUB e-book' },
  async write(context) {
    const sink = await FileSink.create(context.dest);
    const zip = new ZipFile();
    let failure: Error | null = null;
    let wake: (() => void) | null = null;
    const failed = new Promise<never>((_, reject) => {
      const fail = (error: Error) => {
        failure ??= error;
        wake?.();
        reject(error);
      };
      zip.outputStream.on('error', fail);
      sink.writable.on('error', fail);
    });
    failed.catch(() => undefined); // observed through `failure` and the races below
    const closed = once(sink.writable, 'close');
    closed.catch(() => undefined); // after a failure the stream may error while being torn down
    const output = zip.outputStream as PassThrough;
    output.pipe(sink.writable);
    const mtime = new Date(context.exportedAt);
    const info: BookInfo = {
      identifier: `urn:uuid:${randomUUID()}`,
      title: context.title,
      // Articles can be in any language and Gleaner does not know which: "undetermined".
      language: 'und',
      modified: `${context.exportedAt.slice(0, 19)}Z`,
    };
    try {
      // The OCF rule: `mimetype` is the first entry, stored (not compressed), no extra field.
      zip.addBuffer(Buffer.from('application/epub+zip'), 'mimetype', { compress: false, mtime });
      zip.addBuffer(Buffer.from(CONTAINER_XML), 'META-INF/container.xml', { mtime });
      zip.addBuffer(Buffer.from(STYLE_CSS), 'OEBPS/style.css', { mtime });
      const chapters: ChapterEntry[] = [];
      let pulled = 0;
      // Chapters are lazy entries: yazl asks for one only when everything before it is written,
      // and the closure lets go of the buffer once handed over. (addBuffer would keep every
      // compressed chapter referenced from yazl's entry list until the book is finished.)
      const addChapter = (name: string, data: Buffer) => {
        let pending: Buffer | null = data;
        zip.addReadStreamLazy(name, { mtime }, (cb) => {
          const stream = Readable.from([pending!]);
          pending = null;
          pulled++;
          wake?.();
          cb(null, stream);
        });
      };
      let blocked = 0;
      for (const chunk of context.chunks()) {
        for (const article of chunk) {
          const body = sanitizedBody(article);
          blocked += body.blocked;
          const n = String(chapters.length + 1).padStart(5, '0');
          const entry: ChapterEntry = { id: `c${n}`, href: `text/c${n}.xhtml`, title: article.title };
          let bodyXml: string;
          try {
            bodyXml = toXml(fitToXhtml(body.nodes));
          } catch (error) {
            context.warn(plainTextWarning(article, error));
            bodyXml = bodyParagraphs(article).map((line) => `<p>${xmlText(line)}</p>`).join('\n');
          }
          const data = Buffer.from(chapterXhtml(info, article, bodyXml));
          chapters.push(entry);
          addChapter(`OEBPS/${entry.href}`, data);
          // Wait while more than WINDOW chapters are made but not yet taken by the zip.
          while (chapters.length - pulled > WINDOW && failure === null) await new Promise<void>((resolve) => (wake = resolve));
          if (failure !== null) throw failure;
          // yazl ignores write() returning false; its buffer growing means the disk is behind.
          if (output.writableLength > HIGH_WATER) await Promise.race([failed, once(output, 'drain')]);
          context.done();
        }
      }
      zip.addBuffer(Buffer.from(navXhtml(info, chapters)), 'OEBPS/nav.xhtml', { mtime });
      zip.addBuffer(Buffer.from(packageOpf(info, chapters)), 'OEBPS/content.opf', { mtime });
      zip.end();
      await Promise.race([failed, closed]);
      if (blocked > 0) context.warn(`${blocked} remote image(s) or media were not embedded; they are links in the book`);
    } finally {
      output.unpipe(sink.writable);
      await sink.destroy();
    }
    return { files: 1, bytes: (await stat(context.dest)).size };
  },
};
