/**
 * The part of sanitizing that decides about URLs: which links stay, which images load, and
 * what stands in for the media, frames and images that are held back.
 *
 * It plugs into sanitize-html through its documented hooks, per call (the state is one
 * article's): `transformTags` rewrites an element's attributes from scratch (a fresh object in
 * a fixed order, so a second pass writes the same bytes), marks it to be dropped, or turns it
 * into a placeholder `<span>`; `exclusiveFilter` removes the marked ones; `onOpenTag`/
 * `onCloseTag` track how deep we are; `textFilter` silences whatever a placeholder's element
 * contained (fallback text, `<source>` children, an iframe's raw content) except its label.
 */

import type sanitizeHtml from 'sanitize-html';
import { ARTICLE_LINK, LOCAL_IMAGE_SRC, articleLink, classifyUrl, isEmbeddableSrc, localPath, type ClassifiedUrl } from './urls.js';
import { BLOCKED_KINDS, PLACEHOLDER_CLASS, type BlockedItem, type BlockedKind, type LocalResources, type SanitizeOptions } from './types.js';

type Attributes = sanitizeHtml.Attributes;
type Tag = sanitizeHtml.Tag;

/** The sanitize-html options that carry the policy; merged over the static allowlist. */
export type PolicyHooks = Required<Pick<sanitizeHtml.IOptions, 'transformTags' | 'onOpenTag' | 'onCloseTag' | 'textFilter' | 'exclusiveFilter'>>;

const LINK_REL = 'noopener noreferrer nofollow';

