interface Props {
  /** The list shows one row per story (the setting, or `-is:copy` in the query). */
  on: boolean;
  onToggle: () => void;
}

/** "One per story": folds copies of the same article from other sources into their story's first article. */
export function OnePerStoryToggle({ on, onToggle }: Props) {
  return (
    <button
      type="button"
      className={`btn btn-small btn-ghost story-toggle${on ? ' on' : ''}`}
      aria-pressed={on}
      title="One row per story: copies of an article republished by other sources are folded into the first one"
      onClick={onToggle}
    >
      One per story
    </button>
  );
}
