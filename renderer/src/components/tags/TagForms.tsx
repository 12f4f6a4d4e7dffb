import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ChangeResult, TagInfo } from '../../../../shared/types.js';
import { plural } from '../../lib/format';
import { colorName, TAG_COLORS } from '../../lib/tagColors';
import { client } from '../../transport';

export interface FormProps {
  /** The tag (or group of tags) the form edits. */
  name: string;
  info: TagInfo | undefined;
  tags: TagInfo[];
  /** The id the dialog's footer buttons point at with `form=`. */
  formId: string;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** After a change that worked (the toast offers Undo). */
  onDone: () => void;
  /** Lets the footer's submit button follow the form (e.g. disabled until a tag is picked). */
  onReady: (ready: boolean) => void;
  /** After a rename or merge: filters on the old name follow it (children too for a rename). */
  onRenamed?: (from: string, to: string, withChildren: boolean) => void;
}

/** Names under this one: `policy` → `policy/uk`, `policy/eu`. */
export function childrenOf(name: string, tags: TagInfo[]): string[] {
  const prefix = `${name}/`;
  return tags.filter((t) => t.name.startsWith(prefix)).map((t) => t.name);
}

function useSubmit(change: FormProps['change'], onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (run: () => Promise<ChangeResult>) => async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const message = await change(run);
    setBusy(false);
    setError(message);
    if (!message) onDone();
  };
  return { error, setError, submit };
}

/** A service message next to the field it is about; nothing was changed. */
function FieldError({ id, error }: { id: string; error: string | null }) {
  return error ? (
    <p id={id} className="error-text small tag-form-error" role="alert">
      {error}
    </p>
  ) : null;
}

function ChildrenNote({ names, children }: { names: string[]; children: (list: string) => ReactNode }) {
  if (names.length === 0) return null;
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
  return <p className="tag-form-note">{children(shown)}</p>;
}

export function RenameForm({ name, tags, formId, change, onDone, onReady, onRenamed }: FormProps) {
  const [to, setTo] = useState(name);
  const { error, setError, submit } = useSubmit(change, () => {
    onRenamed?.(name, to.trim(), true);
    onDone();
  });
  const errorId = useId();
  const noteId = useId();
  const under = childrenOf(name, tags);
  return (
    <form id={formId} className="tag-form" onSubmit={submit(() => client.tags.rename({ from: name, to }))}>
      <label className="tag-form-label" htmlFor={`${formId}-name`}>
        New name for “{name}”
      </label>
      <input
        id={`${formId}-name`}
        className="field"
        value={to}
        autoFocus
        data-autofocus
        spellCheck={false}
        aria-invalid={error !== null}
        aria-describedby={error ? `${errorId} ${noteId}` : noteId}
        onChange={(e) => {
          setTo(e.target.value);
          setError(null);
          onReady(e.target.value !== name);
        }}
      />
      <FieldError id={errorId} error={error} />
      <div id={noteId}>
        <ChildrenNote names={under}>{(list) => `The ${plural(under.length, 'tag')} under it move with it (${list}).`}</ChildrenNote>
        <p className="tag-form-note">A / puts a tag under another, as in policy/uk.</p>
      </div>
    </form>
  );
}

export function MergeForm({ name, info, tags, formId, change, onDone, onReady, onRenamed }: FormProps) {
  const [into, setInto] = useState('');
  const { error, setError, submit } = useSubmit(change, () => {
    onRenamed?.(name, into, false);
    onDone();
  });
  const errorId = useId();
  const impactId = useId();
  const others = tags.filter((t) => t.name !== name);
  const n = info?.count ?? 0;
  return (
    <form id={formId} className="tag-form" onSubmit={submit(() => client.tags.merge({ from: name, into }))}>
      <label className="tag-form-label" htmlFor={`${formId}-into`}>
        Merge “{name}” into
      </label>
      <select
        id={`${formId}-into`}
        className="field"
        value={into}
        autoFocus
        data-autofocus
        aria-invalid={error !== null}
        aria-describedby={`${impactId}${error ? ` ${errorId}` : ''}`}
        onChange={(e) => {
          setInto(e.target.value);
          setError(null);
          onReady(e.target.value !== '');
        }}
      >
        <option value="">Choose a tag…</option>
        {others.map((t) => (
          <option key={t.id} value={t.name}>
            {t.name} ({plural(t.count, 'article')})
          </option>
        ))}
      </select>
      <FieldError id={errorId} error={error} />
      <p id={impactId} className="tag-impact">
        Affects {plural(n, 'article')}: {into ? `they get “${into}”` : 'they get the tag you choose'}, and “{name}” is deleted.
      </p>
      <ChildrenNote names={childrenOf(name, tags)}>{(list) => `Tags under it stay as they are (${list}).`}</ChildrenNote>
    </form>
  );
}

export function ColorForm({ name, info, formId, change, onDone }: FormProps) {
  const current = info?.color ?? null;
  const [color, setColor] = useState<string | null>(current);
  const { error, submit } = useSubmit(change, onDone);
  const errorId = useId();
  const options = [...TAG_COLORS, ...(current && !TAG_COLORS.some((c) => c.value === current) ? [{ name: colorName(current), value: current }] : [])];
  return (
    <form id={formId} className="tag-form" onSubmit={submit(() => client.tags.recolor({ name, color }))}>
      <fieldset className="tag-colors" aria-describedby={error ? errorId : undefined}>
        <legend className="tag-form-label">Colour of “{name}”</legend>
        {options.map((c, i) => (
          <label key={c.value} className="tag-colors-option" title={c.name}>
            <input
              type="radio"
              name={`${formId}-color`}
              checked={color === c.value}
              data-autofocus={color === c.value || (color === null && i === 0) ? true : undefined}
              onChange={() => setColor(c.value)}
            />
            <span className="tag-swatch tag-swatch-big" style={{ background: c.value }} aria-hidden="true" />
            <span className="visually-hidden">{c.name}</span>
          </label>
        ))}
        <label className="tag-colors-option tag-colors-none">
          <input type="radio" name={`${formId}-color`} checked={color === null} onChange={() => setColor(null)} />
          No colour
        </label>
      </fieldset>
      <FieldError id={errorId} error={error} />
    </form>
  );
}

export function DeleteForm({ name, info, tags, formId, change, onDone }: FormProps) {
  const { error, submit } = useSubmit(change, onDone);
  const errorId = useId();
  return (
    <form id={formId} className="tag-form" onSubmit={submit(() => client.tags.delete({ name }))}>
      <p className="tag-impact">
        Delete “{name}”? This removes it from {plural(info?.count ?? 0, 'article')}. The articles stay; Undo brings the tag back.
      </p>
      <ChildrenNote names={childrenOf(name, tags)}>{(list) => `Tags under it are kept (${list}).`}</ChildrenNote>
      <FieldError id={errorId} error={error} />
    </form>
  );
}
