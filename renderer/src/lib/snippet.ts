import { MARK_END, MARK_START } from '../../../shared/types.js';

export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Splits a snippet at the service's control-character marks. The marks are not
 * HTML, so the parts are rendered as React text and nothing in an article can
 * inject markup. An unclosed mark simply runs to the end.
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let current = '';
  for (const ch of snippet) {
    if (ch === MARK_START || ch === MARK_END) {
      if (current) parts.push({ text: current, match });
      current = '';
      match = ch === MARK_START;
    } else current += ch;
  }
  if (current) parts.push({ text: current, match });
  return parts;
}
