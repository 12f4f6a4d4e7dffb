import { useEffect } from 'react';
import { client } from '../../transport';

/** How long an article stays open before it counts as read. */
const MARK_OPENED_MS = 1500;

/**
 * An article left open for a moment counts as read. The pause keeps j/k through the list
 * from marking every article passed on the way; a change asks the app to refresh its counts.
 */
export function useMarkOpened(openId: number | null, requestRefresh: () => void): void {
  useEffect(() => {
    if (openId === null) return;
    const timer = window.setTimeout(() => {
      client.articles.markOpened({ id: openId }).then(
        ({ changed }) => changed && requestRefresh(),
        () => undefined,
      );
    }, MARK_OPENED_MS);
    return () => window.clearTimeout(timer);
  }, [openId, requestRefresh]);
}
