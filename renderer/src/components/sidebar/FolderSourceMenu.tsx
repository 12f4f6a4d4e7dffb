import type { FolderInfo } from '../../../../shared/types.js';
import { client } from '../../transport';
import { Icon } from '../widgets/Icon';
import { NameForm } from '../widgets/NameForm';
import { Popover } from '../widgets/Popover';

interface Props {
  /** The source as the Sources facet shows it. */
  source: string;
  /** The folders whose articles without a source of their own get this one. */
  folders: FolderInfo[];
}

/**
 * The menu of a Sources entry that comes from imported folders: rename it (the folders' label,
 * kept across re-imports) or go back to the name Gleaner derived. The list follows through the
 * library-changed event the service sends.
 */
export function FolderSourceMenu({ source, folders }: Props) {
  const custom = folders.some((f) => f.sourceLabelCustom);
  const setLabel = async (label: string | null): Promise<string | null> => {
    try {
      for (const folder of folders) await client.library.setFolderSource({ id: folder.id, label });
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
  return (
    <Popover
      align="left"
      label={<Icon name="more" size={14} />}
      buttonLabel={`More for ${source}`}
      buttonClassName="btn btn-ghost icon-btn sidebar-entry-menu"
      title={`Source ${source}`}
    >
      {(close) => (
        <div className="folder-source-menu">
          <p className="muted small">Articles in {folders.map((f) => f.path).join(', ')} that name no source of their own get this one.</p>
          <NameForm
            label={`New name for the source ${source}`}
            initial={source}
            submitLabel="Rename"
            onCancel={close}
            onSubmit={async (name) => {
              const message = name === source ? null : await setLabel(name);
              if (!message) close();
              return message;
            }}
          />
          {custom && (
            <button
              type="button"
              className="menu-item"
              onClick={() => {
                close();
                void setLabel(null);
              }}
            >
              Use the folder’s own name again
            </button>
          )}
        </div>
      )}
    </Popover>
  );
}
