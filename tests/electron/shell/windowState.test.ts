import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  readWindowState,
  trackWindowState,
  writeWindowState,
  type WindowState,
} from '../../../electron/shell/windowState.js';
import { tempDir } from '../../helpers/tmp.js';

const SCREEN = { x: 0, y: 0, width: 1920, height: 1050 };

describe('window state', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('round-trips through its JSON file', () => {
    const file = join(tempDir(), 'nested', 'window-state.json');
    writeWindowState(file, { bounds: { x: 100.4, y: 50, width: 1000, height: 700 }, maximized: true });
    expect(readWindowState(file)).toEqual({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true });
  });

  it('falls back to the default for a missing or damaged file', () => {
    const dir = tempDir();
    expect(readWindowState(join(dir, 'none.json'))).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'bad.json'), '{"width": "wide"');
    expect(readWindowState(join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'odd.json'), JSON.stringify({ width: -5, height: 1e9 }));
    expect(readWindowState(join(dir, 'odd.json'))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a place that is on screen', () => {
    const state: WindowState = { bounds: { x: 200, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(fitToDisplays(state, [SCREEN])).toEqual(state);
  });

  it('drops a place on a monitor that is gone, and shrinks to the screen', () => {
    const state: WindowState = { bounds: { x: 2500, y: 100, width: 2400, height: 1400 }, maximized: false };
    expect(fitToDisplays(state, [SCREEN])).toEqual({ bounds: { width: 1920, height: 1050 }, maximized: false });
    const titleBarAbove: WindowState = { bounds: { x: 100, y: -600, width: 800, height: 600 }, maximized: false };
    expect(fitToDisplays(titleBarAbove, [SCREEN]).bounds.x).toBeUndefined();
    const onSecond = { bounds: { x: 2000, y: 50, width: 800, height: 600 }, maximized: false };
    expect(fitToDisplays(onSecond, [SCREEN, { x: 1920, y: 0, width: 1280, height: 1024 }]).bounds.x).toBe(2000);
  });

  it('saves after moves and resizes settle, and on close', () => {
    vi.useFakeTimers();
    const window = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 1, y: 2, width: 900, height: 700 }),
      isMaximized: () => false,
      isDestroyed: () => false,
    });
    const write = vi.fn();
    trackWindowState(window, '/state.json', write);
    window.emit('resize');
    window.emit('move');
    window.emit('resize');
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith('/state.json', { bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: false });
    window.emit('close');
    expect(write).toHaveBeenCalledTimes(2);
  });
});
