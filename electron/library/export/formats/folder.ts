/**
 * A folder of article files in the format they came from: stored front matter verbatim plus
 * a `gleaner` key (see article/gleanerKey.ts), body as stored, at the article's original relative
 * path made safe. Importing the folder gives the articles back; an importer that reads the
 * `gleaner` key gives the curation back too.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../../article/body.js';
import { articleFileText } from '../../article/frontMatterWrite.js';
import { PathAllocator, resolveInside } from '../safeNames.js';
import { FOLDER_MARKER } from '../target.js';
import type { ExportArticle } from '../types.js';
import type { FormatModule } from '../formatModule.js';

const DEFAULT_EXTENSION = { markdown: '.md', html: '.html', text: '.txt' } as const;

/**
 * The stored path, with an extension the importer reads (it only reads article file types).
 * Articles from several imported folders go under a folder named after their own, since two
 * folders commonly both hold `index.md` or `2025/01/post.md`.
 */
function articlePath(a: ExportArticle, folderCount: number): string {
  const ext = /\.[^./]+$/.exec(a.relPath)?.[0]?.toLowerCase();
  const path = ext !== undefined && ARTICLE_EXTENSIONS.has(ext) ? a.relPath : a.relPath + DEFAULT_EXTENSION[a.bodyFormat];
  return folderCount > 1 ? `${a.folderName}/${path}` : path;
}

/** Small files in flight at once: each async write is three thread-pool trips (open, write, close). */
const IN_FLIGHT = 16;

/** Keeps up to `limit` writes running; the first failure is thrown by the next add or drain. */
class WritePool {
  private readonly running = new Set<Promise<void>>();
  private failure: unknown = null;

  constructor(private readonly limit: number) {}

  async add(write: Promise<void>): Promise<void> {
    const tracked: Promise<void> = write.then(
      () => void this.running.delete(tracked),
      (error: unknown) => {
        this.failure ??= error;
        this.running.delete(tracked);
      },
    );
    this.running.add(tracked);
    if (this.running.size >= this.limit) await Promise.race(this.running);
    if (this.failure !== null) throw this.failure;
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
    if (this.failure !== null) throw this.failure;
  }

  /** Waits for every write to end, failed or not: the temporary folder is removed only after. */
  async settle(): Promise<void> {
    await Promise.all(this.running);
  }
}

export const folder: FormatModule<'folder'> = {
  descriptor: {
    format: 'folder',
    label: 'Folder of article files',
    purpose: 'One file per article with its front matter; imports back with your curation',
    writes: 'folder',
    extension: '',
    contentType: 'application/octet-stream',
    titled: false,
    embedsImages: false,
    importable: true,
  },
  async write(context) {
    const allocator = new PathAllocator([FOLDER_MARKER]);
    const madeDirs = new Set<string>([context.dest]);
    const renamed: string[] = [];
    const writes = new WritePool(IN_FLIGHT);
    let files = 0;
    let bytes = 0;
    try {
      for (const chunk of context.chunks()) {
        for (const article of chunk) {
          const rel = allocator.allocate(articlePath(article, context.folderCount));
          const expected = context.folderCount > 1 ? `${article.folderName}/${article.relPath}` : article.relPath;
          if (rel !== expected) renamed.push(`"${expected}" → "${rel}"`);
          const abs = resolveInside(context.dest, rel);
          const { text, warning } = articleFileText(article);
          if (warning !== null) context.warn(warning);
          const dir = dirname(abs);
          if (!madeDirs.has(dir)) {
            await mkdir(dir, { recursive: true });
            madeDirs.add(dir);
          }
          // wx: the allocator promised a fresh name; an existing file means a bug, never an overwrite.
          await writes.add(writeFile(abs, text, { flag: 'wx' }));
          files++;
          bytes += Buffer.byteLength(text);
          context.done();
        }
      }
      await writes.drain();
    } catch (error) {
      // A write still running could recreate a file inside the folder being removed.
      await writes.settle();
      throw error;
    }
    if (renamed.length > 0) {
      const examples = renamed.slice(0, 5).join(', ');
      context.warn(
        `${renamed.length} file name(s) were changed to be safe on every system (${examples}${renamed.length > 5 ? ', …' : ''}); each file's gleaner.path keeps the original`,
      );
    }
    const marker = `${JSON.stringify({ gleaner: { version: 1, format: 'folder', title: context.title, exportedAt: context.exportedAt, count: files } }, null, 2)}\n`;
    await writeFile(join(context.dest, FOLDER_MARKER), marker, { flag: 'wx' });
    return { files: files + 1, bytes: bytes + Buffer.byteLength(marker) };
  },
};
