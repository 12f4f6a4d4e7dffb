/** What the Electron preload exposes (electron/preload.ts); both are absent in browser mode. */
interface Window {
  /** The transport to the service: `call` and `on` (shared/client.ts). */
  gleaner?: import('../../shared/client.js').Transport;
  /** The desktop shell's extras (shared/shell.ts). */
  gleanerShell?: import('../../shared/shell.js').GleanerShell;
}
