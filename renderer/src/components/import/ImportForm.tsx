import { useId, useState } from 'react';

interface Props {
  onImport: (path: string) => Promise<boolean>;
  error: string | null;
  busy: boolean;
  initialPath?: string;
  autoFocus?: boolean;
}

/**
 * Browser mode cannot show a folder picker that yields a path, so the person
 * types (or pastes) the folder's path; the service checks it and says why if not.
 */
export function ImportForm({ onImport, error, busy, initialPath = '', autoFocus }: Props) {
  const [path, setPath] = useState(initialPath);
  const id = useId();
  return (
    <form
      className="import-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) void onImport(path.trim());
      }}
    >
      <label htmlFor={id}>Folder path</label>
      <div className="import-row">
        <input
          id={id}
          className="field"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/home/you/articles"
          spellCheck={false}
          autoComplete="off"
          data-autofocus={autoFocus || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit" className="btn btn-primary" disabled={busy || !path.trim()}>
          Import
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="error-text small" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
