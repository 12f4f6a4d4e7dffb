/**
 * Image URLs come from article files, so a hostile article could point one at this
 * computer or the local network (a router's admin page, a local service) and make the
 * export request it: server-side request forgery. Downloads therefore go to public
 * addresses only. The check resolves the name first; a name that resolves differently a
 * moment later (DNS rebinding) is not covered, which is why the fetcher also never sends
 * credentials and only keeps bytes that are images.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Tests serve images from 127.0.0.1 and turn this on; nothing else does. */
export const networkPolicy = { allowPrivateNetwork: false };

const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(net, bits, 'ipv6');
}

/** Whether an IP address is on this machine, the local network or otherwise not on the internet. */
export function isNotPublic(address: string): boolean {
  // IPv4 written inside IPv6 (::ffff:127.0.0.1) is checked as the IPv4 it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return NOT_PUBLIC.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a URL's host may not be fetched, or null when every address it resolves to is public. */
export async function refusedHost(url: URL): Promise<string | null> {
  if (networkPolicy.allowPrivateNetwork) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  const local = addresses.find(isNotPublic);
  return local === undefined ? null : `${url.hostname} is this computer or the local network (${local}): images are only downloaded from the internet`;
}