/** Builds one article's policy; `blocked` fills up while sanitize-html runs. */
export function createResourcePolicy(options: SanitizeOptions): { hooks: PolicyHooks; blocked: BlockedItem[] } {
  const blocked: BlockedItem[] = [];
  // Open element names, innermost last. Maintained for every element, kept or not.
  const open: string[] = [];
  // open.length at the placeholder being written, or -1: everything deeper belongs to it.
  let placeholderDepth = -1;
  let labelPending = false;
  // Attribute objects of elements to remove with their content. An element keeps its own name
  // when dropped: renaming a discarded element leaves sanitize-html's rename table stale, and
  // the next sibling's end tag is then written under the wrong name. Elements sanitize-html
  // keeps are removed by `exclusiveFilter`, which sees the very object the transform returned;
  // the others are disallowed anyway and listed in DROP_WITH_CONTENT.
  const dropped = new WeakSet<object>();
  const drop = (name: string): Tag => {
    const attribs: Attributes = {};
    dropped.add(attribs);
    return { tagName: name, attribs };
  };

  const inPlaceholder = () => placeholderDepth !== -1;
  const block = (kind: BlockedKind, url: string) => void blocked.push({ kind, url });

  // `noun` names the element for people: "[video: https://…]", "Remote video blocked: …".
  function placeholder(kind: BlockedKind, noun: string, url: string, detail: string = url): Tag {
    block(kind, url);
    placeholderDepth = open.length;
    labelPending = true;
    return {
      tagName: 'span',
      attribs: {
        class: PLACEHOLDER_CLASS,
        'data-blocked-kind': kind,
        'data-blocked-url': url,
        title: `Remote ${noun} blocked: ${url}`,
      },
      text: detail ? `[${noun}: ${detail}]` : `[${noun}]`,
    };
  }

  // A local image that is not shown names its file and the reason, so the person can fix it.
  function localPlaceholder(path: string, reason: string): Tag {
    placeholderDepth = open.length;
    labelPending = true;
    return {
      tagName: 'span',
      attribs: { class: PLACEHOLDER_CLASS, 'data-local-file': path, title: `Image not shown: ${path} (${reason})` },
      text: `[image: ${path} (${reason})]`,
    };
  }

  function localImg(name: string, attribs: Attributes, local: LocalResources): Tag | null {
    const ref = localPath(attribs.src);
    if (ref === null) return null;
    if (isTrackingPixel(attribs)) return drop(name);
    const found = local.image(ref, attribs.src!);
    if ('refused' in found) return localPlaceholder(ref.path, found.refused);
    // Only the route's fixed shape or an export's embedded copy; anything else fails closed.
    if (!LOCAL_IMAGE_SRC.test(found.src) && !isEmbeddableSrc(found.src)) return localPlaceholder(ref.path, 'not embedded');
    return { tagName: 'img', attribs: imgAttributes(found.src, attribs) };
  }

  function img(name: string, attribs: Attributes): Tag {
    const local = options.local && localImg(name, attribs, options.local);
    if (local) return local;
    const src = classifyUrl(attribs.src);
    if (isTrackingPixel(attribs)) {
      // Never loaded, whatever the setting: its only purpose is to report the read.
      if (src.kind === 'web') block('image', src.url);
      return drop(name);
    }
    if (src.kind === 'raster-data' || (src.kind === 'web' && options.allowRemoteImages)) {
      return { tagName: 'img', attribs: imgAttributes(src.url, attribs) };
    }
    if (src.kind === 'web') {
      // An export embedding cached images: the local copy replaces the URL, nothing is loaded.
      const embedded = options.embedImage?.(src.url);
      if (embedded !== undefined && isEmbeddableSrc(embedded)) return { tagName: 'img', attribs: imgAttributes(embedded, attribs) };
      return placeholder('image', 'image', src.url, attribs.alt?.trim() ?? '');
    }
    return drop(name); // relative (nothing to load offline), javascript:, data:image/svg+xml, …
  }

  // <video>/<audio>: a placeholder for their own src; without one, unwrap them so that any
  // <source>/<track> children get their own placeholders.
  function media(name: string, attribs: Attributes): Tag {
    const src = classifyUrl(attribs.src);
    if (src.kind === 'web') return placeholder('media', name, src.url);
    return { tagName: name, attribs: {} };
  }

  function source(name: string, attribs: Attributes): Tag {
    const src = classifyUrl(attribs.src);
    // Inside <picture> a browser ignores `src` (only srcset counts, which we drop): nothing loads.
    const parent = open[open.length - 2];
    if (src.kind !== 'web' || parent === 'picture') return drop(name);
    const noun = name === 'track' ? 'track' : parent === 'audio' ? 'audio' : 'video';
    return placeholder('media', noun, src.url);
  }

  // Elements that are always dropped with their content; recorded so the reader knows why.
  function dropAndRecord(name: string, kind: BlockedKind, url: string | undefined): Tag {
    const target = classifyUrl(url);
    if (target.kind === 'web') block(kind, target.url);
    return drop(name);
  }

  const guarded =
    (transform: (name: string, attribs: Attributes) => Tag) =>
    (name: string, attribs: Attributes): Tag =>
      inPlaceholder() ? drop(name) : transform(name, attribs);

  const transformTags: Record<string, sanitizeHtml.Transformer> = {
    a: guarded((_name, attribs) => ({ tagName: 'a', attribs: linkAttributes(attribs, options.local) })),
    img: guarded(img),
    video: guarded(media),
    audio: guarded(media),
    source: guarded(source),
    track: guarded(source),
    iframe: guarded((name, attribs) => {
      const src = classifyUrl(attribs.src);
      return src.kind === 'web' ? placeholder('iframe', 'iframe', src.url) : drop(name);
    }),
    frame: guarded((name, attribs) => dropAndRecord(name, 'iframe', attribs.src)),
    object: guarded((name, attribs) => dropAndRecord(name, 'other', attribs.data)),
    embed: guarded((name, attribs) => dropAndRecord(name, 'other', attribs.src)),
    link: guarded((name, attribs) => dropAndRecord(name, linkKind(attribs), attribs.href)),
    span: guarded((_name, attribs) => ({ tagName: 'span', attribs: spanAttributes(attribs) })),
    // Whatever sits inside a placeholder (fallback markup, <b>, <p>…) goes with it.
    '*': (name, attribs) => (inPlaceholder() && open.length > placeholderDepth ? drop(name) : { tagName: name, attribs }),
  };

  return {
    blocked,
    hooks: {
      transformTags,
      onOpenTag: (name) => void open.push(name),
      onCloseTag: () => {
        open.pop();
        if (open.length < placeholderDepth) placeholderDepth = -1;
      },
      // Text arrives escaped; returning it unchanged keeps it escaped.
      textFilter: (text) => {
        if (!inPlaceholder()) return text;
        if (!labelPending) return '';
        labelPending = false;
        return text;
      },
      exclusiveFilter: (frame) => dropped.has(frame.attribs),
    },
  };
}

