/**
 * The source an article file names for itself, in order of trust: its `source` key, else a
 * publisher or site field (feed readers, Jekyll and schema.org write these), else the host of
 * an absolute url it carries. Pure. The folder's label (site config title or folder name)
 * is the importer's fallback, applied at write time: see folderLabel.ts.
 */
import type { SourceOrigin } from '../article/fields.js';

/** Publisher and site keys used by feed exporters, Jekyll/Hugo themes and schema.org front matter. */
export const SITE_FIELDS = ['publisher', 'site_name', 'siteName', 'source_name', 'sourceName', 'site', 'feed_title', 'feed_name', 'publication'];

/**
 * Keys holding the article's own address. `canonical_url`/`canonical` name where a cross-post
 * was first published (the OpenTelemetry blog marks Medium and company-blog originals so).
 */
export const URL_FIELDS = ['url', 'source_link', 'canonical_url', 'canonical', 'link', 'permalink'];

type Lookup = (name: string) => unknown;

const textOf = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  // schema.org style: `publisher: { name: … }`.
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)) {
    const name = (v as Record<string, unknown>)['name'];
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
  }
  return null;
};

/** The host of an absolute http(s) URL, without `www.`; null for relative paths and other schemes. */
export function hostOf(value: unknown): string | null {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value.trim())) return null;
  try {
    const host = new URL(value.trim()).hostname.toLowerCase();
    return host === '' ? null : host.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * The source of a file without a `source` key (the caller reads that one): a publisher or
 * site field, else its url's host; nulls when the file names none.
 */
export function fileSiteSource(lookup: Lookup): { source: string | null; origin: SourceOrigin | null } {
  for (const key of SITE_FIELDS) {
    const site = textOf(lookup(key));
    if (site !== null) return { source: site, origin: 'site-field' };
  }
  for (const key of URL_FIELDS) {
    const host = hostOf(lookup(key));
    if (host !== null) return { source: host, origin: 'url' };
  }
  return { source: null, origin: null };
}
