import type { ChangeResult } from '../../../../shared/types.js';
import { client } from '../../transport';

interface Props {
  /** The two picked articles, in the order they were picked. */
  pair: [number, number];
  disabled: boolean;
  run: (action: () => Promise<ChangeResult>) => Promise<string | null>;
}

/** "Same story": for exactly two picked articles, joins the second one's story to the first one's (undoable). */
export function SameStoryButton({ pair, disabled, run }: Props) {
  return (
    <button
      type="button"
      className="btn btn-small"
      disabled={disabled}
      title="These two articles are copies of one story: put them, and their copies, into one story"
      onClick={() => void run(() => client.stories.merge({ id: pair[1], into: pair[0] }))}
    >
      Same story
    </button>
  );
}
