/**
 * localStorage with a namespace and no surprises: a full quota, a private window
 * or a value an older version wrote must never break the app, so every failure
 * falls back to the default.
 */
const PREFIX = 'gleaner.';

export function readStored<T>(key: string, fallback: T, valid: (value: unknown) => value is T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: the setting lasts for this session only.
  }
}
