import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload.cjs). */
  preload: string;
  bounds: { x?: number; y?: number; width: number; height: number };
  /** Paints before the renderer does, so a dark-mode start does not flash white. */
  backgroundColor: string;
  /** DevTools only in development builds. */
  dev: boolean;
}

/**
 * The window's options, as a pure function so a test can assert them. Every security
 * preference is spelled out even where it is Electron's default: a default that changes
 * (or a copy-pasted override) must not silently weaken the window.
 */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: 720,
    minHeight: 480,
    title: 'Gleaner',
    show: false, // shown on ready-to-show, so the first paint is the app, not a blank frame
    backgroundColor: input.backgroundColor,
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      enableWebSQL: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries from Google on Windows and Linux: an
      // offline library makes no network requests the person did not ask for.
      spellcheck: false,
      // Middle-click would open links in new windows, around the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      devTools: input.dev,
    },
  };
}
