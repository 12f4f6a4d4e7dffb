/**
 * `npm run bench`: import and query figures on a generated seed-like corpus.
 *
 *   node out/bench.cjs [--count 100000] [--dir .bench] [--runs 3] [--workers N] [--no-hugo] [--no-cold] [--no-grouping] [--keep]
 *   node out/bench.cjs --phase highlights --db .bench/bench-10000.db   (the highlights section alone)
 *
 * Each import runs in a fresh child process so its peak RSS is its own. Import and
 * `hugo list all` run on the same files in the same run, in turn (which goes first
 * alternates between runs), with the file cache dropped (cold; needs root) and filled
 * (warm) before each step. Times are medians over --runs, printed with the load average;
 * query latencies are p50/p95 over many warm runs plus one cold run after reopening the
 * database. The watcher is measured last, in a process of its own (bench/watch.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, RARE_WORD } from './corpus.js';
import { canDropCaches, hugoInstalled, hugoListAll, load, prepareCache, type CacheState } from './compare.js';
import { watchPhase, type WatchFigures } from './watch.js';
import { runQueries } from './queries.js';
import { runSettled } from './settled.js';
import { runCuration } from './curation.js';
import { runHighlights } from './highlights.js';
import { benchExports } from './exports.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    dir: { type: 'string', default: '.bench' },
    runs: { type: 'string', default: '3' },
    workers: { type: 'string' },
    'no-hugo': { type: 'boolean', default: false },
    'no-cold': { type: 'boolean', default: false },
    // Skips the grouping off/on pairs: 2 x runs more imports, an hour's work at 1,000,000 articles.
    'no-grouping': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    phase: { type: 'string' },
    db: { type: 'string' },
    content: { type: 'string' },
    stories: { type: 'string', default: 'on' },
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
  const { runImportWorker } = await import('../electron/library/import/importJobs.js');
  const { openLibrary } = await import('../electron/library/db/connection.js');
  const workers = Number(values.workers ?? 1);
  openLibrary(values.db!).close();
  const started = performance.now();
  const run = runImportWorker(
    {
      script: join(__dirname, 'importWorker.cjs'),
      dbPath: values.db!,
      folders: [values.content!],
      workerDir: __dirname,
      parseWorkers: workers,
      stories: values.stories !== 'off',
    },
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

function runImport(dbPath: string, contentDir: string, stories = true): ImportFigures {
  const args = [__filename, '--phase', 'import', '--db', dbPath, '--content', contentDir, '--stories', stories ? 'on' : 'off'];
  if (values.workers) args.push('--workers', values.workers);
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out) as ImportFigures;
}

function runWatch(dbPath: string, contentDir: string): WatchFigures {
  const out = execFileSync(process.execPath, [__filename, '--phase', 'watch', '--db', dbPath, '--content', contentDir], { encoding: 'utf8' });
  return JSON.parse(out) as WatchFigures;
}

interface Step {
  cache: CacheState;
  hugoFirst: boolean;
  load: number;
  import: ImportFigures;
  hugo: { seconds: number; lines: number } | null;
}

/** One run: import and hugo in the given order, each after bringing the cache to `cache`. */
function compareStep(
  cache: CacheState,
  hugoFirst: boolean,
  root: string,
  contentDir: string,
  dbPath: string,
  count: number,
  withHugo: boolean,
): Step {
  const loadBefore = load();
  let hugo: Step['hugo'] = null;
  let imported: ImportFigures | null = null;
  const steps = withHugo ? (hugoFirst ? ['hugo', 'import'] : ['import', 'hugo']) : ['import'];
  for (const step of steps) {
    prepareCache(cache, root);
    if (step === 'hugo') hugo = hugoListAll(root, count);
    else {
      for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
      imported = runImport(dbPath, contentDir);
    }
  }
  return { cache, hugoFirst, load: +((loadBefore + load()) / 2).toFixed(2), import: imported!, hugo };
}

