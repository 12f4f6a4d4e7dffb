/**
 * What some suites need from outside the repository: the shared real-world corpora and
 * epubcheck. A newcomer's clone has neither, so those suites skip (announced once, in
 * tests/globalSetup.ts, and counted as skipped); CI sets GLEANER_REQUIRE_CORPORA=1 and
 * GLEANER_REQUIRE_EPUBCHECK=1 so that there they fail with the same message instead.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, realpathSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { describe, it } from 'vitest';

export interface Requirement {
  /** Short name for messages: "the shared corpora". */
  what: string;
  /** The variable that turns a missing requirement from a skip into a failure. */
  requireVar: string;
  /** Where it was found, or null. */
  locate(): string | null;
  /** One line: what is missing and how to get it. */
  missing(): string;
}

const repoRoot = resolve(__dirname, '../..');

export const CORPORA: Requirement = {
  what: 'the shared corpora',
  requireVar: 'GLEANER_REQUIRE_CORPORA',
  locate() {
    const dir = process.env.GLEANER_CORPORA ?? resolve(repoRoot, '../shared/corpora');
    return existsSync(join(dir, 'README.md')) ? dir : null;
  },
  missing() {
    const dir = process.env.GLEANER_CORPORA ?? resolve(repoRoot, '../shared/corpora');
    return `the shared corpora are missing at ${dir}: put the project's shared/ folder beside the repository, or set GLEANER_CORPORA to its corpora/ folder`;
  },
};

/** epubcheck as a command to run: `[program, ...leadingArgs]`. Debian installs a bare jar. */
export function epubcheckCommand(): string[] | null {
  const explicit = process.env.EPUBCHECK;
  const candidates = explicit
    ? [explicit]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, 'epubcheck'));
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    if (!real.endsWith('.jar') && !isZip(real)) return [candidate];
    if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0) return ['java', '-jar', real];
  }
  return null;
}

/** Debian's /usr/bin/epubcheck is a jar without the extension: a zip file (starts with "PK"). */
function isZip(file: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, 2, 0) === 2 && head.toString('latin1') === 'PK';
  } finally {
    closeSync(fd);
  }
}

export const EPUBCHECK: Requirement = {
  what: 'epubcheck',
  requireVar: 'GLEANER_REQUIRE_EPUBCHECK',
  locate() {
    return epubcheckCommand()?.join(' ') ?? null;
  },
  missing() {
    return 'epubcheck is not installed (with Java): `apt-get install epubcheck` on Debian/Ubuntu, `brew install epubcheck` on macOS, or set EPUBCHECK to its path';
  },
};

const required = (r: Requirement): boolean => ['1', 'true', 'yes'].includes((process.env[r.requireVar] ?? '').toLowerCase());

/**
 * `describe` for a suite that needs something from outside the repository. Present: an
 * ordinary suite. Missing: skipped (its tests count as skipped), or, when the requirement's
 * variable is set, one failing test that says what is missing.
 */
export function describeNeeding(requirements: Requirement[], name: string, body: () => void): void {
  const absent = requirements.filter((r) => r.locate() === null);
  if (absent.length === 0) return void describe(name, body);
  const reasons = absent.map((r) => r.missing()).join('; ');
  if (absent.some(required)) {
    return void describe(name, () => {
      it(`needs ${absent.map((r) => r.what).join(' and ')}`, () => {
        throw new Error(
          `${reasons} (${absent
            .filter(required)
            .map((r) => r.requireVar)
            .join(', ')}=1 makes this a failure)`,
        );
      });
    });
  }
  describe.skip(`${name} (skipped: needs ${absent.map((r) => r.what).join(' and ')})`, body);
}

/** The corpora folder; call only inside a `describeNeeding([CORPORA], …)` suite. */
export function corporaDir(): string {
  const dir = CORPORA.locate();
  if (dir === null) throw new Error(CORPORA.missing());
  return dir;
}

/** `it` for one test that needs something from outside the repository; see describeNeeding. */
export function itNeeding(requirements: Requirement[], name: string, body: () => unknown | Promise<unknown>, timeout?: number): void {
  const absent = requirements.filter((r) => r.locate() === null);
  if (absent.length === 0) return void it(name, body, timeout);
  const reasons = absent.map((r) => r.missing()).join('; ');
  if (absent.some(required)) {
    return void it(name, () => {
      throw new Error(
        `${reasons} (${absent
          .filter(required)
          .map((r) => r.requireVar)
          .join(', ')}=1 makes this a failure)`,
      );
    });
  }
  it.skip(`${name} (skipped: needs ${absent.map((r) => r.what).join(' and ')})`, body);
}
