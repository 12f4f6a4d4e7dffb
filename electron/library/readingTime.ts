/**
 * Reading time for the reading header: words / 230 per minute, rounded up. Counted on the
 * stored body with markup dropped, so it needs no extra column and is right for articles
 * imported before it existed. Han, kana and Thai have no spaces between words: each two
 * such characters count as one word (about 460 characters a minute, a common reading speed).
 */
const WORDS_PER_MINUTE = 230;
const NO_SPACE_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

/** Words in a Markdown, HTML or plain-text body, not counting tags, comments or link targets. */
export function countWords(body: string): number {
  const text = body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ');
  const dense = text.match(NO_SPACE_SCRIPTS)?.length ?? 0;
  const words = text.replace(NO_SPACE_SCRIPTS, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0;
  return words + Math.ceil(dense / 2);
}

/** Minutes to read a body; 0 for an empty one. */
export function readingMinutes(body: string): number {
  return Math.ceil(countWords(body) / WORDS_PER_MINUTE);
}
