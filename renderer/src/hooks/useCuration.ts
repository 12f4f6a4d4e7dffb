import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeResult } from '../../../shared/types.js';
import { client } from '../transport';

export const TOAST_MS = 5000;

export interface Toast {
  /** Bumps with every message so a repeated label still restarts the timer. */
  key: number;
  text: string;
  /** Changes offer Undo; undo and redo messages do not. */
  undoable: boolean;
}

export interface Curation {
  toast: Toast | null;
  dismiss: () => void;
  /** Runs a change and shows its label; returns the error message for people, or null. */
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  undo: () => void;
  redo: () => void;
  /** A message without Undo (a refused action, a hint). */
  say: (text: string) => void;
}

/** Curation changes, undo and redo, each confirmed by a short toast. */
export function useCuration(): Curation {
  const [toast, setToast] = useState<Toast | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);

  const show = useCallback((text: string, undoable: boolean) => {
    window.clearTimeout(timer.current);
    seq.current += 1;
    setToast({ key: seq.current, text, undoable });
    timer.current = window.setTimeout(() => setToast(null), TOAST_MS);
  }, []);
  const dismiss = useCallback(() => {
    window.clearTimeout(timer.current);
    setToast(null);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const change = useCallback(
    async (run: () => Promise<ChangeResult>) => {
      try {
        const result = await run();
        if (result.changed > 0 || result.label) show(result.label, true);
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
    [show],
  );
  const undo = useCallback(() => {
    client.history.undo({}).then(
      ({ undone }) => show(undone ? `Undid: ${undone}` : 'Nothing to undo', false),
      (error: Error) => show(error.message, false),
    );
  }, [show]);
  const redo = useCallback(() => {
    client.history.redo({}).then(
      ({ redone }) => show(redone ? `Redid: ${redone}` : 'Nothing to redo', false),
      (error: Error) => show(error.message, false),
    );
  }, [show]);

  const say = useCallback((text: string) => show(text, false), [show]);
  return { toast, dismiss, change, undo, redo, say };
}
