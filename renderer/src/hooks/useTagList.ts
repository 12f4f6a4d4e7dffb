import { useCallback, useEffect, useRef, useState } from 'react';
import type { TagInfo } from '../../../shared/types.js';
import { client } from '../transport';

/**
 * Every tag with its colour and library-wide count, fetched again after any
 * curation or library change (their events arrive in bursts: coalesced).
 */
export function useTagList(): { tags: TagInfo[]; reload: () => void } {
  const [tags, setTags] = useState<TagInfo[]>([]);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const reload = useCallback(() => {
    const mine = ++seq.current;
    client.tags.list({}).then(
      (list) => mine === seq.current && setTags(list),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    reload();
    const off = client.onEvent((event) => {
      if (event.type !== 'curation-changed' && event.type !== 'library-changed' && event.type !== 'import-finished') return;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(reload, 60);
    });
    return () => {
      off();
      window.clearTimeout(timer.current);
    };
  }, [reload]);
  return { tags, reload };
}
