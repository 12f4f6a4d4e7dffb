import { usePersistentState } from '../../hooks/usePersistentState';

export interface ReaderSettings {
  fontSize: number;
  width: number;
}

export const FONT_SIZES = [14, 15, 16, 17, 18, 20, 22, 24] as const;
export const WIDTHS = [
  { label: 'Narrow', ch: 56 },
  { label: 'Medium', ch: 68 },
  { label: 'Wide', ch: 84 },
  { label: 'Full', ch: 200 },
] as const;

const valid = (v: unknown): v is ReaderSettings =>
  typeof v === 'object' && v !== null && typeof (v as ReaderSettings).fontSize === 'number' && typeof (v as ReaderSettings).width === 'number';

/** Reading font size and line length, remembered across restarts. */
export function useReaderSettings(): [ReaderSettings, (s: ReaderSettings) => void] {
  return usePersistentState<ReaderSettings>('reader', { fontSize: 17, width: 68 }, valid);
}