/**
 * What grouping stories adds to an import: the same import with grouping off and on,
 * alternating which goes first, warm cache, in a library of its own.
 */
function groupingCost(runs: number, root: string, contentDir: string, dbPath: string) {
  const off: ImportFigures[] = [];
  const on: ImportFigures[] = [];
  const loads: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const stories of run % 2 === 0 ? [false, true] : [true, false]) {
      prepareCache('warm', root);
      for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
      loads.push(load());
      const figures = runImport(dbPath, contentDir, stories);
      (stories ? on : off).push(figures);
      console.error(
        `bench: grouping ${stories ? 'on' : 'off'}, run ${run + 1}/${runs}: import ${figures.seconds.toFixed(2)} s, peak RSS ${Math.round(figures.peakRssMb)} MB`,
      );
    }
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const offSeconds = median(off.map((f) => f.seconds));
  const onSeconds = median(on.map((f) => f.seconds));
  return {
    runs,
    offMedianSeconds: +offSeconds.toFixed(2),
    onMedianSeconds: +onSeconds.toFixed(2),
    addedPercent: +((onSeconds / offSeconds - 1) * 100).toFixed(1),
    peakRssMb: { off: Math.round(median(off.map((f) => f.peakRssMb))), on: Math.round(median(on.map((f) => f.peakRssMb))) },
    medianLoad: median(loads),
  };
}

/**
 * Above 100,000 articles the corpus and database take gigabytes (1M: about 5 GB of files
 * plus the database), so they go once measured unless `--keep`; smaller ones stay for reuse
 * (and for uiBench, which opens `.bench/bench-100000.db`).
 */
