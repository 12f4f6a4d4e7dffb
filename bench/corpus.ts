/**
 * A deterministic seed-like corpus: TOML `+++` front matter like
 * shared/samples/seed-article.txt and 1-8 KB HTML bodies, in dated folders
 * (`content/YYYYMM/ID-slug.html`), laid out as a Hugo site so `hugo list all`
 * parses the very same files for comparison. `.html` because Hugo only reads content
 * files with its own extensions: a folder of `.txt` files is, to Hugo, empty.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = `the of and to in a is that for on with as by at from it an be this are was will has its which have
government public sector services company market technology new data report growth industry partnership
investors announced million percent year quarter energy health research development global customers
platform financial results shares products strategy digital security network innovation officials policy`.split(/\s+/);

export const SOURCES = [
  'InvestorBrandNetwork (IBN)',
  'NewsRamp Wire',
  'Business Daily',
  'Tech Herald',
  'Policy Review',
  'Green Energy Times',
  'Health Matters',
  'Capital Markets Journal',
  'Regional Gazette',
  'Science Digest',
  'Open Data Weekly',
  'Civic Tribune',
];

/** The corpus files' extension: a Hugo content type the importer reads as HTML. */
export const ARTICLE_EXTENSION = '.html';

/** Words that occur in about 0.1% of articles: the "rare word" benchmark query. */
export const RARE_WORD = 'quasarfield';

function syntheticVocabulary(random: () => number, size: number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ten', 'ver', 'sa', 'ro', 'qui', 'del', 'an', 'por', 'zu', 'fi', 'nex', 'tor', 'ba'];
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
    words.add(w);
  }
  return [...words];
}

function sentence(random: () => number, vocab: string[]): string {
  const len = 8 + Math.floor(random() * 18);
  const words: string[] = [];
  for (let i = 0; i < len; i++) {
    // Zipf-ish: common English words most of the time, then a skewed synthetic vocabulary.
    words.push(random() < 0.55 ? COMMON[Math.floor(random() * COMMON.length)]! : vocab[Math.floor(vocab.length * random() ** 2.5)]!);
  }
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function article(i: number, random: () => number, vocab: string[]): { dir: string; name: string; text: string } {
  const start = Date.UTC(2019, 0, 1);
  const date = new Date(start + Math.floor(random() * (Date.UTC(2025, 11, 31) - start)));
  const title = sentence(random, vocab).slice(0, 90).replace(/\.$/, '');
  const id = 100000 + i;
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/-+$/, '');
  const ym = date.toISOString().slice(0, 7).replace('-', '');
  const target = 1024 + Math.floor(random() * 7 * 1024);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < target) {
    let p = `<p>${Array.from({ length: 2 + Math.floor(random() * 4) }, () => sentence(random, vocab)).join(' ')}</p>`;
    if (random() < 0.08) p = p.replace('<p>', `<p>A <a href="https://example.com/${id}" rel="nofollow">link</a> and `);
    if (random() < 0.001) p = p.replace('</p>', ` ${RARE_WORD}</p>`);
    paragraphs.push(p);
    size += p.length;
  }
  const summary = sentence(random, vocab);
  const source = SOURCES[Math.floor(random() ** 1.5 * SOURCES.length)]!;
  const text = `+++
title = ${JSON.stringify(title)}
date = "${date.toISOString().slice(0, 19)}Z"
draft = ${random() < 0.02}
summary = ${JSON.stringify(summary)}
description = ${JSON.stringify(sentence(random, vocab))}
source_link = "https://rss.example.com/${ym}/${id}-${slug}/"
enclosure = ${random() < 0.7 ? `"https://cdn.example.com/images/${id}.png"` : '""'}
article_id = ${id}
feed_item_id = ${20000 + i}
url = "/${ym}/${id}-${slug}"
qrcode = "https://cdn.example.com/qrcode/${id}.webp"
source = ${JSON.stringify(source)}
+++

${paragraphs.join('')}`;
  return { dir: ym, name: `${id}-${slug || 'article'}${ARTICLE_EXTENSION}`, text };
}

/** Writes `count` articles under `root/content` (once; reused when already there with the same layout). */
export function generateCorpus(root: string, count: number): { contentDir: string; bytes: number } {
  const contentDir = join(root, 'content');
  const marker = join(root, '.complete');
  if (existsSync(marker)) {
    const made = JSON.parse(readFileSync(marker, 'utf8')) as { bytes: number; extension?: string };
    if (made.extension === ARTICLE_EXTENSION) return { contentDir, bytes: Number(made.bytes) };
    rmSync(root, { recursive: true, force: true }); // an older layout (`.txt` files)
  }
  mkdirSync(contentDir, { recursive: true });
  writeFileSync(join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "bench"\n');
  const random = rng(20250729);
  const vocab = syntheticVocabulary(random, 20000);
  const made = new Set<string>();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const a = article(i, random, vocab);
    const dir = join(contentDir, a.dir);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(join(dir, a.name), a.text);
    bytes += Buffer.byteLength(a.text);
  }
  writeFileSync(marker, JSON.stringify({ count, bytes, extension: ARTICLE_EXTENSION }));
  return { contentDir, bytes };
}
