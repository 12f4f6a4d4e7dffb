/**
 * Builds the renderer's client object from the contract: one method per channel,
 * each a call through a transport (Electron IPC or HTTP) that returns an envelope.
 * The preload and the HTTP client both use this, so they cannot drift apart.
 */
import type { ApiError, Envelope, GleanerClient, LibraryEvent } from './api.js';
import { channels } from './schemas.js';

export type Call = (domain: string, method: string, args: unknown) => Promise<Envelope<unknown>>;

/** A failed call, with the service's error code (e.g. `bad-query`) kept. */
export class ClientError extends Error {
  readonly code: ApiError['code'];
  readonly span: ApiError['span'];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ClientError';
    this.code = error.code;
    this.span = error.span;
  }
}

export function buildClient(call: Call, onEvent: (listener: (event: LibraryEvent) => void) => () => void): GleanerClient {
  const client: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const { domain, method } of channels()) {
    client[domain] ??= {};
    client[domain][method] = async (args: unknown = {}) => {
      const envelope = await call(domain, method, args);
      if (!envelope.ok) throw new ClientError(envelope.error);
      return envelope.value;
    };
  }
  return { ...(client as unknown as Omit<GleanerClient, 'onEvent'>), onEvent };
}
