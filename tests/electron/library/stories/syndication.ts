import type { SeedLike } from '../../../helpers/articles.js';

/**
 * A deterministic test set of syndicated stories: each story goes out once and is
 * republished 1-5 times by other outlets with their own header, footer and title style,
 * small edits and a later date; among them templated release notes (same wording, other
 * facts) and unrelated articles from the same outlets.
 */
export interface Syndicated {
  files: Record<string, SeedLike>;
  /** File name → the story it belongs to (null: it belongs to no story). */
  storyOf: Record<string, number | null>;
}

/** Mulberry32: a small seeded generator, so every run builds the same set. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vel', 'nor', 'pi', 'dan', 'qu', 'ex', 'bra', 'tor', 'lin', 'gem', 'os', 'har', 'ful', 'zin'];
const COMMON = ['the', 'a', 'of', 'and', 'to', 'in', 'for', 'with', 'on', 'said', 'its', 'new', 'will', 'has', 'by', 'from'];
const OUTLETS = ['Daily Ledger', 'Metro Wire', 'Valley Times', 'Harbor Post', 'Tech Dispatch', 'Market Herald', 'City Courier', 'North Star News'];
const CITIES = ['NEW YORK', 'LONDON', 'AUSTIN', 'BERLIN', 'TORONTO', 'SYDNEY'];

export function syndicatedSet(seed = 17): Syndicated {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const vocabulary = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(SYLLABLES)).join(''));
  const word = () => (rnd() < 0.3 ? pick(COMMON) : pick(vocabulary));
  const sentence = (n = 12 + Math.floor(rnd() * 10)) => {
    const words = Array.from({ length: n }, word);
    return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => sentence());
  const titleCase = (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

  // Each outlet's own boilerplate: the same words on every article it publishes.
  const outletFooter = new Map(
    OUTLETS.map((o) => [o, [`About ${o}: ${sentence(18)} ${sentence(14)}`, `Disclaimer: ${sentence(20)} ${sentence(16)}`]]),
  );
  const outletHeader = (o: string) => `${pick(CITIES)} — (${o}) —`;

  const files: Record<string, SeedLike> = {};
  const storyOf: Record<string, number | null> = {};
  const render = (paras: string[][], outlet: string, inlineHeader: boolean) => {
    const texts = paras.map((p) => p.join(' '));
    const header = outletHeader(outlet);
    const body = inlineHeader ? [`${header} ${texts[0]}`, ...texts.slice(1)] : [header, ...texts];
    return [...body, ...outletFooter.get(outlet)!].map((t) => `<p>${t}</p>`).join('\n');
  };
  const day = (base: number, plus: number) => new Date(Date.UTC(2025, 0, 1) + (base + plus) * 86_400_000).toISOString();

  let fileNo = 0;
  const add = (a: SeedLike, story: number | null) => {
    const name = `a${String(fileNo++).padStart(4, '0')}.html`;
    files[name] = a;
    storyOf[name] = story;
  };

  for (let story = 0; story < 40; story++) {
    const paras = Array.from({ length: 4 + Math.floor(rnd() * 5) }, paragraph);
    const title = sentence(7).slice(0, -1);
    const base = story * 3;
    const outlets = [...OUTLETS].sort(() => rnd() - 0.5).slice(0, 2 + Math.floor(rnd() * 5));
    outlets.forEach((outlet, copy) => {
      let edited = paras.map((p) => [...p]);
      if (copy > 0) {
        // A sentence trimmed, a word changed, sometimes the last paragraph dropped.
        const p = edited[Math.floor(rnd() * edited.length)]!;
        if (p.length > 1) p.splice(Math.floor(rnd() * p.length), 1);
        const q = edited[Math.floor(rnd() * edited.length)]!;
        const s = Math.floor(rnd() * q.length);
        q[s] = q[s]!.replace(/ (\p{L}+) /u, ` ${pick(vocabulary)} `);
        if (rnd() < 0.5 && edited.length > 3) edited = edited.slice(0, -1);
      }
      const styled = copy === 0 ? title : pick([`PRESS RELEASE: ${title}`, `${title} | ${outlet}`, titleCase(title)]);
      add(
        { title: styled, date: day(base, copy === 0 ? 0 : 1 + Math.floor(rnd() * 2)), source: outlet, body: render(edited, outlet, rnd() < 0.5) },
        story,
      );
    });
  }

  // Release notes from one template: the same sentences, other facts.
  for (let n = 0; n < 30; n++) {
    const product = pick(['Orbit', 'Lumen', 'Quill']);
    const version = `${1 + Math.floor(rnd() * 9)}.${Math.floor(rnd() * 20)}.${Math.floor(rnd() * 10)}`;
    const f = () => pick(vocabulary);
    const paras = [
      [
        `${product} ${version} is now available for download from ${f()} and ${f()} mirrors.`,
        `This release fixes ${3 + n} issues reported by ${f()} users and improves ${f()} support.`,
      ],
      [
        `The ${f()} module now handles ${f()} files up to ${n + 2} gigabytes.`,
        `Startup on ${f()} systems is ${10 + n} percent faster than in ${product} ${version.split('.')[0]}.0.`,
      ],
      [`Known issues: ${f()} may fail when ${f()} is enabled; a fix is planned for the ${f()} release.`],
      [`Upgrade notes: back up your ${f()} settings before upgrading from a ${f()} build.`],
    ];
    const outlet = pick(OUTLETS.slice(4));
    add({ title: `${product} ${version} released`, date: day(n, 0), source: outlet, body: render(paras, outlet, false) }, null);
  }

  // Unrelated articles from the same outlets.
  for (let n = 0; n < 60; n++) {
    const outlet = pick(OUTLETS);
    const paras = Array.from({ length: 2 + Math.floor(rnd() * 5) }, paragraph);
    add({ title: sentence(6).slice(0, -1), date: day(Math.floor(rnd() * 120), 0), source: outlet, body: render(paras, outlet, rnd() < 0.5) }, null);
  }
  return { files, storyOf };
}
