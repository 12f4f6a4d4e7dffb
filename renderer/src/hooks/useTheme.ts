import { useEffect, useSyncExternalStore } from 'react';
import { readStored } from '../lib/storage';
import { usePersistentState } from './usePersistentState';

export type ThemeChoice = 'system' | 'light' | 'dark';
const isChoice = (v: unknown): v is ThemeChoice => v === 'system' || v === 'light' || v === 'dark';
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

function resolve(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

function apply(theme: 'light' | 'dark'): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

/** Called before React renders so the first paint already has the right colours. */
export function applyInitialTheme(): void {
  apply(resolve(readStored('theme', 'system', isChoice), media().matches));
}

function subscribe(onChange: () => void): () => void {
  const m = media();
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
}

/** The theme follows the system until the person picks one; the pick is remembered. */
export function useTheme(): { choice: ThemeChoice; theme: 'light' | 'dark'; setChoice: (c: ThemeChoice) => void } {
  const [choice, setChoice] = usePersistentState<ThemeChoice>('theme', 'system', isChoice);
  const systemDark = useSyncExternalStore(subscribe, () => media().matches);
  const theme = resolve(choice, systemDark);
  useEffect(() => apply(theme), [theme]);
  return { choice, theme, setChoice };
}
