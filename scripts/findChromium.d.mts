/** Types for findChromium.mjs (plain JavaScript so uiBench.mjs and the Playwright config share it). */
export function locateChromium(env?: NodeJS.ProcessEnv): { path: string; how: string } | null;
export function findChromium(env?: NodeJS.ProcessEnv): string;
export function chromiumArgs(env?: NodeJS.ProcessEnv): string[];
export const WHAT_TO_INSTALL: string;
