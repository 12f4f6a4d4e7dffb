import { client } from '../transport';

/** Where the bundled sample articles are, or null (not shipped, or a service that cannot say). */
export async function samplesFolder(): Promise<string | null> {
  try {
    return (await client.library.samplesFolder({})) || null;
  } catch {
    return null;
  }
}
