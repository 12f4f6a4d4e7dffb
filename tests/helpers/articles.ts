import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SeedLike {
  title: string;
  date?: string;
  source?: string;
  articleId?: number | string;
  url?: string;
  draft?: boolean;
  tags?: string[];
  body?: string;
}

/** A seed-like article file: TOML front matter between +++ lines and an HTML body. */
export function seedLike(a: SeedLike): string {
  const lines = [`title = ${JSON.stringify(a.title)}`];
  if (a.date) lines.push(`date = "${a.date}"`);
  if (a.draft !== undefined) lines.push(`draft = ${a.draft}`);
  if (a.source) lines.push(`source = ${JSON.stringify(a.source)}`);
  if (a.articleId !== undefined) lines.push(`article_id = ${a.articleId}`);
  if (a.url) lines.push(`url = ${JSON.stringify(a.url)}`);
  if (a.tags) lines.push(`tags = [${a.tags.map((t) => JSON.stringify(t)).join(', ')}]`);
  return `+++\n${lines.join('\n')}\n+++\n\n${a.body ?? `<p>Body of ${a.title}.</p>`}\n`;
}

/** Writes files (relative path → content) under root, creating folders. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
}
