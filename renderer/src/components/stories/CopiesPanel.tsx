import { useEffect, useState } from 'react';
import type { StoryMember } from '../../../../shared/stories.js';
import type { ArticleDetail, ChangeResult } from '../../../../shared/types.js';
import { formatDate } from '../../lib/format';
import { client } from '../../transport';
import type { Comparison } from './CompareView';
import { storyMembers } from './storyMembers';

interface Props {
  detail: ArticleDetail;
  /** Runs a change through the app (toast, undo). */
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  open: boolean;
  onToggle: () => void;
  /** The member being compared (the reading pane shows the comparison in place of the article). */
  comparing: number | null;
  onCompare: (comparison: Comparison | null) => void;
}

const labelOf = (m: StoryMember): string => m.source ?? 'No source';

/**
 * "Copies" of the open article: the other articles of its story (source, date, title), the
 * first one marked original. Picking one compares it with the original; "Not a copy of this
 * story" splits the open article out (undoable from the toast or with Ctrl+Z).
 */
export function CopiesPanel({ detail, change, open, onToggle, comparing, onCompare }: Props) {
  const [members, setMembers] = useState<StoryMember[] | null>(null);
  const { id, storyCopies } = detail;
  useEffect(() => {
    setMembers(null);
    if (storyCopies === 0) return;
    let live = true;
    storyMembers(id, storyCopies).then(
      (list) => live && setMembers(list),
      () => live && setMembers([]),
    );
    return () => {
      live = false;
    };
  }, [id, storyCopies]);
  if (storyCopies === 0) return null;

  const original = members?.find((m) => m.first) ?? null;
  const others = members?.filter((m) => m.id !== id) ?? [];
  const self = members?.find((m) => m.id === id);
  const compare = (member: StoryMember) => {
    // Comparing with the original itself shows what the open article changed.
    const copy = member.first ? self : member;
    if (!original || !copy || comparing === member.id) return onCompare(null);
    onCompare({
      articleId: id,
      memberId: member.id,
      originalId: original.id,
      copyId: copy.id,
      originalLabel: labelOf(original),
      copyLabel: labelOf(copy),
    });
  };

  return (
    <section className="story-copies" aria-label="Copies">
      <div className="story-copies-head">
        <button type="button" className="btn btn-small btn-ghost story-copies-toggle" aria-expanded={open} onClick={onToggle}>
          {storyCopies} {storyCopies === 1 ? 'copy' : 'copies'} of this story
        </button>
        {open && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            title="Take this article out of its story: it was grouped with articles it does not copy"
            onClick={() => void change(() => client.stories.split({ id }))}
          >
            Not a copy of this story
          </button>
        )}
      </div>
      {open &&
        (members === null ? (
          <p className="muted small">Loading…</p>
        ) : (
          <ul className="story-members">
            {others.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className={`story-member${comparing === m.id ? ' current' : ''}`}
                  aria-pressed={comparing === m.id}
                  onClick={() => compare(m)}
                >
                  <span className="story-member-source">{labelOf(m)}</span>
                  {m.date && <time dateTime={m.date}>{formatDate(m.date)}</time>}
                  {m.first && <span className="badge">Original</span>}
                  <span className="story-member-title">{m.title || 'Untitled'}</span>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
