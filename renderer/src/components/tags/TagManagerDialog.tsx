import { useId, useState } from 'react';
import type { ChangeResult, TagInfo } from '../../../../shared/types.js';
import { formatCount, plural } from '../../lib/format';
import { colorName } from '../../lib/tagColors';
import { Dialog } from '../widgets/Dialog';
import { ColorForm, DeleteForm, MergeForm, RenameForm, type FormProps } from './TagForms';
import type { TagAction } from './TagMenu';

export type TagEdit = Exclude<TagAction, 'manage'>;

/** What to open: the list of every tag, or one command for one tag (or group of tags). */
export type TagDialogRequest = { action: 'manage' } | { action: TagEdit; name: string };

interface Props {
  request: TagDialogRequest;
  tags: TagInfo[];
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  onClose: () => void;
  /** A rename or merge worked: the search's filters on the old name follow it. */
  onRenamed: (from: string, to: string, withChildren: boolean) => void;
}

const EDITS: Record<TagEdit, { title: (name: string) => string; submit: string; danger?: boolean; form: (p: FormProps) => React.ReactNode }> = {
  rename: { title: (n) => `Rename tag “${n}”`, submit: 'Rename', form: (p) => <RenameForm {...p} /> },
  merge: { title: (n) => `Merge tag “${n}”`, submit: 'Merge', form: (p) => <MergeForm {...p} /> },
  recolor: { title: (n) => `Colour of tag “${n}”`, submit: 'Save colour', form: (p) => <ColorForm {...p} /> },
  delete: { title: (n) => `Delete tag “${n}”`, submit: 'Delete tag', danger: true, form: (p) => <DeleteForm {...p} /> },
};

/**
 * Rename, merge, recolour and delete tags. Opened on one tag from its sidebar menu,
 * or on the list of every tag ("Manage tags…"), where each command comes back to the
 * list when done. Every change is undoable: the toast after it offers Undo.
 */
export function TagManagerDialog({ request, tags, change, onClose, onRenamed }: Props) {
  const fromList = request.action === 'manage';
  const [view, setView] = useState<TagDialogRequest>(request);
  // Rename and merge wait for a change of name or a chosen tag.
  const [ready, setReady] = useState(request.action !== 'rename' && request.action !== 'merge');
  const formId = useId();
  const open = (next: TagDialogRequest) => {
    setReady(next.action !== 'rename' && next.action !== 'merge');
    setView(next);
  };
  if (view.action === 'manage') {
    return (
      <Dialog title="Manage tags" className="tag-dialog" onClose={onClose}>
        <TagList tags={tags} onEdit={(action, name) => open({ action, name })} />
      </Dialog>
    );
  }
  const edit = EDITS[view.action];
  const back = () => (fromList ? open({ action: 'manage' }) : onClose());
  const footer = (
    <>
      <button type="button" className="btn" onClick={back}>
        {fromList ? 'Back' : 'Cancel'}
      </button>
      <button type="submit" form={formId} className={`btn ${edit.danger ? 'btn-danger' : 'btn-primary'}`} disabled={!ready}>
        {edit.submit}
      </button>
    </>
  );
  return (
    <Dialog title={edit.title(view.name)} className="tag-dialog" onClose={onClose} footer={footer}>
      {/* Keyed by tag and command, so switching from the list starts a fresh form. */}
      <div key={`${view.action}:${view.name}`}>
        {edit.form({
          name: view.name,
          info: tags.find((t) => t.name === view.name),
          tags,
          formId,
          change,
          onDone: back,
          onReady: setReady,
          onRenamed,
        })}
      </div>
    </Dialog>
  );
}

function TagList({ tags, onEdit }: { tags: TagInfo[]; onEdit: (action: TagEdit, name: string) => void }) {
  const [filter, setFilter] = useState('');
  const shown = tags.filter((t) => t.name.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <>
      <input
        className="field"
        type="search"
        aria-label="Find a tag"
        placeholder={`Find among ${plural(tags.length, 'tag')}`}
        value={filter}
        autoFocus
        data-autofocus
        onChange={(e) => setFilter(e.target.value)}
      />
      {shown.length === 0 ? (
        <p className="sidebar-empty">
          {tags.length === 0 ? 'No tags yet: add one to an article in the reading pane' : 'No tag has that in its name'}
        </p>
      ) : (
        <ul className="tag-manage-list" aria-label="Tags">
          {shown.map((t) => (
            <li key={t.id} className="tag-manage-row">
              <span className="tag-swatch" style={t.color ? { background: t.color } : undefined} title={colorName(t.color)} aria-hidden="true" />
              <span className="tag-manage-name">{t.name}</span>
              <span className="count">
                {formatCount(t.count)}
                <span className="visually-hidden"> {t.count === 1 ? 'article' : 'articles'}</span>
              </span>
              <span className="tag-manage-actions">
                <button type="button" className="btn btn-ghost btn-small" aria-label={`Rename ${t.name}`} onClick={() => onEdit('rename', t.name)}>
                  Rename
                </button>
                <button type="button" className="btn btn-ghost btn-small" aria-label={`Merge ${t.name}`} onClick={() => onEdit('merge', t.name)}>
                  Merge
                </button>
                <button type="button" className="btn btn-ghost btn-small" aria-label={`Colour ${t.name}`} onClick={() => onEdit('recolor', t.name)}>
                  Colour
                </button>
                <button type="button" className="btn btn-ghost btn-small" aria-label={`Delete ${t.name}`} onClick={() => onEdit('delete', t.name)}>
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
