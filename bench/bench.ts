/**
 * `npm run bench`: import and query figures on a generated seed-like corpus.
 *
 *   node out/bench.cjs [--count 100000] [--dir .bench] [--runs 3] [--workers N] [--no-hugo]
 *
 * Each import runs in a fresh child process so its peak RSS is its own. Times are
 * medians over --runs; query latencies are p50/p95 over many warm runs plus one cold
 * run after reopening the database.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, RARE_WORD } from './corpus.js';
import { runQueries } from './queries.js';
import { runCuration } from './curation.js';
import { benchExports } from '../electron/library/export/benchExports.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    dir: { type: 'string', default: '.bench' },
    runs: { type: 'string', default: '3' },
    workers: { type: 'string' },
    'no-hugo': { type: 'boolean', default: false },
    phase: { type: 'string' },
    db: { type: 'string' },
    content: { type: 'string' },
  },
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface ImportFigures {
  seconds: number;
  peakRssMb: number;
  added: number;
  unchanged: number;
  failed: number;
}

/** Child-process phase: one import the way the CLI and the app run it, printing its figures. */
async function importPhase(): Promise<void> {
  const { runImportWorker } = await import('../electron/library/importJobs.js');
  const { openLibrary } = await import('../electron/library/db/connection.js');
  const workers = Number(values.workers ?? 1);
  openLibrary(values.db!).close();
  const started = performance.now();
  const run = runImportWorker(
    { script: join(__dirname, 'importWorker.cjs'), dbPath: values.db!, folders: [values.content!], workerDir: __dirname, parseWorkers: workers },
    () => {},
  );
  const report = await run.done;
  const seconds = (performance.now() - started) / 1000;
  const figures: ImportFigures = {
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    added: report.added,
    unchanged: report.unchanged,
    failed: report.failed,
  };
  process.stdout.write(JSON.stringify(figures));
}

function runImport(dbPath: string, contentDir: string): ImportFigures {
  const args = [__filename, '--phase', 'import', '--db', dbPath, '--content', contentDir];
  if (values.workers) args.push('--workers', values.workers);
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out) as ImportFigures;
}

function hugoSeconds(siteDir: string): number | null {
  if (values['no-hugo'] || spawnSync('hugo', ['version']).status !== 0) return null;
  const started = performance.now();
  const result = spawnSync('hugo', ['list', 'all', '-s', siteDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  return result.status === 0 ? (performance.now() - started) / 1000 : null;
}

async function main(): Promise<void> {
  if (values.phase === 'import') return importPhase();
  const count = Number(values.count);
  const runs = Number(values.runs);
  const root = resolve(values.dir!, `corpus-${count}`);
  console.error(`bench: corpus of ${count} articles in ${root} (generated once, then reused)`);
  const { contentDir, bytes } = generateCorpus(root, count);
  const dbPath = resolve(values.dir!, `bench-${count}.db`);

  const fresh: ImportFigures[] = [];
  const hugo: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
    const h = hugoSeconds(root);
    if (h !== null) hugo.push(h);
    fresh.push(runImport(dbPath, contentDir));
    console.error(`bench: import run ${run + 1}/${runs}: ${fresh.at(-1)!.seconds.toFixed(2)} s` + (h !== null ? `, hugo list all ${h.toFixed(2)} s` : ''));
  }
  const again: ImportFigures[] = [];
  for (let run = 0; run < runs; run++) again.push(runImport(dbPath, contentDir));
  const dbBytes = statSync(dbPath).size + (existsSync(dbPath + '-wal') ? statSync(dbPath + '-wal').size : 0);
  const queries = await runQueries(dbPath, RARE_WORD);
  const curation = await runCuration(dbPath);
  const exportDir = resolve(values.dir!, 'exports');
  rmSync(exportDir, { recursive: true, force: true });
  mkdirSync(exportDir, { recursive: true });
  const exports = await benchExports(dbPath, exportDir, Math.min(10_000, count));
  rmSync(exportDir, { recursive: true, force: true });

  const importSeconds = median(fresh.map((f) => f.seconds));
  const figures = {
    machine: `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}`,
    corpus: { articles: count, megabytes: +(bytes / 1e6).toFixed(1) },
    import: {
      medianSeconds: +importSeconds.toFixed(2),
      articlesPerSecond: Math.round(count / importSeconds),
      peakRssMb: Math.round(median(fresh.map((f) => f.peakRssMb))),
      failed: fresh[0]!.failed,
      hugoListAllSeconds: hugo.length ? +median(hugo).toFixed(2) : null,
    },
    reimportUnchanged: { medianSeconds: +median(again.map((f) => f.seconds)).toFixed(2), unchanged: again[0]!.unchanged },
    database: { megabytes: +(dbBytes / 1e6).toFixed(1), ratioToCorpus: +(dbBytes / bytes).toFixed(2) },
    queries,
    curation,
    exports,
  };
  printTable(figures);
  console.log(JSON.stringify(figures, null, 2));
}

function printTable(f: Record<string, unknown> & { queries: Record<string, { p50: number; p95: number; cold: number; total: number }> }): void {
  const i = f.import as { medianSeconds: number; articlesPerSecond: number; peakRssMb: number; hugoListAllSeconds: number | null };
  const r = f.reimportUnchanged as { medianSeconds: number };
  const d = f.database as { megabytes: number; ratioToCorpus: number };
  const c = f.corpus as { articles: number; megabytes: number };
  const rows: [string, string][] = [
    ['machine', String(f.machine)],
    ['corpus', `${c.articles} articles, ${c.megabytes} MB`],
    ['import (median)', `${i.medianSeconds} s, ${i.articlesPerSecond} articles/s`],
    ['hugo list all (median)', i.hugoListAllSeconds === null ? 'hugo not installed' : `${i.hugoListAllSeconds} s`],
    ['peak RSS during import', `${i.peakRssMb} MB`],
    ['unchanged re-import', `${r.medianSeconds} s`],
    ['database size', `${d.megabytes} MB (${d.ratioToCorpus}x corpus)`],
  ];
  for (const [name, q] of Object.entries(f.queries)) rows.push([name, `p50 ${q.p50} ms, p95 ${q.p95} ms, cold ${q.cold} ms (${q.total} hits)`]);
  const cur = f.curation as Record<string, number>;
  rows.push([`tag ${cur.matching} matching articles`, `${cur.tagMs} ms (undo ${cur.undoMs}, redo ${cur.redoMs}, star ${cur.starMs})`]);
  rows.push(['tag rename / merge', `${cur.renameMs} ms / ${cur.mergeMs} ms`]);
  rows.push(['sidebar counts (counts, tags, saved, collections)', `${cur.sidebarCountsMs} ms`]);
  for (const e of f.exports as { format: string; seconds: number; articles: number; peakRssDeltaMb: number }[]) rows.push([`export ${e.format} (${e.articles})`, `${e.seconds} s, RSS +${e.peakRssDeltaMb} MB`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
