/**
 * Builds a client object from the contract: one method per channel, each a call through a
 * transport (Electron IPC, HTTP, or the CLI's in-process dispatch) that returns an envelope.
 * The renderer (desktop and browser mode alike) and the CLI build theirs here, so no caller
 * has a route of its own.
 */
import type { ApiError, Envelope, GleanerClient, LibraryEvent } from './api.js';
import { channels } from './channels.js';

export type Call = (domain: string, method: string, args: unknown) => Promise<Envelope<unknown>>;

/**
 * A way to reach the service: calls in, envelopes out, and its events. The desktop preload
 * exposes exactly this as `window.gleaner`; browser mode builds one over HTTP.
 */
export interface Transport {
  call: Call;
  /** Subscribes to the service's events; returns the unsubscribe. */
  on: (listener: (event: LibraryEvent) => void) => () => void;
}

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

export function buildClient({ call, on }: Transport): GleanerClient {
  const client: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  for (const { domain, method } of channels()) {
    client[domain] ??= {};
    client[domain][method] = async (args: unknown = {}) => {
      const envelope = await call(domain, method, args);
      if (!envelope.ok) throw new ClientError(envelope.error);
      return envelope.value;
    };
  }
  return { ...(client as unknown as Omit<GleanerClient, 'onEvent'>), onEvent: on };
}
