/**
 * Netscape bookmark HTML, the file every browser exports and imports (and Karakeep,
 * Linkwarden, wallabag, Raindrop and Pinboard too): `<DT><A HREF ADD_DATE TAGS>` per article,
 * an `<H3>` folder per collection. An article in several collections is in each folder; one
 * in none is at the top level, where browsers put it in their "Imported" folder. Only web
 * links are written: an article without an http(s) URL has nothing to bookmark and is left
 * out, counted in one warning of the export report.
 */
import { FileSink } from '../sink.js';
import { escapeHtml } from '../bodyHtml.js';
import type { ExportArticle } from '../types.js';
import type { ExportContext, FormatModule } from '../formatModule.js';
import { originalUrl } from '../../../../shared/webUrl.js';

/** What one bookmark needs: kept per article until the folders are written, bodies dropped. */
interface Bookmark {
  href: string;
  title: string;
  /** Seconds since 1970, as ADD_DATE and LAST_MODIFIED are. */
  added: number;
  modified: number;
  tags: string[];
  description: string | null;
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

// Only links a browser opens as a page: a `javascript:` or `file:` bookmark would run or reveal something when clicked.
const WEB_LINK = /^https?:\/\//i;

/** Attribute and text escaping (quotes too: every value sits in a double-quoted attribute). */
const escape = escapeHtml;

/** Tags are one comma-separated attribute, so a comma inside a tag name would split it in two. */
const tagList = (tags: readonly string[]): string =>
  tags
    .map((t) => t.replace(/,/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '')
    .join(',');

function bookmarkOf(a: ExportArticle): Bookmark | null {
  // The published address (source_link) first: a seed-style `url` is a path on the exporting site.
  const href = originalUrl(a)?.trim();
  if (!href || !WEB_LINK.test(href)) return null;
  return {
    href,
    title: a.title.replace(/\s+/g, ' ').trim() || href,
    // When it came into the library: what "added" means for a bookmark.
    added: seconds(a.importedAt),
    modified: seconds(a.updatedAt),
    tags: a.tags.map((t) => t.name),
    description: (a.summary ?? a.description)?.replace(/\s+/g, ' ').trim() || null,
  };
}

function entry(b: Bookmark, indent: string): string {
  const tags = b.tags.length > 0 ? ` TAGS="${escape(tagList(b.tags))}"` : '';
  const line = `${indent}<DT><A HREF="${escape(b.href)}" ADD_DATE="${b.added}" LAST_MODIFIED="${b.modified}"${tags}>${escape(b.title)}</A>\n`;
  return b.description ? `${line}${indent}<DD>${escape(b.description)}\n` : line;
}

/**
 * Every article's bookmark, by folder (a collection's name) or at the top level; articles
 * without a web link are counted in one warning. Folders come in the order first met.
 */
function collect(context: ExportContext): { top: Bookmark[]; folders: Map<string, Bookmark[]> } {
  const top: Bookmark[] = [];
  const folders = new Map<string, Bookmark[]>();
  const unlinked: number[] = [];
  for (const chunk of context.chunks()) {
    for (const article of chunk) {
      const bookmark = bookmarkOf(article);
      if (!bookmark) unlinked.push(article.id);
      else if (article.curation.collections.length === 0) top.push(bookmark);
      else {
        for (const name of article.curation.collections) {
          let list = folders.get(name);
          if (!list) folders.set(name, (list = []));
          list.push(bookmark);
        }
      }
      context.done();
    }
  }
  if (unlinked.length > 0) {
    const ids = `${unlinked.slice(0, 10).join(', ')}${unlinked.length > 10 ? ', …' : ''}`;
    context.warn(`${unlinked.length} article(s) without a web address (http or https URL) were left out of the bookmarks: ids ${ids}`);
  }
  return { top, folders };
}

export const bookmarks: FormatModule<'bookmarks'> = {
  descriptor: {
    format: 'bookmarks',
    label: 'Bookmarks (browsers, Karakeep, Linkwarden)',
    purpose: 'Links with tags, a folder per collection; imports into browsers and read-later apps',
    writes: 'file',
    extension: '.html',
    contentType: 'text/html; charset=utf-8',
    titled: true,
    embedsImages: false,
    importable: true,
  },
  async write(context) {
    return FileSink.writeFile(context.dest, async (sink) => {
      const { top, folders } = collect(context);
      const now = seconds(context.exportedAt);
      await sink.write(
        '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<!-- This is an automatically generated file.\n     It will be read and overwritten.\n     DO NOT EDIT! -->\n' +
          `<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n<TITLE>${escape(context.title)}</TITLE>\n<H1>${escape(context.title)}</H1>\n<DL><p>\n`,
      );
      for (const [name, list] of folders) {
        await sink.write(`    <DT><H3 ADD_DATE="${now}" LAST_MODIFIED="${now}">${escape(name)}</H3>\n    <DL><p>\n`);
        for (const b of list) await sink.write(entry(b, '        '));
        await sink.write('    </DL><p>\n');
      }
      for (const b of top) await sink.write(entry(b, '    '));
      await sink.write('</DL><p>\n');
    });
  },
};
