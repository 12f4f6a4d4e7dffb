import { Parser } from 'htmlparser2';
import type { Db } from '../db/connection.js';
import { LocalFiles } from '../local/localResources.js';
import { previewHtml } from '../preview.js';

/**
 * The text highlight offsets count in: every text node of the article's sanitized preview
 * HTML (remote images blocked) in document order, nothing added between them: what the
 * reading pane's frame body `textContent` is. Null when there is no such article.
 */
export function anchorText(db: Db, articleId: number, localFiles: LocalFiles = new LocalFiles(db)): string | null {
  const rendered = previewHtml(db, localFiles, articleId, false);
  return rendered ? textOfHtml(rendered.html) : null;
}

/** Elements whose first newline the HTML parser drops (HTML's "in body" insertion mode). */
const LEADING_NEWLINE_DROPPED = new Set(['pre', 'listing', 'textarea']);

/**
 * The concatenated text nodes of an HTML fragment as a browser's DOM `textContent` has them:
 * entities decoded, line breaks normalized to LF, the newline right after `<pre>` dropped.
 */
export function textOfHtml(html: string): string {
  const parts: string[] = [];
  let afterPre = false;
  const parser = new Parser(
    {
      onopentag: (name) => void (afterPre = LEADING_NEWLINE_DROPPED.has(name)),
      onclosetag: () => void (afterPre = false),
      ontext: (text) => {
        parts.push(afterPre && text.startsWith('\n') ? text.slice(1) : text);
        afterPre = false;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html.replace(/\r\n?/g, '\n'));
  parser.end();
  return parts.join('');
}
