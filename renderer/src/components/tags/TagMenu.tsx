import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { TagFilterMode } from '../../lib/tagFilters';
import { plural } from '../../lib/format';
import { Icon } from '../widgets/Icon';

export type TagAction = 'rename' | 'merge' | 'recolor' | 'delete' | 'manage';

export interface TagMenuTarget {
  name: string;
  /** Whether it is a tag itself, not only the parent of tags (`policy` of `policy/uk`). */
  isTag: boolean;
  count: number;
  /** The row's ⋯ button: the menu opens under it and gives focus back to it. */
  anchor: HTMLButtonElement;
}

interface Props {
  target: TagMenuTarget;
  mode: TagFilterMode | null;
  /** Picks a filter mode; picking the current one again takes the filter out. */
  onFilter: (mode: TagFilterMode) => void;
  onAction: (action: TagAction) => void;
  onClose: () => void;
}

const FILTERS: { mode: TagFilterMode; label: string; hint: string }[] = [
  { mode: 'all', label: 'Must have it', hint: 'all of' },
  { mode: 'any', label: 'Any of these', hint: 'any of' },
  { mode: 'none', label: 'Exclude it', hint: 'none of' },
];

/** Three dots: "more for this row". */
export function MoreIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" focusable="false">
      <circle cx="3.5" cy="8" r="1.3" />
      <circle cx="8" cy="8" r="1.3" />
      <circle cx="12.5" cy="8" r="1.3" />
    </svg>
  );
}

/**
 * The menu of one tag row: how the sidebar filters by it (all of, any of, none of)
 * and the tag's own commands. One menu for the whole tree, in the top layer (the
 * popover attribute: light dismiss and Escape come from the browser), with the
 * ARIA menu keys (arrows, Home, End).
 */
export function TagMenu({ target, mode, onFilter, onAction, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!el.matches(':popover-open')) el.showPopover();
    const rect = target.anchor.getBoundingClientRect();
    const width = el.offsetWidth;
    const height = el.offsetHeight;
    el.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - width - 8))}px`;
    // Below the button, or above it when the window is too short.
    const below = rect.bottom + 4;
    el.style.top = `${below + height > window.innerHeight - 8 ? Math.max(8, rect.top - height - 4) : below}px`;
    items()[0]?.focus();
  }, [target]);

  const items = () => [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? [])];
  const close = () => {
    target.anchor.focus();
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => {
      e.preventDefault();
      all[(i + all.length) % all.length]?.focus();
    };
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(all.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      // Kept from the app's Escape (which would clear the search) and the list's keys.
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  const act = (action: TagAction) => {
    close();
    onAction(action);
  };
  const groupOnly = `"${target.name}" is a group of tags, not a tag: rename it, or edit the tags under it`;
  return (
    <div ref={ref} popover="auto" className="popover tag-menu" onToggle={(e) => e.newState === 'closed' && onClose()} onKeyDown={onKeyDown}>
      <p className="tag-menu-head">
        <span className="tag-menu-name">{target.name}</span> <span className="count">{plural(target.count, 'article')}</span>
      </p>
      <div role="menu" aria-label={`Tag ${target.name}`}>
        <div role="group" aria-label="Filter the list">
          {FILTERS.map((f) => (
            <button
              key={f.mode}
              type="button"
              role="menuitemradio"
              aria-checked={mode === f.mode}
              tabIndex={-1}
              className="tag-menu-item"
              onClick={() => {
                close();
                onFilter(f.mode);
              }}
            >
              <span className="tag-menu-check">{mode === f.mode && <Icon name="check" size={12} />}</span>
              {f.label}
              <span className="tag-menu-hint">{f.hint}</span>
            </button>
          ))}
        </div>
        <div role="separator" className="tag-menu-sep" />
        <Item label="Rename…" onClick={() => act('rename')} />
        <Item label="Merge into…" disabled={!target.isTag} title={groupOnly} onClick={() => act('merge')} />
        <Item label="Colour…" disabled={!target.isTag} title={groupOnly} onClick={() => act('recolor')} />
        <Item label="Delete…" disabled={!target.isTag} title={groupOnly} onClick={() => act('delete')} />
        <div role="separator" className="tag-menu-sep" />
        <Item label="Manage tags…" onClick={() => act('manage')} />
      </div>
    </div>
  );
}

function Item({ label, disabled = false, title, onClick }: { label: string; disabled?: boolean; title?: string; onClick: () => void }) {
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className="tag-menu-item"
      aria-disabled={disabled || undefined}
      title={disabled ? title : undefined}
      onClick={() => !disabled && onClick()}
    >
      <span className="tag-menu-check" />
      {label}
    </button>
  );
}
