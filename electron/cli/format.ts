import type { ArticleDetail, ArticleListItem, ImportReport, LibraryStats, SearchPage } from '../../shared/types.js';
import { MARK_END, MARK_START } from '../../shared/types.js';
import type { StoryListItem } from '../../shared/stories.js';
import { terminalSafe as safe } from './terminal.js';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '          ');

/** `A, B and 2 more`: names kept short enough for one line. */
export function authorLine(authors: string[], max = 3): string {
  if (authors.length <= max) return authors.join(', ');
  return `${authors.slice(0, max).join(', ')} and ${authors.length - max} more`;
}

function row(item: ArticleListItem, bold: boolean): string {
  const source = safe(item.source ?? '')
    .slice(0, 24)
    .padEnd(24);
  const flags = `${item.draft ? ' [draft]' : ''}${item.missing ? ' [missing]' : ''}`;
  const by = item.authors.length > 0 ? `  — ${safe(authorLine(item.authors))}` : '';
  const lines = [`${String(item.id).padStart(7)}  ${day(item.date)}  ${source}  ${safe(item.title)}${by}${flags}`];
  if (item.snippet) {
    const [on, off] = bold ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
    // Escaped piece by piece: the match marks are control characters too, turned into bold.
    const text = item.snippet
      .replace(/\s+/g, ' ')
      .split(MARK_START)
      .map((part) => part.split(MARK_END).map(safe).join(off))
      .join(on);
    lines.push(`${' '.repeat(9)}${text}`);
  }
  return lines.join('\n');
}

export function formatPage(page: SearchPage, color: boolean): string {
  const from = page.items.length ? page.offset + 1 : 0;
  const to = page.offset + page.items.length;
  const head = `${page.total} article${page.total === 1 ? '' : 's'} match (showing ${from}-${to}, ${page.tookMs} ms)`;
  return [head, ...page.items.map((item) => row(item, color))].join('\n');
}

/** How `show` says where a source came from; the file's own needs no note. */
const SOURCE_ORIGINS: Record<NonNullable<ArticleDetail['sourceOrigin']>, string> = {
  file: '',
  'site-field': ' (from the publisher/site field)',
  url: ' (host of its url)',
  'site-config': ' (title of the site config)',
  folder: ' (name of the folder)',
  label: ' (your label for the folder)',
};

export function formatArticle(a: ArticleDetail): string {
  const fields: [string, string | null | boolean][] = [
    ['Title', a.title],
    ['Date', a.date ? `${a.date}${a.dateSource === 'path' ? ' (from the path)' : ''}` : null],
    ['Authors', a.authors.length > 0 ? a.authors.join(', ') : null],
    ['Source', a.source === null ? null : `${a.source}${SOURCE_ORIGINS[a.sourceOrigin ?? 'file']}`],
    ['Language', a.lang],
    ['Reading time', a.readingMinutes > 0 ? `${a.readingMinutes} min` : null],
    ['Draft', a.draft],
    ['Summary', a.summary],
    ['Description', a.description],
    ['Link', a.sourceLink],
    ['URL', a.url],
    ['Enclosure', a.enclosure],
    ['Article id', a.articleId],
    ['Feed item id', a.feedItemId],
    ['File', `${a.folder}/${a.relPath} (${a.format} front matter, ${a.bodyFormat} body)`],
    ['Missing', a.missing ? 'the file is gone from disk' : null],
  ];
  const lines = fields.filter(([, v]) => v !== null && v !== false).map(([k, v]) => `${k.padEnd(13)} ${safe(String(v))}`);
  for (const [key, value] of Object.entries(a.extra)) lines.push(`${safe(key).padEnd(13)} ${safe(JSON.stringify(value))}`);
  for (const warning of a.warnings) lines.push(`Warning       ${safe(warning)}`);
  return lines.join('\n');
}

export function formatReport(r: ImportReport): string {
  const lines = [
    `Imported ${r.folders.map(safe).join(', ')} in ${(r.durationMs / 1000).toFixed(1)} s${r.cancelled ? ' (cancelled)' : ''}`,
    `  added ${r.added}, updated ${r.updated}, unchanged ${r.unchanged}, restored ${r.restored}, missing ${r.missing}, ` +
      `failed ${r.failed}, skipped ${r.skipped}, with warnings ${r.warnings}`,
  ];
  const show = (status: string, title: string) => {
    const files = r.files.filter((f) => f.status === status);
    if (files.length === 0) return;
    lines.push(`${title}:`);
    for (const f of files.slice(0, 50)) lines.push(`  ${safe(f.path)}${f.reason ? `: ${safe(f.reason)}` : ''}`);
    if (files.length > 50) lines.push(`  … and ${files.length - 50} more (use --json for all)`);
  };
  show('failed', 'Failed');
  show('missing', 'Missing (kept in the library, marked missing)');
  const warned = r.files.filter((f) => f.warnings?.length);
  if (warned.length) {
    lines.push('Warnings:');
    for (const f of warned.slice(0, 20)) lines.push(`  ${safe(f.path)}: ${safe(f.warnings!.join('; '))}`);
    if (warned.length > 20) lines.push(`  … and ${warned.length - 20} more`);
  }
  if (r.duplicates.length) {
    lines.push('Likely duplicates (not merged):');
    for (const d of r.duplicates.slice(0, 20))
      lines.push(`  same ${d.by} ${d.by === 'content' ? '' : safe(d.value)}: ${d.paths.map(safe).join(', ')}`);
  }
  return lines.join('\n');
}

export function formatStats(s: LibraryStats, dbPath: string): string {
  return [
    `Library      ${safe(dbPath)} (${(s.dbBytes / 1024 / 1024).toFixed(1)} MB, schema ${s.schemaVersion})`,
    `Articles     ${s.articles}${s.missing ? ` (+${s.missing} missing)` : ''}`,
    `Sources      ${s.sources}`,
    `Authors      ${s.authors}`,
    `Languages    ${s.languages}`,
    `Folders      ${s.folders}`,
    `Dates        ${s.oldest ? `${day(s.oldest)} to ${day(s.newest)}` : 'none'}`,
  ].join('\n');
}

/** A one-line progress bar for a terminal, redrawn in place. */
export function progressBar(done: number, total: number, current: string | null, width = 30): string {
  const ratio = total > 0 ? Math.min(done / total, 1) : 0;
  const filled = Math.round(ratio * width);
  const name = current ? `  ${safe(current.length > 40 ? '…' + current.slice(-39) : current)}` : '';
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${name}\x1b[K`;
}

/** `gleaner stories`: each story's first article, then every member with its date and source. */
export function formatStories(page: { items: StoryListItem[]; total: number }): string {
  if (page.total === 0) return 'No stories: no article here has a copy.';
  const lines = [`${page.total} ${page.total === 1 ? 'story' : 'stories'}`];
  for (const story of page.items) {
    lines.push('', `story ${story.storyId}: ${safe(story.title)} (${story.members.length} articles from ${story.sources.map(safe).join(', ')})`);
    for (const m of story.members)
      lines.push(
        `  ${m.first ? '*' : ' '} ${String(m.id).padStart(7)}  ${(m.date ?? '').slice(0, 10).padEnd(10)}  ${safe(m.source ?? '-')}  ${safe(m.title)}`,
      );
  }
  return lines.join('\n');
}
