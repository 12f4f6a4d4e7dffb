/**
 * Highlights at scale (issue 16): opening an article with 200 highlights (its preview and
 * its highlights, then placing each in the text as the reading pane does) and listing
 * 10,000 highlights across the library. Medians over repeated warm runs; the highlights are
 * removed again afterwards.
 */
import { createLibraryService } from '../electron/library/service.js';
import { anchorText } from '../electron/library/highlights/anchorText.js';
import { insertHighlights, type NewHighlight } from '../electron/library/db/queries/highlights.js';
import { locate, quoteAt } from '../shared/highlights/anchor.js';
import { HIGHLIGHT_COLORS } from '../shared/highlights.js';

const RUNS = 21;
const median = (xs: number[]) => +[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** `count` passages spread evenly over `text`, each up to 60 characters. */
function spread(text: string, count: number, at: (i: number) => string): NewHighlight[] {
  const step = Math.max(1, Math.floor(text.length / count));
  return Array.from({ length: count }, (_, i) => {
    const start = Math.min(i * step, Math.max(0, text.length - 1));
    return {
      ...quoteAt(text, start, Math.min(text.length, start + Math.min(60, step))),
      color: HIGHLIGHT_COLORS[i % 5]!,
      note: i % 3 ? '' : `note ${i}`,
      createdAt: at(i),
    };
  });
}

export async function runHighlights(dbPath: string) {
  const service = createLibraryService({ dbPath });
  const { api, db } = service;
  const firstBenchId = ((db.prepare('SELECT max(id) FROM highlights').pluck().get() as number | null) ?? 0) + 1;
  try {
    const longest = db.prepare('SELECT article_id FROM article_bodies ORDER BY length(body) DESC LIMIT 1').pluck().get() as number;
    const text = anchorText(db, longest)!;
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    db.transaction(() => insertHighlights(db, longest, spread(text, 200, day)))();
    const open = await timed(async () => {
      await api.articles.preview({ id: longest });
      await api.highlights.forArticle({ id: longest });
    });
    const highlights = await api.highlights.forArticle({ id: longest });
    const place = await timed(() => highlights.forEach((h) => locate(text, h)));

    // 10,000 highlights in all: 50 on each of 200 articles (the 200 above count too).
    const articles = db
      .prepare('SELECT article_id FROM article_bodies WHERE article_id != ? ORDER BY article_id LIMIT 196')
      .pluck()
      .all(longest) as number[];
    db.transaction(() => {
      articles.forEach((id, n) =>
        insertHighlights(
          db,
          id,
          spread(anchorText(db, id)!, 50, (i) => day(200 + n * 50 + i)),
        ),
      );
    })();
    const total = (await api.highlights.list({ limit: 1 })).total;
    const list = await timed(() => api.highlights.list({ limit: 100 }));
    const listQuery = await timed(() => api.highlights.list({ query: 'highlight:note', limit: 100 }));
    const hasHighlights = await timed(() => api.articles.search({ query: 'has:highlights', limit: 50 }));
    return {
      articleChars: text.length,
      openWith200Ms: open,
      place200Ms: place,
      highlights: total,
      list100Ms: list,
      listHighlightQueryMs: listQuery,
      searchHasHighlightsMs: hasHighlights,
    };
  } finally {
    db.prepare('DELETE FROM highlights WHERE id >= ?').run(firstBenchId);
    service.close();
  }
}
