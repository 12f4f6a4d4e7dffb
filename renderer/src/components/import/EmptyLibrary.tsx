import { useEffect, useState } from 'react';
import type { ImportState } from './useImportJob';
import { samplesFolder } from '../../lib/samples';
import { Icon } from '../widgets/Icon';
import { ImportForm } from './ImportForm';
import { ImportProgress } from './ImportProgress';

interface Props {
  imports: ImportState;
  /** Desktop: a native folder picker is available. */
  pickFolder: (() => void) | null;
}

/** First run: what Gleaner does and how to fill it, with the import field right here. */
export function EmptyLibrary({ imports, pickFolder }: Props) {
  const [samples, setSamples] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void samplesFolder().then((path) => live && setSamples(path));
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="list-empty library-empty">
      <span className="empty-icon" aria-hidden="true">
        <Icon name="folder" size={28} />
      </span>
      <h2 className="list-empty-title">Your library is empty</h2>
      <p className="muted">
        Import a folder of articles (Markdown, HTML or text with front matter, such as a Hugo <code>content</code> folder). Gleaner copies them into
        its library for fast search and never changes your files.
      </p>
      {imports.running ? (
        <ImportProgress running={imports.running} onCancel={imports.cancel} />
      ) : pickFolder ? (
        <div className="import-row">
          <button type="button" className="btn btn-primary" onClick={pickFolder}>
            Choose a folder…
          </button>
          {samples && (
            <button type="button" className="btn" onClick={() => void imports.start(samples)}>
              Try the sample articles
            </button>
          )}
        </div>
      ) : (
        // Keyed so the field fills in when the samples path arrives.
        <ImportForm key={samples ?? ''} onImport={imports.start} error={imports.startError} busy={false} initialPath={samples ?? ''} />
      )}
      {samples && !pickFolder ? (
        <p className="muted small">
          The path above is Gleaner’s bundled sample articles: import them to try things out, or replace it with your own folder.
        </p>
      ) : (
        <p className="muted small">
          No articles at hand? Any folder of Markdown notes or a static site’s <code>content</code> folder will do; you can import more folders later
          with the folder button at the top left.
        </p>
      )}
    </div>
  );
}
