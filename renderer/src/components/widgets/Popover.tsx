import { useCallback, useId, useRef, type ReactNode } from 'react';

interface Props {
  /** Content of the button that opens it. */
  label: ReactNode;
  /** Accessible name of that button. */
  buttonLabel: string;
  buttonClassName?: string;
  title: string;
  /** Content, or a function of `close` for panels that close themselves after a choice. */
  children: ReactNode | ((close: () => void) => ReactNode);
  disabled?: boolean;
  /** Tooltip of the button. */
  buttonTitle?: string;
  /** Which edges of panel and button line up: right (default, for toolbars at the right) or left. */
  align?: 'left' | 'right';
}

/**
 * A menu-like panel in the top layer (the popover attribute): light dismiss and
 * Escape come from the browser. Placed under its button when it opens, right
 * edges aligned, kept inside the window.
 */
export function Popover({ label, buttonLabel, buttonClassName, title, children, disabled, buttonTitle, align = 'right' }: Props) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = useCallback(() => {
    panel.current?.hidePopover();
    button.current?.focus();
  }, []);
  const place = useCallback(
    (event: React.ToggleEvent<HTMLDivElement>) => {
      if (event.newState !== 'open' || !button.current) return;
      const rect = button.current.getBoundingClientRect();
      const panel = event.currentTarget;
      panel.style.position = 'fixed';
      panel.style.top = `${Math.round(rect.bottom + 6)}px`;
      if (align === 'left') {
        panel.style.left = `${Math.max(8, Math.round(rect.left))}px`;
        panel.style.right = 'auto';
      } else {
        panel.style.right = `${Math.max(8, Math.round(window.innerWidth - rect.right))}px`;
        panel.style.left = 'auto';
      }
      panel.style.bottom = 'auto';
    },
    [align],
  );
  return (
    <>
      <button
        ref={button}
        type="button"
        className={buttonClassName ?? 'btn btn-ghost'}
        aria-label={buttonLabel}
        title={buttonTitle}
        disabled={disabled}
        popoverTarget={id}
      >
        {label}
      </button>
      <div
        ref={panel}
        id={id}
        popover="auto"
        className="popover"
        role="dialog"
        aria-label={title}
        onBeforeToggle={place}
        onToggle={(e) => {
          // A palette starts in its field, like a menu starts on its first item.
          if (e.newState === 'open') e.currentTarget.querySelector<HTMLElement>('[data-autofocus]')?.focus();
        }}
      >
        {typeof children === 'function' ? children(close) : children}
      </div>
    </>
  );
}
