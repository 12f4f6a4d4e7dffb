/** What the desktop shell's preload adds next to `window.gleaner`; absent in browser mode. */
type ShellCommand =
  | { type: 'open-folder' | 'export' | 'toggle-theme' | 'toggle-sidebar' | 'show-shortcuts' | 'find' }
  | { type: 'import-folder'; path: string; grant: string };

/** A path the person chose: `path` to show, `grant` to pass where the contract takes a path (electron/shell/pathGrants.ts). */
interface PathGrant {
  path: string;
  grant: string;
}

interface GleanerShell {
  /** Shows the native folder picker; resolves to the chosen folder, or null when cancelled. */
  pickFolder?: () => Promise<PathGrant | null>;
  /** The system save dialog (exports), opening in Documents; the chosen path, or null when cancelled. */
  pickSaveFile?: (options?: { title?: string; defaultName?: string; filters?: { name: string; extensions: string[] }[] }) => Promise<PathGrant | null>;
  /** A folder dropped on the window, or null when it is not a folder. */
  grantDropped?: (file: File) => Promise<PathGrant | null>;
  /** Menu items, a second launch and dropped folders arrive here; returns an unsubscribe. */
  onCommand?: (listener: (command: ShellCommand) => void) => () => void;
}

interface Window {
  gleanerShell?: GleanerShell;
}
