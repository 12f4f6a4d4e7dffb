import { useEffect, useState } from 'react';
import type { ParsedQuery } from '../../../../shared/query/ast.js';
import { formatQuery, removeNode } from '../../../../shared/query/format.js';
import { parseQuery } from '../../../../shared/query/parse.js';
import { chipsOf, type QueryChip } from '../../lib/chips';
import { client } from '../../transport';

export interface Suggestion {
  chip: QueryChip;
  /** How many articles match without this chip. */
  total: number;
}

/** Only so many count queries for one empty result; the rest of the chips are still removable above. */
const MAX_TRIES = 6;

/**
 * When nothing matches, finds out which single chip is in the way: the query
 * without each chip is counted (one batched counts call), and the most useful
 * removals come first.
 */
export function useRemovalSuggestions(text: string, parsed: ParsedQuery, enabled: boolean): Suggestion[] | null {
  const [result, setResult] = useState<{ text: string; suggestions: Suggestion[] } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const tries = chipsOf(text, parsed)
      .slice(0, MAX_TRIES)
      .flatMap((chip) => {
        const without = parseQuery(removeNode(text, chip.span));
        return without.ok ? [{ chip, query: formatQuery(without.node) }] : [];
      });
    client.articles.counts({ queries: tries.map((t) => t.query) }).then(
      (totals) => {
        if (!live) return;
        const found = tries
          .map(({ chip }, i) => ({ chip, total: totals[i]! }))
          .filter((s) => s.total > 0)
          .sort((a, b) => b.total - a.total);
        setResult({ text, suggestions: found });
      },
      () => live && setResult({ text, suggestions: [] }),
    );
    return () => {
      live = false;
    };
  }, [text, parsed, enabled]);
  return enabled && result?.text === text ? result.suggestions : null;
}
