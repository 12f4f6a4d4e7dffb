import { useState } from 'react';
import { NameForm } from '../widgets/NameForm';

interface Props {
  /** The button's text ("Save search", "New collection"). */
  buttonLabel: string;
  /** Accessible name of the field. */
  label: string;
  submitLabel: string;
  disabled?: boolean;
  /** Tooltip of the button. */
  title?: string;
  /** Makes the thing; resolves to an error message (shown, the field stays) or null (the button comes back). */
  onSubmit: (name: string) => Promise<string | null>;
}

/** A section's last line: a button that becomes a name field, for saving a search or making a collection. */
export function AddByName({ buttonLabel, label, submitLabel, disabled, title, onSubmit }: Props) {
  const [naming, setNaming] = useState(false);
  return naming ? (
    <NameForm
      className="save-search"
      label={label}
      placeholder="Name"
      submitLabel={submitLabel}
      onCancel={() => setNaming(false)}
      onSubmit={async (name) => {
        const message = await onSubmit(name);
        if (!message) setNaming(false);
        return message;
      }}
    />
  ) : (
    <button type="button" className="sidebar-more" disabled={disabled} title={title} onClick={() => setNaming(true)}>
      {buttonLabel}
    </button>
  );
}
