/** Article files written straight to disk for the specs: generated libraries and files that arrive later. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One small Markdown article with YAML front matter. */
export function noteFile(title: string, source: string, body: string, day = 1): string {
  return `---\ntitle: ${title}\ndate: 2024-01-${String((day % 28) + 1).padStart(2, '0')}\nsource: ${source}\n---\n\n${body}\n`;
}

/**
 * `count` tiny articles in folders of 100 (`batch-N/<n>.md`), made quickly: a library large
 * enough for limits and long imports without the cost of realistic bodies.
 */
export function writeNotes(folder: string, count: number, sourceOf: (n: number) => string = () => 'Bulk Wire'): void {
  for (let n = 0; n < count; n++) {
    const dir = join(folder, `batch-${Math.floor(n / 100)}`);
    if (n % 100 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${n}.md`), noteFile(`Bulk note ${n}`, sourceOf(n), `Note number ${n} about tidal energy.`, n));
  }
}
