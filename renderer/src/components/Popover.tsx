import { useCallback, useId, useRef, type ReactNode } from 'react';

interface Props {
  /** Content of the button that opens it. */
  label: ReactNode;
  /** Accessible name of that button. */
  buttonLabel: string;
  buttonClassName?: string;
  title: string;
  children: ReactNode;
}

/**
 * A menu-like panel in the top layer (the popover attribute): light dismiss and
 * Escape come from the browser. Placed under its button when it opens, right
 * edges aligned, kept inside the window.
 */
export function Popover({ label, buttonLabel, buttonClassName, title, children }: Props) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const place = useCallback((event: React.ToggleEvent<HTMLDivElement>) => {
    if (event.newState !== 'open' || !button.current) return;
    const rect = button.current.getBoundingClientRect();
    const panel = event.currentTarget;
    panel.style.position = 'fixed';
    panel.style.top = `${Math.round(rect.bottom + 6)}px`;
    panel.style.right = `${Math.max(8, Math.round(window.innerWidth - rect.right))}px`;
    panel.style.left = 'auto';
    panel.style.bottom = 'auto';
  }, []);
  return (
    <>
      <button ref={button} type="button" className={buttonClassName ?? 'btn btn-ghost'} aria-label={buttonLabel} popoverTarget={id}>
        {label}
      </button>
      <div id={id} popover="auto" className="popover" role="dialog" aria-label={title} onBeforeToggle={place}>
        {children}
      </div>
    </>
  );
}