function removeLargeRun(root: string, dbPath: string, count: number): void {
  if (count <= 100_000 || values.keep) return;
  for (const path of [root, dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-watch`]) rmSync(path, { recursive: true, force: true });
  console.error(`bench: removed ${root} and ${dbPath} (--keep keeps them)`);
}

async function main(): Promise<void> {
  if (values.phase === 'import') return importPhase();
  if (values.phase === 'highlights') {
    // Only the highlights section, on an existing bench library (--db).
    console.log(JSON.stringify({ load: load(), highlights: await runHighlights(values.db!) }, null, 2));
    return;
  }
  if (values.phase === 'watch') {
    // Exit once measured: a process that lingered after closing its watcher (seen once, under
    // heavy load) must not stall the whole bench.
    process.stdout.write(JSON.stringify(await watchPhase(values.db!, values.content!)), () => process.exit(0));
    return;
  }
  const count = Number(values.count);
  const runs = Number(values.runs);
  const root = resolve(values.dir!, `corpus-${count}`);
  console.error(`bench: corpus of ${count} articles in ${root} (generated once, then reused)`);
  const { contentDir, bytes } = generateCorpus(root, count);
  const dbPath = resolve(values.dir!, `bench-${count}.db`);

  const withHugo = !values['no-hugo'] && hugoInstalled();
  const caches: CacheState[] = !values['no-cold'] && canDropCaches() ? ['cold', 'warm'] : ['warm'];
  const loadAtStart = load();
  const steps: Step[] = [];
  for (let run = 0; run < runs; run++) {
    for (const cache of caches) {
      const step = compareStep(cache, run % 2 === 0, root, contentDir, dbPath, count, withHugo);
      steps.push(step);
      const hugoText = step.hugo ? `, hugo list all ${step.hugo.seconds.toFixed(2)} s (${step.hugo.lines} lines = ${count} articles + header)` : '';
      console.error(
        `bench: run ${run + 1}/${runs}, ${cache} cache, ${step.hugoFirst && withHugo ? 'hugo' : 'import'} first: import ${step.import.seconds.toFixed(2)} s` +
          `${hugoText}, load ${step.load}`,
      );
    }
  }
  const fresh = steps.map((s) => s.import);
  const grouping = values['no-grouping'] ? null : groupingCost(runs, root, contentDir, resolve(values.dir!, `bench-${count}-grouping.db`));
  const again: ImportFigures[] = [];
  for (let run = 0; run < runs; run++) again.push(runImport(dbPath, contentDir));
  const dbBytes = statSync(dbPath).size + (existsSync(dbPath + '-wal') ? statSync(dbPath + '-wal').size : 0);
  const queries = await runQueries(dbPath, RARE_WORD);
  const settled = await runSettled(dbPath);
  const curation = await runCuration(dbPath);
  const highlights = await runHighlights(dbPath);
  const exportDir = resolve(values.dir!, 'exports');
  rmSync(exportDir, { recursive: true, force: true });
  mkdirSync(exportDir, { recursive: true });
  const exports = await benchExports(dbPath, exportDir, Math.min(10_000, count));
  rmSync(exportDir, { recursive: true, force: true });

  const watch = runWatch(dbPath, contentDir);
  const byCache = (cache: CacheState) => {
    const mine = steps.filter((s) => s.cache === cache);
    if (mine.length === 0) return null;
    const seconds = median(mine.map((s) => s.import.seconds));
    const hugoSeconds = mine.every((s) => s.hugo) ? median(mine.map((s) => s.hugo!.seconds)) : null;
    return {
      importMedianSeconds: +seconds.toFixed(2),
      articlesPerSecond: Math.round(count / seconds),
      hugoListAllMedianSeconds: hugoSeconds === null ? null : +hugoSeconds.toFixed(2),
      ratioToHugo: hugoSeconds === null ? null : +(seconds / hugoSeconds).toFixed(2),
      medianLoad: median(mine.map((s) => s.load)),
    };
  };
  const figures = {
    machine: `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}`,
    corpus: { articles: count, megabytes: +(bytes / 1e6).toFixed(1) },
    load: { atStart: loadAtStart, atEnd: load() },
    import: {
      runs,
      hugoLines: steps[0]?.hugo?.lines ?? null,
      cold: byCache('cold'),
      warm: byCache('warm'),
      peakRssMb: Math.round(median(fresh.map((f) => f.peakRssMb))),
      failed: fresh[0]!.failed,
    },
    grouping,
    reimportUnchanged: { medianSeconds: +median(again.map((f) => f.seconds)).toFixed(2), unchanged: again[0]!.unchanged },
    database: { megabytes: +(dbBytes / 1e6).toFixed(1), ratioToCorpus: +(dbBytes / bytes).toFixed(2) },
    queries,
    settled,
    curation,
    highlights,
    exports,
    watch,
  };
  printTable(figures);
  removeLargeRun(root, dbPath, count);
  console.log(JSON.stringify(figures, null, 2));
}

function printTable(f: Record<string, unknown> & { queries: Record<string, { p50: number; p95: number; cold: number; total: number }> }): void {
  type ByCache = {
    importMedianSeconds: number;
    articlesPerSecond: number;
    hugoListAllMedianSeconds: number | null;
    ratioToHugo: number | null;
    medianLoad: number;
  } | null;
  const i = f.import as { runs: number; hugoLines: number | null; cold: ByCache; warm: ByCache; peakRssMb: number };
  const r = f.reimportUnchanged as { medianSeconds: number };
  const d = f.database as { megabytes: number; ratioToCorpus: number };
  const c = f.corpus as { articles: number; megabytes: number };
  const l = f.load as { atStart: number; atEnd: number };
  const w = f.watch as WatchFigures;
  const rows: [string, string][] = [
    ['machine', String(f.machine)],
    ['corpus', `${c.articles} articles, ${c.megabytes} MB`],
    ['load average (1 min)', `${l.atStart} at start, ${l.atEnd} at end`],
  ];
  for (const cache of ['cold', 'warm'] as const) {
    const b = i[cache];
    if (!b) {
      rows.push([`import, ${cache} cache`, cache === 'cold' ? 'not measured (dropping the cache needs root; or --no-cold)' : 'not measured']);
      continue;
    }
    rows.push([
      `import, ${cache} cache (median of ${i.runs})`,
      `${b.importMedianSeconds} s, ${b.articlesPerSecond} articles/s, load ${b.medianLoad}`,
    ]);
    rows.push([
      `hugo list all, ${cache} cache`,
      b.hugoListAllMedianSeconds === null
        ? 'hugo not run or did not finish (see above)'
        : `${b.hugoListAllMedianSeconds} s (${i.hugoLines} lines) → import is ${b.ratioToHugo}x hugo`,
    ]);
  }
  const g = f.grouping as ReturnType<typeof groupingCost> | null;
  rows.push(
    ['peak RSS during import', `${i.peakRssMb} MB`],
    g
      ? [
          `grouping stories (median of ${g.runs}, warm)`,
          `import ${g.offMedianSeconds} s off, ${g.onMedianSeconds} s on → +${g.addedPercent} %; peak RSS ${g.peakRssMb.off} / ${g.peakRssMb.on} MB; load ${g.medianLoad}`,
        ]
      : ['grouping stories', 'not measured (--no-grouping)'],
    ['unchanged re-import', `${r.medianSeconds} s`],
    ['database size', `${d.megabytes} MB (${d.ratioToCorpus}x corpus)`],
    [
      'watch: subscribe',
      `${w.subscribeSeconds} s, RSS +${w.rssGrowthMb} MB (peak +${w.peakRssGrowthMb} MB), CPU ${w.cpuSeconds} s, load ${w.loadAtStart}`,
    ],
    ['watch: new file to searchable', `${w.newFileSearchableSeconds} s (median of 3)`],
    ['watch: change to searchable', `${w.changeSearchableSeconds} s (median of 3; ${w.changeFilesImported} files imported for 3 edits)`],
    ['watch: restart, nothing changed', `${w.restartCatchUpSeconds} s, ${w.restartReimports} reimports (snapshot)`],
    ['watch: restart after an edit', `${w.restartEditSearchableSeconds} s to searchable, ${w.restartEditFilesImported} files imported`],
  );
  for (const [name, q] of Object.entries(f.queries)) rows.push([name, `p50 ${q.p50} ms, p95 ${q.p95} ms, cold ${q.cold} ms (${q.total} hits)`]);
  const { requests, ...settled } = f.settled as Awaited<ReturnType<typeof runSettled>>;
  rows.push(['settled search: requests', `${requests.before} before, ${requests.now} now (3 parent tags on screen)`]);
  for (const [name, q] of Object.entries(settled) as [string, { p50: number; p95: number }][]) rows.push([name, `p50 ${q.p50} ms, p95 ${q.p95} ms`]);
  const cur = f.curation as Record<string, number>;
  rows.push([`tag ${cur.matching} matching articles`, `${cur.tagMs} ms (undo ${cur.undoMs}, redo ${cur.redoMs}, star ${cur.starMs})`]);
  rows.push(['tag rename / merge', `${cur.renameMs} ms / ${cur.mergeMs} ms`]);
  rows.push(['sidebar counts (counts, tags, saved, collections)', `${cur.sidebarCountsMs} ms`]);
  const h = f.highlights as Awaited<ReturnType<typeof runHighlights>>;
  rows.push([
    `open article with 200 highlights (${h.articleChars} chars)`,
    `${h.openWith200Ms} ms (preview + forArticle; placing them ${h.place200Ms} ms)`,
  ]);
  rows.push([
    `list ${h.highlights} highlights (100 + total)`,
    `${h.list100Ms} ms (highlight:note ${h.listHighlightQueryMs} ms, has:highlights ${h.searchHasHighlightsMs} ms)`,
  ]);
  for (const e of f.exports as { format: string; seconds: number; articles: number; peakRssDeltaMb: number }[])
    rows.push([`export ${e.format} (${e.articles})`, `${e.seconds} s, RSS +${e.peakRssDeltaMb} MB`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