/**
 * Beacons: an image one pixel (or none) in either direction, or hidden, shows a reader nothing
 * and exists to report that the article was opened.
 */
function isTrackingPixel(attribs: Attributes): boolean {
  if (attribs.hidden !== undefined) return true;
  if (isTiny(attribs.width) || isTiny(attribs.height)) return true;
  // The style attribute is dropped anyway; it is read here only to spot a hidden image.
  for (const declaration of (attribs.style ?? '').toLowerCase().split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    const property = declaration.slice(0, colon).trim();
    const value = declaration
      .slice(colon + 1)
      .replace('!important', '')
      .trim();
    if (property === 'display' && value === 'none') return true;
    if (property === 'visibility' && value === 'hidden') return true;
    if (property === 'opacity' && Number.parseFloat(value) === 0) return true;
    if (/^(?:max-)?(?:width|height)$/.test(property) && isTiny(value)) return true;
  }
  return false;
}

// Number.parseFloat reads '1px' and '1' alike; '100%' and 'auto' are not tiny.
function isTiny(dimension: string | undefined): boolean {
  if (dimension === undefined) return false;
  const value = Number.parseFloat(dimension);
  return Number.isFinite(value) && value <= 1;
}

function imgAttributes(src: string, attribs: Attributes): Attributes {
  const out: Attributes = { src };
  copy(attribs, out, ['alt', 'title', 'width', 'height', 'lang', 'dir']);
  return out;
}

// Offline, only an absolute link has a meaning; a relative or protocol-relative one would
// resolve against the app itself. Its text stays, so the reader loses nothing but a dead link.
// The exception is a link to another article of the library, which the reader opens itself.
function linkAttributes(attribs: Attributes, local: LocalResources | undefined): Attributes {
  const out: Attributes = {};
  const href: ClassifiedUrl = classifyUrl(attribs.href);
  if ((href.kind === 'web' && !href.protocolRelative) || href.kind === 'mailto') out.href = href.url;
  const article = out.href === undefined ? libraryArticle(attribs.href, local) : undefined;
  if (article !== undefined) out.href = articleLink(article);
  copy(attribs, out, ['title', 'lang', 'dir']);
  // The app opens links in the system browser; rel keeps the article from reaching back.
  out.rel = LINK_REL;
  // An article link is a fragment of the app's own page (see ARTICLE_LINK): it targets the top
  // document, which only notices the fragment; nothing loads.
  out.target = article === undefined ? '_blank' : '_top';
  return out;
}

// The article a link names: already rewritten (a second pass), or found by the resolver.
function libraryArticle(href: string | undefined, local: LocalResources | undefined): number | undefined {
  const written = ARTICLE_LINK.exec(href ?? '');
  if (written) return Number(written[1]);
  const ref = local && localPath(href);
  return ref ? local!.article(ref) : undefined;
}

// A placeholder survives a second pass only if it could have come from us (a known kind and a
// web URL), so a forged one is never more than a plain span to whatever offers "load anyway".
function spanAttributes(attribs: Attributes): Attributes {
  const out: Attributes = {};
  const kind = attribs['data-blocked-kind'];
  const url = classifyUrl(attribs['data-blocked-url']);
  if (attribs.class === PLACEHOLDER_CLASS && kind !== undefined && BLOCKED_KINDS.has(kind) && url.kind === 'web') {
    out.class = PLACEHOLDER_CLASS;
    out['data-blocked-kind'] = kind;
    out['data-blocked-url'] = url.url;
    copy(attribs, out, ['title']);
  } else if (attribs.class === PLACEHOLDER_CLASS && attribs['data-local-file'] !== undefined) {
    // A local image's placeholder offers no action, so a forged one is only a label.
    out.class = PLACEHOLDER_CLASS;
    copy(attribs, out, ['data-local-file', 'title']);
  }
  copy(attribs, out, ['lang', 'dir']);
  return out;
}

function linkKind(attribs: Attributes): BlockedKind {
  const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/);
  if (rel.includes('stylesheet')) return 'stylesheet';
  if ((attribs.as ?? '').toLowerCase() === 'font') return 'font';
  return 'other';
}

function copy(from: Attributes, to: Attributes, names: readonly string[]): void {
  for (const name of names) {
    const value = from[name];
    if (value !== undefined) to[name] = value;
  }
}
