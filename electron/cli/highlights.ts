import type { CliLibrary } from './transport.js';
import { shorten } from '../library/highlights/highlightOps.js';
import { quoteAt } from '../../shared/highlights/anchor.js';
import { HIGHLIGHT_COLORS, type HighlightColor, type HighlightListItem } from '../../shared/highlights.js';
import { UsageError } from './usage.js';
import { terminalSafe as safe } from './terminal.js';

type Print = (json: unknown, human: () => string) => void;

/** `gleaner highlights [query]`: highlights of the matching articles, newest first. */
export async function listHighlightsCommand(
  { client }: CliLibrary,
  words: string[],
  page: { limit: number; offset: number },
  print: Print,
): Promise<void> {
  const result = await client.highlights.list({ query: words.join(' '), ...page });
  print(result, () => formatHighlights(result.items, result.total, page.offset));
}

/** `gleaner highlight add <id> --text "…"`: quotes the text from the article's body as shown. */
export async function addHighlightCommand(
  { client, anchorText }: CliLibrary,
  args: string[],
  options: { text?: string; color?: string; note?: string },
  print: Print,
): Promise<void> {
  const [verb, rawId] = args;
  const usage = 'usage: gleaner highlight add <id> --text "…" [--color c] [--note n]';
  if (verb !== 'add' || rawId === undefined || args.length > 2) throw new UsageError(usage);
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`highlight add takes an article id, not "${rawId}"`);
  if (options.text === undefined || options.text.trim() === '') throw new UsageError(`--text is required: ${usage}`);
  if (options.color !== undefined && !(HIGHLIGHT_COLORS as readonly string[]).includes(options.color)) {
    throw new UsageError(`--color takes ${HIGHLIGHT_COLORS.join(', ')}, not "${options.color}"`);
  }
  const article = await client.articles.get({ id });
  const text = anchorText(id) ?? '';
  const place = findQuote(text, options.text.trim());
  if (!place) throw new UsageError(`the text is not in article ${id} "${article.title}": "${options.text.trim()}"`);
  const result = await client.highlights.add({
    articleId: id,
    anchor: quoteAt(text, place.start, place.end),
    color: options.color as HighlightColor | undefined,
    note: options.note,
  });
  print(
    result.highlight,
    () => `Highlighted in article ${id} "${safe(article.title)}": "${safe(shorten(result.highlight.exact))}" (${result.highlight.color}).`,
  );
}

/**
 * The quote as typed, or with any run of white space standing for any other (a terminal
 * argument rarely keeps the article's line breaks).
 */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const at = text.indexOf(quote);
  if (at !== -1) return { start: at, end: at + quote.length };
  const words = quote.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const match = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

function formatHighlights(items: HighlightListItem[], total: number, offset: number): string {
  if (total === 0) return 'No highlights.';
  const lines = items.flatMap((h) => [
    `#${h.articleId}  ${safe(h.articleTitle)}`,
    `  ${h.color}  ${h.createdAt.slice(0, 10)}  ${h.detached ? 'detached' : 'anchored'}`,
    `  "${safe(h.exact)}"`,
    ...(h.note ? [`  note: ${safe(h.note)}`] : []),
  ]);
  const shown =
    items.length === total ? `${total} highlight${total === 1 ? '' : 's'}` : `${offset + 1}-${offset + items.length} of ${total} highlights`;
  return [...lines, shown].join('\n');
}
