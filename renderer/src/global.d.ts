/** What the desktop shell's preload adds next to `window.gleaner`; absent in browser mode. */
type ShellCommand =
  | { type: 'open-folder' | 'export' | 'toggle-theme' | 'toggle-sidebar' | 'show-shortcuts' | 'find' }
  | { type: 'import-folder'; path: string };

interface GleanerShell {
  /** Shows the native folder picker; resolves to the chosen path, or null when cancelled. */
  pickFolder?: () => Promise<string | null>;
  /** The system save dialog (exports), opening in Documents; the chosen path, or null when cancelled. */
  pickSaveFile?: (options?: { title?: string; defaultName?: string; filters?: { name: string; extensions: string[] }[] }) => Promise<string | null>;
  /** The file-system path of a dropped file or folder (Electron's webUtils), or null. */
  pathForFile?: (file: File) => string | null;
  /** Menu items, a second launch and dropped folders arrive here; returns an unsubscribe. */
  onCommand?: (listener: (command: ShellCommand) => void) => () => void;
}

interface Window {
  gleanerShell?: GleanerShell;
}
