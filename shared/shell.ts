/**
 * The desktop shell's extras beside the contract (`window.gleanerShell`): what the preload
 * implements (`satisfies GleanerShell`), what the renderer may use, and the IPC channels
 * the main process answers (electron/shell/shellIpc.ts). Declared once, here.
 */
export const SHELL_CHANNELS = {
  /** invoke → PathGrant | null: the system folder picker. */
  pickFolder: 'shell:pickFolder',
  /** invoke(options) → PathGrant | null: the system save dialog (for exports). */
  pickSaveFile: 'shell:pickSaveFile',
  /** invoke(path) → PathGrant | null: a folder dropped on the window (the preload reads its path from the dropped File). */
  grantDropped: 'shell:grantDropped',
  /** send: the page listens for commands now; queued ones are delivered. */
  ready: 'shell:ready',
  /** main → page: a ShellCommand. */
  command: 'shell:command',
} as const;

/** Menu actions the page carries out (the main process cannot: the state is the page's). */
export const MENU_COMMANDS = ['open-folder', 'export', 'toggle-theme', 'toggle-sidebar', 'show-shortcuts', 'find'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type ShellCommand =
  | { type: MenuCommand }
  /** A folder given on the command line, by a second launch, or dropped on the dock icon: import it. */
  | ({ type: 'import-folder' } & PathGrant);

/**
 * A path the person chose, as the page holds it: `path` to show, `grant` to pass to
 * `imports.start` (`folders`) or `exports.start` (`out`) over IPC, which takes nothing else
 * (electron/shell/pathGrants.ts).
 */
export interface PathGrant {
  path: string;
  grant: string;
}

export interface SaveFileOptions {
  title?: string;
  /** A file name (no folders); the dialog opens in Documents. */
  defaultName?: string;
  filters?: { name: string; extensions: string[] }[];
}

/**
 * What the desktop preload exposes as `window.gleanerShell`; absent in browser mode. Links
 * need nothing here: the page opens them with `window.open`, and the main process hands
 * web and mail links to the system browser (electron/shell/navigation.ts).
 */
export interface GleanerShell {
  /** The system folder picker; the chosen folder, or null when cancelled. */
  pickFolder(): Promise<PathGrant | null>;
  /** The system save dialog (exports), opening in Documents; the chosen path, or null when cancelled. */
  pickSaveFile(options?: SaveFileOptions): Promise<PathGrant | null>;
  /** A folder dropped on the window; null when it is not a folder on disk. */
  grantDropped(file: File): Promise<PathGrant | null>;
  /** Menu items, a second launch and dropped folders arrive here (queued ones too); returns an unsubscribe. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
}
