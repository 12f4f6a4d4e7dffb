import { useEffect, useState } from 'react';
import type { ParsedQuery } from '../../../shared/query/ast.js';
import { formatQuery, removeNode } from '../../../shared/query/format.js';
import { parseQuery } from '../../../shared/query/parse.js';
import { chipsOf, type QueryChip } from '../lib/chips';
import { client } from '../transport';

export interface Suggestion {
  chip: QueryChip;
  /** How many articles match without this chip. */
  total: number;
}

/** Only so many count queries for one empty result; the rest of the chips are still removable above. */
const MAX_TRIES = 6;

/**
 * When nothing matches, finds out which single chip is in the way: the query
 * without each chip is counted (limit 1, so cheap), and the most useful
 * removals come first.
 */
export function useRemovalSuggestions(text: string, parsed: ParsedQuery, enabled: boolean): Suggestion[] | null {
  const [result, setResult] = useState<{ text: string; suggestions: Suggestion[] } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const chips = chipsOf(text, parsed).slice(0, MAX_TRIES);
    Promise.all(
      chips.map(async (chip): Promise<Suggestion | null> => {
        const without = parseQuery(removeNode(text, chip.span));
        if (!without.ok) return null;
        try {
          const page = await client.articles.search({ query: formatQuery(without.node), limit: 1 });
          return { chip, total: page.total };
        } catch {
          return null;
        }
      }),
    ).then((all) => {
      if (!live) return;
      const found = all.filter((s): s is Suggestion => s !== null && s.total > 0).sort((a, b) => b.total - a.total);
      setResult({ text, suggestions: found });
    });
    return () => {
      live = false;
    };
  }, [text, parsed, enabled]);
  return enabled && result?.text === text ? result.suggestions : null;
}
