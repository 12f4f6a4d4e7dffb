import { ServiceError } from '../errors.js';

export const MAX_NAME_LENGTH = 100;

/**
 * Validates a tag, collection or saved-search name and returns it trimmed.
 * Names are what people see in the sidebar and type after `tag:`, so they must be
 * printable, bounded, and (for tags) well-formed hierarchies like `policy/uk`.
 */
export function checkName(kind: NameKind, raw: string): string {
  const checked = normalizeName(kind, raw);
  if ('problem' in checked) throw new ServiceError('bad-request', checked.problem);
  return checked.name;
}

type NameKind = 'tag' | 'collection' | 'saved search' | 'source label';

/** The same rules without throwing: the importer turns a problem into a warning. */
export function normalizeName(kind: NameKind, raw: string): { name: string } | { problem: string } {
  const name = raw.normalize('NFC').trim();
  if (name === '') return { problem: `A ${kind} name cannot be empty` };
  if (name.length > MAX_NAME_LENGTH) {
    return { problem: `A ${kind} name can have at most ${MAX_NAME_LENGTH} characters (this one has ${name.length})` };
  }
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name)) {
    return { problem: `A ${kind} name cannot contain control characters or line breaks` };
  }
  if (kind === 'tag' && name.split('/').some((part) => part.trim() === '')) {
    return { problem: `"${name}" is not a tag name: each part between / must have a name, as in policy/uk` };
  }
  return {
    name:
      kind === 'tag'
        ? name
            .split('/')
            .map((p) => p.trim())
            .join('/')
        : name,
  };
}

/** `#rgb` or `#rrggbb`, or null to clear. */
export function checkColor(raw: string | null): string | null {
  if (raw === null) return null;
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(raw)) throw new ServiceError('bad-request', `"${raw}" is not a colour: use #rgb or #rrggbb`);
  return raw.toLowerCase();
}
