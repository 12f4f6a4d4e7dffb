/**
 * The plain channel table (what the preload lets through and the renderer's client offers)
 * and the schema table (what the main process and the browser host validate) name the same
 * calls: a call in one only would be refused by the preload, or have no schema.
 */
import { describe, expect, it } from 'vitest';
import { channels, CONTRACT, isContractCall } from '../../shared/channels.js';
import { schemaFor, schemas } from '../../shared/schemas.js';

const schemaChannels = () => Object.entries(schemas).flatMap(([domain, table]) => Object.keys(table).map((method) => `${domain}:${method}`));

describe('the channel table', () => {
  it('names exactly the calls the schemas validate', () => {
    expect(
      channels()
        .map((c) => c.channel)
        .sort(),
    ).toEqual(schemaChannels().sort());
    for (const { domain, method } of channels()) expect(schemaFor(domain, method), `${domain}:${method}`).toBeDefined();
  });

  it('lists each call once', () => {
    const names = channels().map((c) => c.channel);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(CONTRACT).sort()).toEqual(Object.keys(schemas).sort());
  });

  it('knows a call only by its own names', () => {
    expect(isContractCall('articles', 'search')).toBe(true);
    for (const [domain, method] of [
      ['articles', 'constructor'],
      ['articles', 'toString'],
      ['__proto__', 'search'],
      ['hasOwnProperty', 'call'],
      ['shell', 'pickFolder'],
      ['articles', 'length'],
      [1, 'search'],
      ['articles', null],
    ]) {
      expect(isContractCall(domain, method), `${String(domain)}:${String(method)}`).toBe(false);
    }
  });
});
