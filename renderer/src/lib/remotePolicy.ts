/**
 * "Always load remote images from this source" needs the service to remember a
 * per-source choice, which the contract does not have yet. The reading pane
 * calls through here so wiring it later touches one file: flip `supported`
 * and implement `alwaysAllowForSource` with the new service call.
 */
export const remotePolicy = {
  supported: false,
  async alwaysAllowForSource(_source: string): Promise<void> {
    throw new Error('Remembering remote images per source is not available yet');
  },
};
