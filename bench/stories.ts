/**
 * What grouping stories costs at import, and what one-per-story costs a query.
 *
 *   esbuild bench/stories.ts --bundle --platform=node --external:better-sqlite3 --outfile=out/benchStories.cjs
 *   node out/benchStories.cjs [--count 20000] [--dir .bench/stories] [--runs 2]
 *
 * The bench corpus plus syndicated copies of one article in twenty (each with its own
 * dateline and footer, a sentence dropped), imported inline into fresh libraries with
 * grouping off and on, alternating; then p50/p95 of list queries with onePerStory. Inline
 * means the sketches are made on the writer's thread: the import's real cost, with a parse
 * worker, is measured by `npm run bench` ("grouping stories").
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.js';
import { openLibrary } from '../electron/library/db/connection.js';
import { importFolders } from '../electron/library/import/importer.js';
import { search } from '../electron/library/query/search.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    dir: { type: 'string', default: '.bench/stories' },
    runs: { type: 'string', default: '2' },
  },
});
const count = Number(values.count);
const root = resolve(values.dir!, String(count));
const { contentDir } = generateCorpus(join(root, 'corpus'), count);

/** One copy per 20 articles, in a folder of its own, written once. */
function addCopies(): string {
  const out = join(root, 'copies');
  if (existsSync(join(out, '.done'))) return out;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let n = 0;
  for (const month of readdirSync(contentDir).sort()) {
    for (const name of readdirSync(join(contentDir, month)).sort()) {
      if (n++ % 20 !== 0) continue;
      const text = readFileSync(join(contentDir, month, name), 'utf8');
      const outlet = `Outlet ${n % 7}`;
      const copy = text
        .replace(/^source = .*$/m, `source = "${outlet}"`)
        .replace(/^article_id = .*$/m, '')
        .replace(/^url = .*$/m, '')
        .replace(/^title = "/m, 'title = "PRESS RELEASE: ')
        .replace(/<p>/, `<p>NEW YORK — (${outlet}) —</p><p>`)
        .replace(/\. [^.<]+\./, '.')
        .concat(`<p>About ${outlet}: ${outlet} republishes business news for readers everywhere, every day of the week.</p>`);
      writeFileSync(join(out, `copy-${n}.html`), copy);
    }
  }
  writeFileSync(join(out, '.done'), '');
  return out;
}
const copiesDir = addCopies();

async function importOnce(stories: boolean): Promise<number> {
  const dbPath = join(root, `lib-${stories ? 'on' : 'off'}.db`);
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
  const db = openLibrary(dbPath);
  const started = performance.now();
  await importFolders(db, [contentDir, copiesDir], { stories });
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const off: number[] = [];
const on: number[] = [];
for (let run = 0; run < Number(values.runs); run++) {
  // Alternate which goes first, so a load spike does not land on one side only.
  if (run % 2 === 0) {
    off.push(await importOnce(false));
    on.push(await importOnce(true));
  } else {
    on.push(await importOnce(true));
    off.push(await importOnce(false));
  }
  console.log(
    `run ${run + 1}: off ${off.at(-1)!.toFixed(1)} s, on ${on.at(-1)!.toFixed(1)} s, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
const added = (median(on) / median(off) - 1) * 100;
console.log(`import of ${count} + copies: without grouping ${median(off).toFixed(1)} s, with ${median(on).toFixed(1)} s (+${added.toFixed(1)} %)`);

const db = openLibrary(join(root, 'lib-on.db'));
const stories = db.prepare('SELECT count(DISTINCT story_id) FROM articles WHERE story_id IS NOT NULL').pluck().get() as number;
console.log(`stories found: ${stories}`);
for (const query of ['', 'is:copy', '-is:copy', 'source:"Outlet 3"', 'after:2023', 'press']) {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    search(db, { query, onePerStory: true, facets: i % 2 === 0 });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`onePerStory "${query}": p50 ${times[15]!.toFixed(1)} ms, p95 ${times[28]!.toFixed(1)} ms (facets on every other run)`);
}
db.close();
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
