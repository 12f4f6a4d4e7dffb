import { useEffect, useState } from 'react';
import type { ArticleListItem } from '../../../../shared/types.js';
import { otherSources, storyMembers } from './storyMembers';

/** Sources named in a row before the rest are counted. */
const MAX_SOURCES = 2;

interface Props {
  item: ArticleListItem;
  /** Opens the article with its Copies panel. */
  onShowCopies: (() => void) | null;
}

/**
 * "N copies" and, compactly, the other sources of a row's story. Not a button: a row is an
 * option of a listbox, which must not hold controls; the keyboard way is the Copies panel.
 */
export function RowCopies({ item, onShowCopies }: Props) {
  const [sources, setSources] = useState<string[] | null>(null);
  const { id, storyCopies, source } = item;
  useEffect(() => {
    let live = true;
    storyMembers(id, storyCopies).then(
      (members) => live && setSources(otherSources(members, source)),
      () => undefined, // the count alone still says it
    );
    return () => {
      live = false;
    };
  }, [id, storyCopies, source]);
  const shown = sources?.slice(0, MAX_SOURCES).join(', ');
  const more = sources && sources.length > MAX_SOURCES ? ` +${sources.length - MAX_SOURCES}` : '';
  return (
    <span className="row-copies" title={sources ? `Also from: ${sources.join(', ')}` : undefined}>
      <span className="copies-count" onClick={onShowCopies ?? undefined}>
        {storyCopies} {storyCopies === 1 ? 'copy' : 'copies'}
      </span>
      {shown && (
        <span className="copies-sources">
          {shown}
          {more}
        </span>
      )}
    </span>
  );
}
