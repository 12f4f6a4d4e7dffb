/**
 * The metadata lines the digests (HTML, EPUB, Markdown) show above each article, as plain
 * text plus an optional link target. Each format escapes them its own way; none of this is
 * ever markup.
 */
import { classifyUrl } from '../sanitize/urls.js';
import type { ExportArticle } from './types.js';

export interface MetaRow {
  label: string;
  text: string;
  /** An absolute http(s) or mailto URL, already normalized; absent when the value is not one. */
  href?: string;
}

/** `2025-07-29` for midnight UTC (a date without a time), else `2025-07-29 14:15 UTC`. */
export function displayDate(iso: string): string {
  if (!/^\d{4}-\d\d-\d\dT/.test(iso)) return iso;
  return iso.slice(11, 23) === '00:00:00.000' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function link(url: string | null): string | undefined {
  const classified = classifyUrl(url ?? undefined);
  return classified.kind === 'web' && !classified.protocolRelative ? classified.url : undefined;
}

/** The rows worth showing for one article, in reading order; empty values are left out. */
export function metadataRows(a: ExportArticle): MetaRow[] {
  const rows: MetaRow[] = [];
  const add = (label: string, text: string | null | undefined, href?: string) => {
    if (text !== null && text !== undefined && text.trim() !== '') rows.push(href === undefined ? { label, text } : { label, text, href });
  };
  add(a.authors.length === 1 ? 'Author' : 'Authors', a.authors.join(', '));
  add('Date', a.date === null ? null : displayDate(a.date));
  add('Source', a.source, link(a.sourceLink));
  add('Language', a.lang);
  add('Link', a.url, link(a.url));
  if (a.sourceLink !== null && a.sourceLink !== a.url && a.source === null) add('Source link', a.sourceLink, link(a.sourceLink));
  add('Tags', a.tags.map((t) => t.name).join(', '));
  add('Collections', a.curation.collections.join(', '));
  if (a.curation.starred) add('Starred', 'yes');
  add('Read', a.curation.readAt === null ? null : displayDate(a.curation.readAt));
  if (a.draft) add('Draft', 'yes');
  add('File', `${a.folderName}/${a.relPath}`);
  add('Summary', a.summary ?? a.description);
  add('Note', a.curation.note);
  return rows;
}
