/** What the desktop shell may add next to the preload's `window.gleaner` (later work); optional everywhere. */
interface GleanerShell {
  /** Shows the native folder picker; resolves to the chosen path, or null when cancelled. */
  pickFolder?: () => Promise<string | null>;
}

interface Window {
  gleanerShell?: GleanerShell;
}
