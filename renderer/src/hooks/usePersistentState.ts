import { useCallback, useState } from 'react';
import { readStored, writeStored } from '../lib/storage';

/** useState that survives a restart (localStorage), with a validator so a stale or hand-edited value falls back to the default. */
export function usePersistentState<T>(key: string, fallback: T, valid: (value: unknown) => value is T): [T, (next: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => readStored(key, fallback, valid));
  const set = useCallback(
    (next: T | ((prev: T) => T)) => {
      setValue((prev) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        writeStored(key, resolved);
        return resolved;
      });
    },
    [key],
  );
  return [value, set];
}
