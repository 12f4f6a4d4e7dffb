import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchImage } from '../../../../electron/library/images/fetchImage.js';
import { isNotPublic, networkPolicy, refusedHost } from '../../../../electron/library/images/publicAddress.js';

describe('image downloads reach public addresses only', () => {
  it('tells local and private addresses from public ones', () => {
    for (const local of ['127.0.0.1', '127.8.9.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd12::3', '::ffff:127.0.0.1', '::ffff:192.168.0.1', '224.0.0.1']) {
      expect(isNotPublic(local), local).toBe(true);
    }
    for (const pub of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) expect(isNotPublic(pub), pub).toBe(false);
  });

  it('refuses names and literals that are this computer', async () => {
    expect(await refusedHost(new URL('http://localhost:8080/x.png'))).toMatch(/localhost is this computer or the local network/);
    expect(await refusedHost(new URL('http://[::1]/x.png'))).toMatch(/local network/);
    expect(await refusedHost(new URL('http://169.254.169.254/latest/meta-data'))).toMatch(/169\.254\.169\.254/);
    expect(await refusedHost(new URL('http://8.8.8.8/x.png'))).toBeNull();
  });

  describe('against a server on loopback', () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    let origin = '';
    beforeAll(async () => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('never sends the request', async () => {
      expect(networkPolicy.allowPrivateNetwork).toBe(false);
      expect(await fetchImage(`${origin}/pixel.png`)).toEqual({ ok: false, reason: expect.stringMatching(/127\.0\.0\.1 is this computer/) });
      expect(hits).toBe(0);
    });
  });
});
