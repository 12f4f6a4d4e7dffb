import { diffWords, type Change } from 'diff';
import { useEffect, useMemo, useState } from 'react';
import type { StoryText } from '../../../../shared/stories.js';
import { client } from '../../transport';

/** Which copy is compared with which original, as the Copies panel asks for it. */
export interface Comparison {
  /** The article whose Copies panel asked (the comparison belongs to it). */
  articleId: number;
  /** The member picked in the list. */
  memberId: number;
  originalId: number;
  copyId: number;
  /** Names for the two sides, e.g. "Harbor Wire" and "Coastal Daily". */
  originalLabel: string;
  copyLabel: string;
}

interface Props extends Omit<Comparison, 'articleId' | 'memberId'> {
  onClose: () => void;
}

/** Paragraphs arrive one per line: a blank line between them keeps them apart on screen (both sides alike, so no change). */
const spaced = (text: string): string => text.replace(/\n+/g, '\n\n');

type Loaded = { original: StoryText; copy: StoryText } | { error: string } | null;

/**
 * What a copy changed against the story's original, as one inline word diff of the story
 * text; what each outlet put around it (header, footer) is set apart and collapsed, since it
 * differs by design. Insertions are underlined and deletions struck through, not only coloured.
 */
export function CompareView({ originalId, copyId, originalLabel, copyLabel, onClose }: Props) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    let live = true;
    setLoaded(null);
    client.stories.compare({ id: originalId, otherId: copyId }).then(
      (texts) => live && setLoaded(texts),
      (error: unknown) => live && setLoaded({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [originalId, copyId]);
  const changes = useMemo(
    () => (loaded && 'original' in loaded ? diffWords(spaced(loaded.original.body), spaced(loaded.copy.body)) : null),
    [loaded],
  );

  return (
    <section className="story-compare" aria-label={`Changes in ${copyLabel}`}>
      <div className="story-compare-head">
        <p className="small">
          <del className="diff-del">Struck through</del>: only in the original ({originalLabel}). <ins className="diff-ins">Underlined</ins>: only in{' '}
          {copyLabel}.
        </p>
        <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
          Close comparison
        </button>
      </div>
      {loaded === null ? (
        <p className="muted small">Comparing…</p>
      ) : 'error' in loaded ? (
        <p className="error-text">The copies could not be compared: {loaded.error}</p>
      ) : (
        <>
          <OutletText
            label="Outlet header"
            original={loaded.original.header}
            copy={loaded.copy.header}
            originalLabel={originalLabel}
            copyLabel={copyLabel}
          />
          <div className="story-diff" data-testid="story-diff">
            {changes && <DiffText changes={changes} />}
          </div>
          <OutletText
            label="Outlet footer"
            original={loaded.original.footer}
            copy={loaded.copy.footer}
            originalLabel={originalLabel}
            copyLabel={copyLabel}
          />
        </>
      )}
    </section>
  );
}

function DiffText({ changes }: { changes: Change[] }) {
  if (changes.every((c) => !c.added && !c.removed)) return <p className="muted small">The story text is the same word for word.</p>;
  return (
    <p className="diff-text">
      {changes.map((c, i) =>
        c.added ? (
          <ins key={i} className="diff-ins">
            {c.value}
          </ins>
        ) : c.removed ? (
          <del key={i} className="diff-del">
            {c.value}
          </del>
        ) : (
          <span key={i}>{c.value}</span>
        ),
      )}
    </p>
  );
}

interface OutletProps {
  label: string;
  original: string;
  copy: string;
  originalLabel: string;
  copyLabel: string;
}

/** One outlet's header or footer on each side, collapsed: it is the outlet's, not the story's. */
function OutletText({ label, original, copy, originalLabel, copyLabel }: OutletProps) {
  if (!original.trim() && !copy.trim()) return null;
  return (
    <details className="story-outlet">
      <summary>{label}</summary>
      <dl>
        <dt>{originalLabel}</dt>
        <dd>{original.trim() || <span className="muted">None</span>}</dd>
        <dt>{copyLabel}</dt>
        <dd>{copy.trim() || <span className="muted">None</span>}</dd>
      </dl>
    </details>
  );
}
