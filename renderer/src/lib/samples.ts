import { client } from '../transport';

/**
 * Where the bundled sample articles are, when the service says. The contract
 * has no such call yet (electron/main.ts already knows the folder and plans
 * `library.samplesFolder()`); until it exists this resolves to null and the
 * empty library simply does not offer samples.
 */
export async function samplesFolder(): Promise<string | null> {
  const library = client.library as unknown as Record<string, ((args: Record<string, never>) => Promise<unknown>) | undefined>;
  const call = library.samplesFolder;
  if (typeof call !== 'function') return null;
  try {
    const value = await call({});
    // Accept either a bare path or `{ path }`, whichever shape the call settles on.
    if (typeof value === 'string') return value || null;
    if (value && typeof value === 'object' && typeof (value as { path?: unknown }).path === 'string') return (value as { path: string }).path || null;
    return null;
  } catch {
    return null;
  }
}
