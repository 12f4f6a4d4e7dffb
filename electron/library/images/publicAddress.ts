/**
 * Image URLs come from article files, so a hostile article could point one at this
 * computer or the local network (a router's admin page, a local service) and make the
 * export request it: server-side request forgery. Downloads therefore go to public
 * addresses only.
 *
 * The check sits where the connection is made: `guardedLookup` is the `lookup` the request
 * itself uses, so the address checked is the address connected to. A name that answers a
 * public address to one question and 127.0.0.1 to the next (DNS rebinding) gets no second
 * question. Every address of an answer is checked, not only the first, and the ranges come
 * from ipaddr.js (a maintained list of special-purpose blocks), not from a hand-written one.
 */
import { lookup as systemLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Tests serve images from 127.0.0.1 and turn this on; nothing else does. */
export const networkPolicy = { allowPrivateNetwork: false };

/** Every address a name resolves to (dns.lookup with `all`); tests pass a fake one. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) => systemLookup(hostname, { all: true, verbatim: true });

/** IPv6 blocks whose last (or, for 6to4, second and third) 32 bits are an IPv4 address that is the real destination. */
const EMBEDS_IPV4 = new Set(['ipv4Mapped', 'rfc6145', '6to4']);

/** The IPv4 address an IPv6 one stands for, or null when it embeds none. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const parts = address.parts;
  const range = address.range();
  const last32 = () => new ipaddr.IPv4([parts[6]! >> 8, parts[6]! & 0xff, parts[7]! >> 8, parts[7]! & 0xff]);
  if (range === '6to4') return new ipaddr.IPv4([parts[1]! >> 8, parts[1]! & 0xff, parts[2]! >> 8, parts[2]! & 0xff]);
  if (EMBEDS_IPV4.has(range)) return last32();
  // NAT64's well-known prefix (64:ff9b::/96); the local-use one (64:ff9b:1::/48) is refused below.
  if (range === 'rfc6052' && parts[0] === 0x64 && parts[1] === 0xff9b && parts.slice(2, 6).every((p) => p === 0)) return last32();
  // IPv4-compatible (::a.b.c.d, deprecated): ::/96 apart from :: and ::1.
  if (range === 'unicast' && parts.slice(0, 6).every((p) => p === 0)) return last32();
  return null;
}

/**
 * Why an IP address is not on the public internet (its ipaddr.js range: loopback, private,
 * linkLocal, uniqueLocal, deprecatedSiteLocal, multicast, reserved, carrierGradeNat, …), or
 * null when it is an ordinary public (unicast) address. IPv6 forms that carry an IPv4
 * address (mapped, compatible, NAT64, 6to4) are judged by that IPv4 address.
 */
export function notPublicReason(address: string): string | null {
  if (!ipaddr.isValid(address) || isIP(address) === 0) return 'not an IP address';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v4 = embeddedIPv4(parsed as ipaddr.IPv6);
    if (v4) {
      const inner = v4.range();
      return inner === 'unicast' ? null : `${inner} ${v4.toString()}`;
    }
  }
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

/** Whether an IP address is on this machine, the local network or otherwise not on the internet. */
export function isNotPublic(address: string): boolean {
  return notPublicReason(address) !== null;
}

/** A refusal by the guard: the fetcher reports its message as the reason. */
export class RefusedAddress extends Error {
  readonly code = 'EREFUSEDADDRESS';
}

function refusal(host: string, address: string, why: string): RefusedAddress {
  return new RefusedAddress(`${host} is this computer or the local network (${address}: ${why}): images are only downloaded from the internet`);
}

/** Why an IP-literal host may not be fetched, or null (names are checked by guardedLookup, when connecting). */
export function refusedLiteral(url: URL): string | null {
  if (networkPolicy.allowPrivateNetwork) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0) return null;
  const why = notPublicReason(host);
  return why === null ? null : refusal(url.hostname, host, why).message;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request/https.request: resolves with `resolve`, refuses the whole
 * answer when any address in it is not public, and hands the connection only addresses it
 * checked. Answers both shapes Node asks for (one address, or `all` for Happy Eyeballs).
 */
export function guardedLookup(resolve: Resolve = systemResolve) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (answer) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const addresses = answer.filter((a) => !family || a.family === family);
        if (!networkPolicy.allowPrivateNetwork) {
          for (const a of answer) {
            const why = notPublicReason(a.address);
            if (why !== null) return callback(refusal(hostname, a.address, why), '');
          }
        }
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
