import { useId, useState } from 'react';

interface Props {
  /** Accessible name of the field. */
  label: string;
  submitLabel: string;
  initial?: string;
  placeholder?: string;
  className?: string;
  /** Saves the trimmed name; resolves to an error message for people, or null when done. */
  onSubmit: (name: string) => Promise<string | null>;
  /** Escape gives up; without it, Escape is left to what holds the form (a popover closes). */
  onCancel?: () => void;
  /** The button stays disabled until a name is typed. */
  requireName?: boolean;
}

/**
 * One field and a button for naming things in the sidebar (a saved search, a
 * collection, a rename). The service's message (empty, too long, taken…) shows
 * under the field and nothing changes; Escape gives up.
 */
export function NameForm({ label, submitLabel, initial = '', placeholder, className, onSubmit, onCancel, requireName }: Props) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const submit = async () => {
    const message = await onSubmit(name.trim());
    setError(message);
  };
  return (
    <form
      className={`inline-form ${className ?? ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        className="field field-small"
        aria-label={label}
        placeholder={placeholder}
        autoFocus
        // Inside a popover (mounted while hidden), the popover focuses it when it opens.
        data-autofocus
        value={name}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onCancel) {
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <button type="submit" className="btn btn-small" disabled={requireName && !name.trim()}>
        {submitLabel}
      </button>
      {error && (
        <p id={errorId} className="error-text small">
          {error}
        </p>
      )}
    </form>
  );
}
