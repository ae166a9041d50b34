import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// A channel's address (a Bluesky PDS, a Mastodon instance) is typed in by an organisation's
// admin, and nahbar's server then calls it. On a shared installation that must not become a
// way to reach the machine's own network: loopback, private, link-local and similar ranges are
// refused unless the operator allows them (NAHBAR_ALLOW_PRIVATE_NETWORKS, e.g. a PDS in the
// same data centre). Checked when a channel is connected.

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The addresses a URL's host resolves to, if any of them is internal; [] when all are public. */
export async function privateAddressesOf(url: string): Promise<string[]> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  return addresses.filter(isPrivateAddress);
}
