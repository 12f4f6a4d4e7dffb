import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerParseStage } from '../../../../electron/library/import/parseStage.js';
import type { ScannedFile } from '../../../../electron/library/import/scan.js';
import { tempDir } from '../../../helpers/tmp.js';

/** A stand-in parse worker speaking the same protocol, which dies on any file named crash*. */
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, files }) => {
  if (files.some((f) => f.relPath.startsWith('crash'))) process.exit(3);
  parentPort.postMessage({ id, parsed: files.map((file) => ({ file, result: { ok: false, reason: 'parsed by fake ' + file.relPath } })) });
});`;

const file = (relPath: string): ScannedFile => ({ absPath: `/nowhere/${relPath}`, relPath, size: 1, mtimeMs: 1, dev: 1, ino: 1 });

describe('workerParseStage', () => {
  it('survives a worker that dies: only the file that kills it fails, the rest are parsed', async () => {
    const script = join(tempDir(), 'fake-worker.cjs');
    writeFileSync(script, FAKE_WORKER);
    const stage = workerParseStage(script, 1, 1024);
    try {
      const [first, second] = await Promise.all([stage.parse([file('a.md'), file('crash.md'), file('b.md')]), stage.parse([file('c.md')])]);
      expect(first.map((p) => [p.file.relPath, p.result.ok ? 'ok' : p.result.reason])).toEqual([
        ['a.md', 'parsed by fake a.md'],
        ['crash.md', expect.stringMatching(/^could not be parsed: .*code 3/)],
        ['b.md', 'parsed by fake b.md'],
      ]);
      expect(second.map((p) => p.file.relPath)).toEqual(['c.md']);
      // The replaced worker keeps serving.
      expect((await stage.parse([file('d.md')]))[0]!.result).toEqual({ ok: false, reason: 'parsed by fake d.md' });
    } finally {
      await stage.close();
    }
  });
});
