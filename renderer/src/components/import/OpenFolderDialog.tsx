import { Dialog } from '../widgets/Dialog';
import { ImportForm } from './ImportForm';

interface Props {
  onImport: (path: string) => Promise<boolean>;
  error: string | null;
  onClose: () => void;
}

/** "Open folder…" in browser mode: a path field, since a web page cannot learn a picked folder's path. */
export function OpenFolderDialog({ onImport, error, onClose }: Props) {
  return (
    <Dialog title="Import a folder" onClose={onClose} className="open-dialog">
      <p className="muted">
        Gleaner reads every article in the folder and its subfolders: Markdown, HTML or text files with TOML (<code>+++</code>), YAML (
        <code>---</code>) or JSON front matter. Files are never changed.
      </p>
      <ImportForm
        autoFocus
        error={error}
        busy={false}
        onImport={async (path) => {
          const ok = await onImport(path);
          if (ok) onClose();
          return ok;
        }}
      />
    </Dialog>
  );
}
