import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  next: () => void;
  previous: () => void;
  focusSearch: () => void;
  openOriginal: () => void;
  showHelp: () => void;
  /** Escape outside a text field and outside dialogs; returns whether it did something. */
  escape: () => boolean;
  toggleStar: () => void;
  toggleRead: () => void;
  undo: () => void;
  redo: () => void;
  /** `x`: the current article in or out of the multi-selection. */
  toggleInSelection: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(target.type);
  return false;
}

/**
 * App-wide single-key shortcuts (j, k, o, /, ?, Escape). They stay out of the
 * way while the person types in a field or a dialog is open; arrows, Enter and
 * Space belong to the focused control (the list handles its own).
 */
export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      if (isTyping(event.target)) return;
      const h = ref.current;
      const run = (fn: () => void) => {
        event.preventDefault();
        fn();
      };
      if (event.ctrlKey || event.metaKey) {
        // Undo and redo of curation changes; text fields keep their own (checked above).
        const key = event.key.toLowerCase();
        if (key === 'z') return run(event.shiftKey ? h.redo : h.undo);
        if (key === 'y' && !event.shiftKey) return run(h.redo);
        return;
      }
      switch (event.key) {
        case 'j':
          return run(h.next);
        case 'k':
          return run(h.previous);
        case '/':
          return run(h.focusSearch);
        case 'o':
          return run(h.openOriginal);
        case '?':
          return run(h.showHelp);
        case 's':
          return run(h.toggleStar);
        case 'm':
          return run(h.toggleRead);
        case 'x':
          return run(h.toggleInSelection);
        case 'Escape':
          if (h.escape()) event.preventDefault();
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
