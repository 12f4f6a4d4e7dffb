interface Props {
  /** The list shows one row per story (the setting, or `-is:copy` in the query). */
  on: boolean;
  onToggle: () => void;
}

/**
 * "One per story": folds copies of the same article from other sources into their story's
 * first article. An icon button like its neighbours in the list header (a word would push the
 * count out of a narrow list); its name and tooltip say what it does.
 */
export function OnePerStoryToggle({ on, onToggle }: Props) {
  return (
    <button
      type="button"
      className="btn btn-ghost icon-btn story-toggle"
      aria-label="One per story"
      aria-pressed={on}
      title={
        on
          ? 'One per story: copies are folded into their first article (click to list every copy)'
          : 'One per story: fold copies republished by other sources into their first article'
      }
      onClick={onToggle}
    >
      {/* Two sheets, one behind the other: a story and its copies. */}
      <svg
        width={16}
        height={16}
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M5.5 1.5h8v9h-8zM2.5 4.5v10h8M7.5 4.5h4M7.5 7h4" />
      </svg>
    </button>
  );
}
