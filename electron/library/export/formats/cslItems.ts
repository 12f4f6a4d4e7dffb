/**
 * Articles as CSL-JSON items (the Citation Style Language's data model, which Zotero,
 * Mendeley, Pandoc and citation-js read). The CSL-JSON, BibTeX and RIS exports all start here,
 * so the three agree on every field.
 */
import type { ExportArticle } from '../types.js';
import { originalUrl } from '../../../../shared/webUrl.js';

/** A CSL name: split into family and given when the name is clearly a person's, else kept whole. */
export type CslName = { family: string; given?: string } | { literal: string };

/** A CSL date: year, and month and day when known. */
export interface CslDate {
  'date-parts': [[number, number?, number?]];
}

/** The fields these exports write (see tests/fixtures/csl/csl-data.schema.json for the whole model). */
export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: CslDate;
  accessed: CslDate;
  URL?: string;
  abstract?: string;
  language?: string;
  keyword?: string;
}

// Words that mark an organisation or a byline rather than a person ("IBN Staff", "UN News").
const NOT_A_PERSON =
  /\b(?:news|staff|agency|press|office|desk|team|editors?|editorial|reuters|service|ministry|department|council|committee|association|institute|university|group|inc|ltd|gmbh|the)\b/i;
// A name part: a capitalised word, possibly hyphenated or with an apostrophe or initials ("J.", "O'Neil", "Anne-Marie").
const NAME_PART = /^\p{Lu}[\p{L}'’.-]*$/u;
// Particles that belong to the family name ("van", "de", "von der").
const PARTICLE = /^(?:van|von|de|der|den|del|della|di|da|du|la|le|ter|ten|bin|ibn)$/;

/**
 * Splits a byline into family and given names only when the split is clear: "Family, Given",
 * or two to four capitalised words (with family particles such as "van der") that do not read
 * as an organisation. Anything else ("UN News", "Staff reporter", one word) stays `literal`,
 * which reference managers show as written.
 */
export function cslName(raw: string): CslName {
  const name = raw.replace(/\s+/g, ' ').trim();
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (comma && !NOT_A_PERSON.test(name)) return { family: comma[1]!.trim(), given: comma[2]!.trim() };
  const words = name.split(' ');
  if (words.length < 2 || words.length > 4 || NOT_A_PERSON.test(name)) return { literal: name };
  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLE.test(words[familyStart - 1]!)) familyStart--;
  const given = words.slice(0, familyStart);
  const family = words.slice(familyStart);
  if (!given.every((w) => NAME_PART.test(w)) || !NAME_PART.test(family[family.length - 1]!)) return { literal: name };
  return { family: family.join(' '), given: given.join(' ') };
}

/** The date parts of an ISO date or date-time ("2025", "2025-07", "2025-07-03T10:00:00Z"); undefined when unreadable. */
export function cslDate(iso: string | null): CslDate | undefined {
  const m = iso === null ? null : /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return undefined;
  const parts = [Number(m[1]), ...(m[2] ? [Number(m[2])] : []), ...(m[3] ? [Number(m[3])] : [])];
  return { 'date-parts': [parts as [number, number?, number?]] };
}

/**
 * Sources that name a publication: the file's own `source` or site field, the site's config,
 * the label the person gave the folder. A url's host or a folder's name is only a guess; an
 * article with such a source is cited as a web page, a url's host as its website.
 */
const PUBLICATION_ORIGINS = new Set<ExportArticle['sourceOrigin']>(['file', 'site-field', 'site-config', 'label', null]);
/** A folder's name says nothing about where an article appeared: it is never cited. */
const citableSource = (a: ExportArticle): string | null => (a.sourceOrigin === 'folder' ? null : a.source);

/** One article as a CSL item: a newspaper article when it names its publication, else a web page. */
export function cslItem(a: ExportArticle, exportedAt: string): CslItem {
  const item: CslItem = {
    id: `gleaner-${a.id}`,
    type: citableSource(a) && PUBLICATION_ORIGINS.has(a.sourceOrigin) ? 'article-newspaper' : 'webpage',
    title: a.title,
    accessed: cslDate(exportedAt)!,
  };
  if (a.authors.length > 0) item.author = a.authors.map(cslName);
  const source = citableSource(a);
  if (source) item['container-title'] = source;
  const issued = cslDate(a.date);
  if (issued) item.issued = issued;
  const url = originalUrl(a); // a relative `url` (a path on the exporting site) is no address to cite
  if (url) item.URL = url;
  const abstract = a.summary ?? a.description;
  if (abstract) item.abstract = abstract;
  if (a.lang) item.language = a.lang;
  if (a.tags.length > 0) item.keyword = a.tags.map((t) => t.name).join(', ');
  return item;
}
