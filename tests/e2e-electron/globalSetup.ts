import { findElectronBinary, MISSING_BINARY } from './electronBinary';

/** Says up front, in the test output, whether the desktop smoke test can run at all. */
export default function globalSetup(): void {
  const binary = findElectronBinary();
  process.stdout.write(binary ? `e2e-electron: running against ${binary}\n` : `e2e-electron: ${MISSING_BINARY}\n`);
}
