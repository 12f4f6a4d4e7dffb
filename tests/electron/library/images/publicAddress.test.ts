import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { createServer } from 'node:http';
import { Socket, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchImage } from '../../../../electron/library/images/fetchImage.js';
import {
  guardedLookup,
  isNotPublic,
  networkPolicy,
  notPublicReason,
  refusedLiteral,
  type Resolve,
} from '../../../../electron/library/images/publicAddress.js';

/** A resolver that gives each answer in turn (the last one from then on), and counts the questions. */
function fakeResolver(...answers: string[][]): Resolve & { asked: number } {
  const resolve = Object.assign(
    async (): Promise<LookupAddress[]> => {
      const answer = answers[Math.min(resolve.asked, answers.length - 1)]!;
      resolve.asked++;
      return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
    { asked: 0 },
  );
  return resolve;
}

type Lookup = (
  host: string,
  options: LookupOptions,
  callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/**
 * Sees the address every new TCP connection is handed (whoever resolved it: the fetcher's
 * own lookup or the default one) and lets only loopback ones through, so no test packet
 * leaves this machine. Returns the addresses seen; undone after each test.
 */
function watchConnections(): string[] {
  const seen: string[] = [];
  const connect = Socket.prototype.connect;
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    const normalized = args[0] as unknown[];
    const options = (Array.isArray(normalized) ? normalized[0] : args[0]) as { lookup?: Lookup };
    const lookup: Lookup = options.lookup ?? (dnsLookup as unknown as Lookup);
    options.lookup = (host, lookupOptions, callback) =>
      lookup(host, lookupOptions, (error, address, family) => {
        if (error) return callback(error, address, family);
        const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
        seen.push(...addresses);
        if (addresses.some((a) => !a.startsWith('127.')))
          return callback(Object.assign(new Error('test: no network beyond loopback'), { code: 'ENETUNREACH' }), '');
        callback(null, address, family);
      });
    return (connect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof connect;
  undo.push(() => (Socket.prototype.connect = connect));
  return seen;
}
const undo: (() => void)[] = [];
afterEach(() => undo.splice(0).forEach((f) => f()));

describe('image downloads reach public addresses only', () => {
  it('tells local, private and special-purpose addresses from public ones', () => {
    const local = [
      // IPv4: loopback, private, link-local (cloud metadata), carrier-grade NAT, unspecified, multicast, broadcast, reserved, benchmarking
      '127.0.0.1',
      '127.8.9.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '240.0.0.1',
      '192.0.2.1',
      '198.18.0.1',
      '198.51.100.7',
      '203.0.113.9',
      // IPv6: loopback, unspecified, link-local, unique-local, site-local, multicast, documentation, Teredo
      '::1',
      '::',
      'fe80::1',
      'fd12::3',
      'fc00::1',
      'fec0::1',
      'feff::1',
      'ff02::1',
      '2001:db8::1',
      '2001:0:4136:e378::1',
      // IPv4 inside IPv6, judged by the IPv4: mapped, compatible, NAT64, 6to4, SIIT
      '::ffff:127.0.0.1',
      '::ffff:192.168.0.1',
      '::127.0.0.1',
      '::10.0.0.1',
      '64:ff9b::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::',
      '2002:c0a8:101::1',
      '::ffff:0:127.0.0.1',
      // the local-use NAT64 prefix is never public
      '64:ff9b:1::8.8.8.8',
      // not addresses at all
      'localhost',
      '',
      '1.2.3',
    ];
    for (const address of local) expect(isNotPublic(address), address).toBe(true);
    const pub = ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '::8.8.8.8', '64:ff9b::8.8.8.8', '2002:808:808::1'];
    for (const address of pub) expect(isNotPublic(address), address).toBe(false);
  });

  it('names the range that refused an address, and the IPv4 inside an IPv6 one', () => {
    expect(notPublicReason('::127.0.0.1')).toBe('loopback 127.0.0.1');
    expect(notPublicReason('64:ff9b::10.0.0.1')).toBe('private 10.0.0.1');
    expect(notPublicReason('2002:a9fe:a9fe::')).toBe('linkLocal 169.254.169.254');
    expect(notPublicReason('fec0::1')).toBe('deprecatedSiteLocal');
    expect(notPublicReason('100.64.0.1')).toBe('carrierGradeNat');
  });

  it('refuses IP literals in URLs, in every written form the URL parser turns into one', () => {
    for (const url of [
      'http://[::1]/x.png',
      'http://[::127.0.0.1]/x.png',
      'http://[::ffff:7f00:1]/x.png',
      'http://[64:ff9b::7f00:1]/x.png',
      'http://[2002:7f00:1::]/x.png',
      'http://[fec0::1]/x.png',
      'http://169.254.169.254/latest/meta-data',
      'http://0x7f000001/x.png',
      'http://2130706433/x.png',
      'http://017700000001/x.png',
      'http://127.1/x.png',
    ]) {
      expect(refusedLiteral(new URL(url)), url).toMatch(/is this computer or the local network/);
    }
    expect(refusedLiteral(new URL('http://8.8.8.8/x.png'))).toBeNull();
    // A name is checked when connecting (guardedLookup), not here.
    expect(refusedLiteral(new URL('http://example.com/x.png'))).toBeNull();
  });

  it('refuses a whole DNS answer when any address in it is local, and hands on only checked ones', async () => {
    const ask = (resolve: Resolve, all: boolean) =>
      new Promise<{ error: Error | null; address: unknown }>((done) =>
        guardedLookup(resolve)('images.example', { all }, (error, address) => done({ error, address })),
      );
    const mixed = await ask(fakeResolver(['93.184.216.34', '127.0.0.1']), true);
    expect(mixed.error?.message).toMatch(/images\.example is this computer or the local network \(127\.0\.0\.1: loopback\)/);
    const mapped = await ask(fakeResolver(['2606:4700::1111', '::ffff:10.0.0.1']), false);
    expect(mapped.error?.message).toMatch(/private 10\.0\.0\.1/);
    expect(await ask(fakeResolver(['93.184.216.34', '2606:4700::1111']), true)).toEqual({
      error: null,
      address: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:4700::1111', family: 6 },
      ],
    });
    expect(await ask(fakeResolver(['93.184.216.34']), false)).toEqual({ error: null, address: '93.184.216.34' });
  });

  describe('against a server on loopback', () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    let port = 0;
    beforeAll(async () => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('never sends the request to a loopback literal or a name for one', async () => {
      expect(networkPolicy.allowPrivateNetwork).toBe(false);
      expect(await fetchImage(`http://127.0.0.1:${port}/pixel.png`)).toEqual({
        ok: false,
        reason: expect.stringMatching(/127\.0\.0\.1 is this computer/),
      });
      expect(await fetchImage(`http://[::ffff:127.0.0.1]:${port}/pixel.png`)).toEqual({
        ok: false,
        reason: expect.stringMatching(/is this computer/),
      });
      const named = fakeResolver(['127.0.0.1']);
      expect(await fetchImage(`http://images.example:${port}/pixel.png`, { resolve: named })).toEqual({
        ok: false,
        reason: expect.stringMatching(/images\.example is this computer or the local network \(127\.0\.0\.1/),
      });
      expect(hits).toBe(0);
    });

    it('DNS rebinding: a name that answers a public address first and 127.0.0.1 next never reaches 127.0.0.1', async () => {
      // The attack: the first question (a check) is answered "public", every later one (the
      // connection's) "127.0.0.1". The fetcher asks once per connection and checks that answer.
      const connections = watchConnections();
      const rebinding = fakeResolver(['93.184.216.34'], ['127.0.0.1']);
      const first = await fetchImage(`http://rebind.example:${port}/pixel.png`, { resolve: rebinding });
      expect(connections).toEqual(['93.184.216.34']); // the connection got the address that was checked
      expect(first).toEqual({ ok: false, reason: 'could not download it (ENETUNREACH)', unreachable: true });
      // Asked again (a retry, a redirect back to the same name), the answer is 127.0.0.1: refused before connecting.
      const second = await fetchImage(`http://rebind.example:${port}/pixel.png`, { resolve: rebinding });
      expect(second).toEqual({
        ok: false,
        reason: expect.stringMatching(/rebind\.example is this computer or the local network \(127\.0\.0\.1: loopback\)/),
      });
      expect(rebinding.asked).toBe(2);
      expect(connections).toEqual(['93.184.216.34']);
      expect(hits).toBe(0);
    });

    it('re-checks the name a redirect points to, when connecting to it', async () => {
      const redirecting = createServer((_req, res) => {
        res.writeHead(302, { location: `http://internal.example:${port}/secret.png` });
        res.end();
      });
      await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', r));
      const start = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/start.png`;
      try {
        // The first hop (a loopback literal) is let through by hand, only while it starts; the
        // redirect's name is checked when its connection is made, with the policy back on.
        const resolve = fakeResolver(['10.0.0.7']);
        const connections = watchConnections();
        networkPolicy.allowPrivateNetwork = true;
        const pending = fetchImage(start, { resolve });
        networkPolicy.allowPrivateNetwork = false;
        expect(await pending).toEqual({
          ok: false,
          reason: expect.stringMatching(
            /^redirected to a refused address: internal\.example is this computer or the local network \(10\.0\.0\.7: private\)/,
          ),
        });
        expect(connections).toEqual([]);
        expect(hits).toBe(0);
      } finally {
        networkPolicy.allowPrivateNetwork = false;
        await new Promise<void>((r) => redirecting.close(() => r()));
      }
    });

    it('the name is resolved by the request itself: a fake resolver pointing at the server is what it connects to', async () => {
      networkPolicy.allowPrivateNetwork = true;
      try {
        const named = fakeResolver(['127.0.0.1']);
        const result = await fetchImage(`http://images.example:${port}/pixel.png`, { resolve: named });
        // The server answered "x" (not an image): the request arrived, through the fake answer.
        expect(result).toEqual({ ok: false, reason: expect.stringMatching(/not a PNG/) });
        expect(named.asked).toBe(1);
        expect(hits).toBe(1);
      } finally {
        networkPolicy.allowPrivateNetwork = false;
      }
    });
  });
});
