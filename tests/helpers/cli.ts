import { join } from 'node:path';
import { runCli } from '../../electron/cli/main.js';
import { writeTree } from './articles.js';
import { tempDir } from './tmp.js';

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), tty: false });
  return { code, stdout, stderr };
}

/** A fresh library (temporary database) with these files (relative path → content) imported by the CLI; returns the database path. */
export async function cliLibrary(files: Record<string, string>): Promise<string> {
  const folder = tempDir();
  writeTree(folder, files);
  const db = join(tempDir(), 'lib.db');
  const { code, stderr } = await cli('import', folder, '--db', db);
  if (code !== 0) throw new Error(`import of the test library failed: ${stderr}`);
  return db;
}
