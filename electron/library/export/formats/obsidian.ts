/**
 * An Obsidian vault: one Markdown note per article, named after its title, with YAML
 * properties (title, authors, source, url, date, tags, collections), the person's note as a
 * callout, the article's highlights as blockquotes with their notes, then the body converted
 * as the Markdown digest converts it (sanitized first: no raw HTML reaches the vault).
 * Embedded images are files in `images/`. The folder carries the hidden export marker,
 * so a later export may replace it (Obsidian ignores dot-files).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { Highlight } from '../../../../shared/highlights.js';
import { PathAllocator, resolveInside, safeFileName } from '../safeNames.js';
import { FOLDER_MARKER } from '../target.js';
import type { ExportArticle } from '../types.js';
import type { FormatModule } from '../formatModule.js';
import { articleMarkdown, escapeMarkdown } from './markdown.js';
import { ATTACHMENTS, VaultImages, vaultImageLinks } from './obsidianImages.js';
import { originalUrl } from '../../../../shared/webUrl.js';

/** The parts of a highlight a note shows. */
export type NoteHighlight = Pick<Highlight, 'exact' | 'note' | 'detached'>;

/**
 * Obsidian tags hold letters, digits, `_`, `-` and `/` (nesting), no spaces, and at least one
 * non-digit: "to read" becomes `to-read`, "2025" `_2025`.
 */
export function obsidianTag(name: string): string {
  const tag = name
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_/-]/gu, '')
    .replace(/^\/+|\/+$/g, '');
  if (tag === '') return '';
  return /^\d+$/.test(tag) ? `_${tag}` : tag;
}

/** A date as Obsidian's date property reads it (`2025-07-03`), keeping the time only when there is one. */
const propertyDate = (iso: string): string => iso.replace(/T00:00:00(?:\.000)?Z$/, '');

/** The YAML properties of one note: only fields the article has, lists as lists. */
export function noteProperties(a: ExportArticle): Record<string, unknown> {
  const props: Record<string, unknown> = { title: a.title };
  if (a.authors.length > 0) props.authors = a.authors;
  if (a.source) props.source = a.source;
  // A web address Obsidian can open: the source link before a relative `url` (a path on the exporting site).
  const url = originalUrl(a);
  if (url) props.url = url;
  if (a.date) props.date = propertyDate(a.date);
  const tags = [...new Set(a.tags.map((t) => obsidianTag(t.name)).filter((t) => t !== ''))];
  if (tags.length > 0) props.tags = tags;
  if (a.curation.collections.length > 0) props.collections = a.curation.collections;
  return props;
}

const quote = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdown(line)}`.trimEnd())
    .join('\n');

/** Highlights as blockquotes, each followed by its note; a detached one says so. */
export function highlightsMarkdown(highlights: readonly NoteHighlight[]): string {
  if (highlights.length === 0) return '';
  const parts = highlights.map((h) => {
    let out = quote(h.exact);
    if (h.detached) out += '\n>\n> *(no longer found in the article’s current text)*';
    if (h.note.trim() !== '') out += `\n\n**Note:** ${h.note.trim().split(/\r?\n/).map(escapeMarkdown).join('  \n')}`;
    return out;
  });
  return `## Highlights\n\n${parts.join('\n\n')}\n\n`;
}

/** One note's whole text: properties, the person's note, highlights, the body. */
export function noteText(a: ExportArticle, body: string): string {
  const properties = stringify(noteProperties(a), { lineWidth: 0 });
  const note = a.curation.note?.trim() ? `> [!note] My note\n${quote(a.curation.note.trim())}\n\n` : '';
  const rest = `${note}${highlightsMarkdown(a.highlights)}`;
  return `---\n${properties}---\n\n${rest}${rest && body ? '---\n\n' : ''}${body}\n`;
}

// Characters Obsidian refuses in note names, or that break [[links]] to them.
const LINK_BREAKERS = /[#^[\]|]/g;

export const obsidian: FormatModule<'obsidian'> = {
  descriptor: {
    format: 'obsidian',
    label: 'Obsidian vault (a note per article)',
    purpose: 'A Markdown note per article with properties and highlights; open the folder as a vault',
    writes: 'folder',
    extension: '',
    contentType: 'application/octet-stream',
    titled: false,
    embedsImages: true,
    importable: true,
  },
  async write(context) {
    const allocator = new PathAllocator([FOLDER_MARKER, ATTACHMENTS]);
    const images = context.images ? new VaultImages(context.images) : null;
    let files = 0;
    let bytes = 0;
    let blocked = 0;
    const madeDirs = new Set<string>([context.dest]);
    const save = async (rel: string, data: string | Buffer) => {
      const abs = resolveInside(context.dest, rel);
      if (!madeDirs.has(dirname(abs))) {
        await mkdir(dirname(abs), { recursive: true });
        madeDirs.add(dirname(abs));
      }
      // wx: every name is fresh; an existing file means a bug, never an overwrite.
      await writeFile(abs, data, { flag: 'wx' });
      files++;
      bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    };
    for (const chunk of context.chunks()) {
      await context.images?.prefetch(chunk);
      for (const article of chunk) {
        const converted = articleMarkdown(article, context.warn, images?.embed);
        blocked += converted.blocked;
        for (const image of images?.takeNew() ?? []) await save(image.path, image.bytes);
        const rel = allocator.allocate(safeFileName(article.title.replace(LINK_BREAKERS, ' '), '.md'));
        await save(rel, noteText(article, images ? vaultImageLinks(converted.markdown) : converted.markdown));
        context.done();
      }
    }
    if (blocked > 0) context.warn(`${blocked} remote image(s) or media were not embedded; they are links in the notes`);
    const marker = `${JSON.stringify({ gleaner: { version: 1, format: 'obsidian', title: context.title, exportedAt: context.exportedAt, count: context.total } }, null, 2)}\n`;
    await writeFile(join(context.dest, FOLDER_MARKER), marker, { flag: 'wx' });
    return { files: files + 1, bytes: bytes + Buffer.byteLength(marker) };
  },
};
