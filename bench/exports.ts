/**
 * Export speed and memory, for `npm run bench`: exports the first `count` articles of a
 * library to every format, one after another, and reports each one's time and how far the
 * process's resident memory rose above where it started (sampled every 10 ms).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary } from '../electron/library/db/connection.js';
import { firstIds } from '../electron/library/db/queries/articleIds.js';
import { exportArticles } from '../electron/library/export/exportArticles.js';
import { FORMATS } from '../electron/library/export/formats/index.js';
import { EXPORT_FORMATS, type ExportFormat } from '../shared/types.js';

export interface ExportBenchFigure {
  format: ExportFormat;
  articles: number;
  seconds: number;
  megabytes: number;
  /** Highest resident set size seen during the export minus the size just before it. */
  peakRssDeltaMb: number;
  warnings: number;
}

const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;

/**
 * Exports the first `count` articles (by id) of the library at `dbPath` into `outDir`
 * (`export-<format><ext>`: two formats may share an extension), replacing earlier bench output, and returns one figure
 * per format. Opens the library read-only: a benchmark never changes it.
 */
export async function benchExports(dbPath: string, outDir: string, count = 10_000): Promise<ExportBenchFigure[]> {
  const db = openLibrary(dbPath, { readonly: true });
  const figures: ExportBenchFigure[] = [];
  try {
    const ids = firstIds(db, count);
    for (const format of EXPORT_FORMATS) {
      const out = join(outDir, `export-${format}${FORMATS[format].descriptor.extension}`);
      rmSync(out, { recursive: true, force: true });
      (globalThis as { gc?: () => void }).gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      const started = performance.now();
      try {
        const report = await exportArticles(db, { ids, format, out }, { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
        figures.push({
          format,
          articles: report.articles,
          seconds: Math.round((performance.now() - started) / 10) / 100,
          megabytes: mb(report.bytes),
          peakRssDeltaMb: mb(Math.max(peak, process.memoryUsage().rss) - before),
          warnings: report.warnings.length,
        });
      } finally {
        clearInterval(sample);
      }
    }
  } finally {
    db.close();
  }
  return figures;
}
