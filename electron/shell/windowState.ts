import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false };
const MIN = { width: 720, height: 480 };

const stored = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
  maximized: z.boolean().optional(),
});

/** The saved state, or the default one when there is none or it is damaged. */
export function readWindowState(file: string): WindowState {
  try {
    const parsed = stored.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) return DEFAULT_WINDOW_STATE;
    const { maximized = false, ...bounds } = parsed.data;
    return { bounds, maximized };
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/**
 * Fits a saved state to today's screens: a window saved on a monitor that is no longer
 * attached (or a resolution that shrank) would open off-screen, out of reach. The size
 * is clamped to the largest work area; the position is kept only if enough of the
 * title bar lands on some screen, else the window is centred by the OS.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const maxWidth = Math.max(...workAreas.map((a) => a.width));
  const maxHeight = Math.max(...workAreas.map((a) => a.height));
  const width = Math.max(MIN.width, Math.min(state.bounds.width, maxWidth));
  const height = Math.max(MIN.height, Math.min(state.bounds.height, maxHeight));
  const { x, y } = state.bounds;
  if (x === undefined || y === undefined) return { ...state, bounds: { width, height } };
  const titleBar: Rect = { x, y, width, height: 40 };
  const visible = workAreas.some((a) => overlap(titleBar, a) >= Math.min(200, width) * 30);
  return { ...state, bounds: visible ? { x, y, width, height } : { width, height } };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Writes atomically (temp file, rename): a crash mid-write never leaves half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  const { bounds, maximized } = state;
  const body = JSON.stringify({ ...roundRect(bounds), maximized }, null, 2);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, body);
  renameSync(temp, file);
}

function roundRect(bounds: WindowState['bounds']): WindowState['bounds'] {
  const r = (n: number | undefined) => (n === undefined ? undefined : Math.round(n));
  return { x: r(bounds.x), y: r(bounds.y), width: r(bounds.width)!, height: r(bounds.height)! };
}

/** The slice of BrowserWindow the tracker uses. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

/**
 * Remembers the window's size and place: saved a moment after the last move or resize
 * and when the window closes. The unmaximized bounds are kept, so un-maximizing after
 * the next start returns to where the person had it.
 */
export function trackWindowState(window: TrackedWindow, file: string, write = writeWindowState): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    if (window.isDestroyed()) return;
    try {
      write(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // A read-only profile folder: the window just opens at the default size next time.
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
}
