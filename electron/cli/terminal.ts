/**
 * Article data (titles, paths, sources, reasons) comes from files anyone could have written.
 * Printed raw, an ESC or OSC sequence would drive the person's terminal (retitle it, move the
 * cursor, hide text), a newline would forge a line of output, and a bidi override would
 * reverse what a path appears to say. Human output shows such characters as visible escapes;
 * `--json` output stays exact.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, and bidi embeddings, overrides, isolates and marks. */
const UNSAFE = new RegExp('[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]', 'g');
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One field of article data, safe to print on one line of a terminal. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
