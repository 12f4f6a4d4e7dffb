import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ParsedQuery } from '../../../../shared/query/ast.js';
import { formatQuery } from '../../../../shared/query/format.js';
import { parseQuery } from '../../../../shared/query/parse.js';

/**
 * Long enough to skip the intermediate words of a fast typist, short enough that a search
 * (6-20 ms in the service at 100k articles) plus painting stays under 150 ms per keystroke.
 */
export const TYPING_DEBOUNCE_MS = 60;

const TYPING = { typing: true } as const;

export interface SearchQueryState {
  /** What is in the box right now. */
  text: string;
  /**
   * Parse of `text`: chips and the error message follow every keystroke. The word being
   * typed (a bare word with nothing after it yet) matches as a prefix: `collec` finds
   * "collector" before the word is finished (parseQuery's `typing` option).
   */
  parsed: ParsedQuery;
  /**
   * The query the list shows: the canonical form of the last settled text that
   * parsed (the word being typed written as `collec*`). A query that does not parse
   * never runs; the list keeps the last good one.
   */
  active: string;
  /** Typing: debounced. Chips, facets and the timeline pass `immediate`. */
  setText: (next: string, immediate?: boolean) => void;
}

export function useSearchQuery(): SearchQueryState {
  const [text, setTextState] = useState('');
  const [active, setActive] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const parsed = useMemo(() => parseQuery(text, TYPING), [text]);

  const settle = useCallback((value: string) => {
    const result = parseQuery(value, TYPING);
    // Canonical text as the key, so a trailing space or double space does not search again.
    if (result.ok) setActive(formatQuery(result.node));
  }, []);

  const setText = useCallback(
    (next: string, immediate = false) => {
      setTextState(next);
      window.clearTimeout(timer.current);
      if (immediate) settle(next);
      else timer.current = window.setTimeout(() => settle(next), TYPING_DEBOUNCE_MS);
    },
    [settle],
  );
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return { text, parsed, active, setText };
}
