import { join } from 'node:path';
import { runCli, type CliIo } from '../../electron/cli/main.js';
import { writeTree } from './articles.js';
import { tempDir } from './tmp.js';

/** Runs the CLI in-process and captures what it prints. */
export function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith({}, ...argv);
}

/** `cli` with more of the process wired in, e.g. the built worker bundles (`workerDir`). */
export async function cliWith(io: Partial<CliIo>, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), tty: false, ...io });
  return { code, stdout, stderr };
}

/** A fresh library (temporary database) with these files (relative path → content) imported by the CLI from a temporary folder. */
export async function cliLibrary(files: Record<string, string>): Promise<{ db: string; folder: string }> {
  const folder = tempDir();
  writeTree(folder, files);
  const db = join(tempDir(), 'lib.db');
  const { code, stderr } = await cli('import', folder, '--db', db);
  if (code !== 0) throw new Error(`import of the test library failed: ${stderr}`);
  return { db, folder };
}
