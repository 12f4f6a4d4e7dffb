/** Types for testSummary.mjs (plain JavaScript: scripts/test.mjs runs before any build). */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  notes: string[];
}
export function vitestCounts(report: unknown): Counts;
export function playwrightCounts(report: unknown): Counts;
export function stageCounts(stage: { status: number | 'not-run'; report: unknown; count?: (report: unknown) => Counts; why?: string }): Counts;
export function summaryLine(all: Counts[]): string;
