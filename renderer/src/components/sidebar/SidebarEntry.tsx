import { useState } from 'react';
import type { Target } from '../../../../shared/types.js';
import { formatCount } from '../../lib/format';
import { carriesArticles, readDragTarget } from '../../lib/dragPayload';
import { Icon, type IconName } from '../widgets/Icon';
import { NameForm } from '../widgets/NameForm';
import { Popover } from '../widgets/Popover';

export interface EntryAction {
  label: string;
  run: () => void;
}

interface Props {
  icon: IconName;
  label: string;
  count: number | null;
  pressed: boolean;
  title?: string;
  onOpen: () => void;
  /** Saves a new name; resolves to an error message or null. Offered as "Rename…" in the menu. */
  rename?: (name: string) => Promise<string | null>;
  /** Further menu entries (Delete, Update…). */
  actions?: EntryAction[];
  /** Articles dragged from the list land here (collections). */
  onDropArticles?: (target: Target) => void;
}

/**
 * A saved search or collection in the sidebar: opens on click, has a menu
 * (rename inline, delete, …) and, for collections, takes dropped articles.
 */
export function SidebarEntry({ icon, label, count, pressed, title, onOpen, rename, actions = [], onDropArticles }: Props) {
  const [renaming, setRenaming] = useState(false);
  const [dropping, setDropping] = useState(false);

  if (renaming && rename) {
    return (
      <li>
        <NameForm
          className="sidebar-rename"
          label={`New name for ${label}`}
          initial={label}
          submitLabel="Rename"
          onCancel={() => setRenaming(false)}
          onSubmit={async (name) => {
            const message = name === label ? null : await rename(name);
            if (!message) setRenaming(false);
            return message;
          }}
        />
      </li>
    );
  }

  const menu: EntryAction[] = [
    ...(rename
      ? [
          {
            label: 'Rename…',
            run: () => setRenaming(true),
          },
        ]
      : []),
    ...actions,
  ];
  const droppable = onDropArticles !== undefined;
  return (
    <li
      className={`sidebar-entry${dropping ? ' drop-target' : ''}`}
      onDragOver={
        droppable
          ? (e) => {
              if (!carriesArticles(e.dataTransfer)) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'copy';
              setDropping(true);
            }
          : undefined
      }
      onDragLeave={droppable ? () => setDropping(false) : undefined}
      onDrop={
        droppable
          ? (e) => {
              setDropping(false);
              const target = readDragTarget(e.dataTransfer);
              if (!target) return;
              e.preventDefault();
              onDropArticles(target);
            }
          : undefined
      }
    >
      <button type="button" className="sidebar-item" aria-pressed={pressed} title={title} onClick={onOpen}>
        <Icon name={icon} size={14} />
        <span className="sidebar-item-label">{label}</span> <span className="count">{count === null ? '—' : formatCount(count)}</span>
      </button>
      {menu.length > 0 && (
        <Popover
          align="left"
          label={<Icon name="more" size={14} />}
          buttonLabel={`More for ${label}`}
          buttonClassName="btn btn-ghost icon-btn sidebar-entry-menu"
          title={label}
        >
          {(close) => (
            <ul className="menu-list">
              {menu.map((action, i) => (
                <li key={action.label}>
                  <button
                    type="button"
                    className="menu-item"
                    data-autofocus={i === 0 ? true : undefined}
                    onClick={() => {
                      close();
                      action.run();
                    }}
                  >
                    {action.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Popover>
      )}
    </li>
  );
}
