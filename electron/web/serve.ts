import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLibraryService } from '../library/service.js';
import { startWebHost } from './server.js';

export interface ServeOptions {
  dbPath: string;
  port: number;
  open: boolean;
  workerDir?: string;
  /** Follow imported folders' changes (default on; `--no-watch` turns it off). */
  watch?: boolean;
  /** Where the line with the URL goes (stdout for the CLI). */
  log?: (line: string) => void;
  /** Opens an address in the browser (the system's default browser; tests catch it). */
  openBrowser?: (url: string) => void;
  /** Stops serving when it settles (tests); otherwise Ctrl+C or SIGTERM does, and the process then exits. */
  until?: Promise<void>;
}

/** `gleaner serve`: the library in a browser tab, until Ctrl+C. */
export async function serve(options: ServeOptions): Promise<void> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const workerDir = options.workerDir ?? null;
  const root = join(workerDir ?? 'out', '..');
  const samples = join(root, 'samples', 'articles');
  const service = createLibraryService({
    dbPath: options.dbPath,
    workerDir,
    samplesDir: existsSync(samples) ? samples : null,
    watch: options.watch ?? true,
    watchDelayMs: 3000,
  });
  const staticDir = join(workerDir ?? 'out', 'renderer');
  const host = await startWebHost({ service, staticDir, port: options.port || undefined });
  log(`Gleaner is serving ${options.dbPath}`);
  log(`Open ${host.url}`);
  // The browser's command line is readable by every user of this computer: it gets a
  // one-time code, which the page trades for the token (shared/session.ts).
  if (options.open) (options.openBrowser ?? openInBrowser)(host.codeUrl());
  if (options.until) await options.until;
  else {
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    // Shutting down must not wait on a watcher still walking a large tree.
    setTimeout(() => process.exit(0), 3000).unref();
  }
  await host.close();
  await service.closeAsync();
}

/** Hands the URL to the system's default browser; failure only means the person opens it by hand. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => {});
  child.unref();
}
