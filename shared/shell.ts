/**
 * The desktop shell's IPC channels and commands, beside the contract's `domain:method`
 * ones. In shared/ so that the main process, the preload and the renderer name them once.
 */
export const SHELL_CHANNELS = {
  /** invoke → PathGrant | null: the system folder picker, one folder. */
  pickFolder: 'shell:pickFolder',
  /** invoke → PathGrant[]: the system folder picker, several folders. */
  pickFolders: 'shell:pickFolders',
  /** invoke(options) → PathGrant | null: the system save dialog (for exports). */
  pickSaveFile: 'shell:pickSaveFile',
  /** invoke(path) → PathGrant | null: a folder dropped on the window (the preload reads its path from the dropped File). */
  grantDropped: 'shell:grantDropped',
  /** invoke(url) → boolean: hands an http(s)/mailto URL to the system; false if refused. */
  openExternal: 'shell:openExternal',
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
 * `imports.start` (`folders`) or `exports.start` (`out`) over IPC, which takes nothing else.
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
