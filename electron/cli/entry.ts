/** Bundle entry for bin/gleaner.cjs: wires the real process to runCli. */
import { serve } from '../web/serve.js';
import { runCli } from './main.js';

export function main(argv: string[], workerDir: string): Promise<number> {
  return runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    tty: process.stderr.isTTY === true,
    workerDir,
    serve,
  });
}
