/**
 * Author names from front matter, as real sites write them. Pure: values in, names out.
 *
 * Shapes seen in the shared corpora and common generators: a string (`author: Ryan Dahl`), a
 * list (`authors = ["Niko Matsakis"]`), objects with a `name` (Hugo, JSON Feed), and strings
 * that join several people: `A and B`, `A, B, and C`, `A & B`, Markdown links with the
 * person's organisation (`[Name](https://…) (Org), [Other](…) (Org)`), handles in brackets
 * (`Minwoo Jung (@jmwsoft)`), e-mail addresses (`Name <a@b.c>`) and `X on behalf of Y`.
 */

/** Longest name kept; longer values are prose, not a byline. */
const MAX_NAME = 120;
/** Most names kept per article, so a pasted paragraph cannot flood the Authors facet. */
const MAX_AUTHORS = 50;

const LINK = /\[([^\]]*)\]\([^)]*\)/g;
// Parentheses hold organisations and handles: `(Grafana Labs)`, `(@jmwsoft)`, `(OpenTelemetry, Datadog)`.
const PARENS = /\s*\([^()]*\)/g;
const EMAIL = /\s*<[^<>]*@[^<>]*>/g;
// Two placeholders next to each other (`[A](…) (Org) [B](…)`) are two people.
const PLACEHOLDER = /\u0000(\d+)\u0000/g;

/** One link's text as a name: its organisation dropped, and `Name, Org` kept to the name. */
function linkName(textInLink: string): string {
  return textInLink.replace(PARENS, '').split(',')[0]!;
}

/** Cleans one person's name, or returns null when nothing name-like is left. */
function cleanName(raw: string): string | null {
  let name = raw
    .replace(/\s+on behalf of\b.*$/i, '')
    .replace(/^\s*(?:and|&)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
    .replace(/^@(?=\S)/, '')
    .trim();
  if (name === '' || !/\p{L}|\p{N}/u.test(name)) return null;
  if (name.length > MAX_NAME) name = name.slice(0, MAX_NAME).trimEnd();
  return name;
}

/** Splits one byline string into names. */
export function splitByline(byline: string): string[] {
  const links: string[] = [];
  let text = byline.replace(LINK, (_all, inner: string) => `\u0000${links.push(linkName(inner)) - 1}\u0000`);
  text = text.replace(PARENS, ' ').replace(EMAIL, '');
  const names: string[] = [];
  for (const part of text.split(/\s*(?:[,;\n]|\s&\s|\sand\s|\s\+\s)\s*/i)) {
    const linked = [...part.matchAll(PLACEHOLDER)];
    if (linked.length > 1) {
      for (const m of linked) names.push(links[Number(m[1])]!);
      continue;
    }
    names.push(part.replace(PLACEHOLDER, (_all, i: string) => links[Number(i)]!));
  }
  return names.map(cleanName).filter((n): n is string => n !== null);
}

/** Names from one front-matter value: a string, a number, an object with `name`, or a list of them. */
function namesOf(value: unknown, depth: number): string[] {
  if (value === null || value === undefined || depth > 3) return [];
  if (typeof value === 'string') return splitByline(value);
  if (typeof value === 'number' || typeof value === 'bigint') return splitByline(String(value));
  if (Array.isArray(value)) return value.flatMap((v) => namesOf(v, depth + 1));
  if (typeof value === 'object' && !(value instanceof Date)) {
    const obj = value as Record<string, unknown>;
    const key = Object.keys(obj).find((k) => ['name', 'fullname', 'display_name', 'displayname'].includes(k.toLowerCase()));
    return key === undefined ? [] : namesOf(obj[key], depth + 1);
  }
  return [];
}

/**
 * The authors named by the given front-matter values (`author`, `authors`, `byline`,
 * `creator`, in that order), in the file's order, de-duplicated ignoring case (first
 * spelling kept).
 */
export function parseAuthors(values: unknown[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of values.flatMap((v) => namesOf(v, 0))) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
    if (out.length === MAX_AUTHORS) break;
  }
  return out;
}
