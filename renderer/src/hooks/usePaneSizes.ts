import { usePersistentState } from './usePersistentState';

export interface PaneSizes {
  sidebar: number;
  list: number;
}

export const PANE_LIMITS = {
  sidebar: { min: 160, max: 420, default: 232 },
  list: { min: 280, max: 720, default: 400 },
} as const;

const valid = (v: unknown): v is PaneSizes =>
  typeof v === 'object' && v !== null && typeof (v as PaneSizes).sidebar === 'number' && typeof (v as PaneSizes).list === 'number';

export const clampPane = (pane: keyof PaneSizes, px: number): number =>
  Math.round(Math.min(PANE_LIMITS[pane].max, Math.max(PANE_LIMITS[pane].min, px)));

/** Widths of the sidebar and the list, in pixels; the reading pane takes the rest. Remembered across restarts. */
export function usePaneSizes(): [PaneSizes, (pane: keyof PaneSizes, px: number) => void] {
  const [sizes, setSizes] = usePersistentState<PaneSizes>('layout', { sidebar: PANE_LIMITS.sidebar.default, list: PANE_LIMITS.list.default }, valid);
  const setPane = (pane: keyof PaneSizes, px: number) => setSizes((s) => ({ ...s, [pane]: clampPane(pane, px) }));
  return [sizes, setPane];
}
