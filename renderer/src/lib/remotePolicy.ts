import { client } from '../transport';

/**
 * "Always load remote images from this source" (and taking it back): one
 * remembered choice per source, kept by the service, which then serves that
 * source's previews with remote images allowed.
 */
export const remotePolicy = {
  async setForSource(source: string, allowed: boolean): Promise<void> {
    await client.articles.setRemoteImagesForSource({ source, allowed });
  },
};
