/**
 * Which network addresses the collector may connect to. By default only public unicast addresses: never this
 * machine, private networks, link-local (cloud metadata at 169.254.169.254), multicast, unspecified or reserved
 * ranges, including IPv4 addresses hidden inside IPv6 (::ffff:127.0.0.1, NAT64, 6to4). An operator can allow
 * every private address (`COLLECT_ALLOW_PRIVATE_NETWORKS`, as the tests need) or named networks
 * (`COLLECT_ALLOWED_NETWORKS`, e.g. an e-government intranet).
 */
import { isIP } from 'node:net';

export interface Cidr {
  family: 4 | 6;
  /** The network address as a big-endian integer (32 or 128 bits). */
  bits: bigint;
  prefix: number;
}

export interface AddressPolicy {
  allowPrivateNetworks: boolean;
  allowedNetworks: readonly Cidr[];
}

export const PUBLIC_ONLY: AddressPolicy = { allowPrivateNetworks: false, allowedNetworks: [] };

const V4_BLOCKED = [
  '0.0.0.0/8', // "this network", unspecified
  '10.0.0.0/8',
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8',
  '169.254.0.0/16', // link-local, cloud metadata
  '172.16.0.0/12',
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation
  '192.88.99.0/24', // 6to4 relay anycast
  '192.168.0.0/16',
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, broadcast
].map(mustParseCidr);

const V6_BLOCKED = [
  '::/128', // unspecified
  '::1/128', // loopback
  '::/96', // IPv4-compatible (deprecated)
  '100::/64', // discard
  '2001::/23', // IETF protocol assignments (Teredo, ORCHID, …)
  '2001:db8::/32', // documentation
  'fc00::/7', // unique local
  'fe80::/10', // link-local
  'fec0::/10', // site-local (deprecated)
  'ff00::/8', // multicast
].map(mustParseCidr);

/** IPv6 prefixes that carry an IPv4 address, and where: checked as that IPv4 address. */
const V6_EMBEDDING_V4: { net: Cidr; shift: bigint }[] = [
  { net: mustParseCidr('::ffff:0:0/96'), shift: 0n }, // IPv4-mapped
  { net: mustParseCidr('64:ff9b::/96'), shift: 0n }, // NAT64
  { net: mustParseCidr('64:ff9b:1::/48'), shift: 0n }, // local-use NAT64
  { net: mustParseCidr('2002::/16'), shift: 80n }, // 6to4: 2002:AABB:CCDD::
];

export function parseIp(text: string): { family: 4 | 6; bits: bigint } | null {
  const ip = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const family = isIP(ip);
  if (family === 4) {
    return { family: 4, bits: ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n) };
  }
  if (family === 6) {
    let s = ip.replace(/%.*$/, '').toLowerCase();
    // A dotted IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
    const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
    if (tail) {
      const v4 = parseIp(tail[1]!)!.bits;
      s = `${s.slice(0, tail.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
    }
    const [head, rest] = s.split('::') as [string, string | undefined];
    const headGroups = head ? head.split(':') : [];
    const restGroups = rest ? rest.split(':') : [];
    const missing = 8 - headGroups.length - restGroups.length;
    const groups = rest === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill('0'), ...restGroups];
    if (groups.length !== 8) return null;
    return { family: 6, bits: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n) };
  }
  return null;
}

export function parseCidr(text: string): Cidr | null {
  const [addr, prefixText] = text.trim().split('/') as [string, string | undefined];
  const ip = parseIp(addr);
  if (!ip) return null;
  const width = ip.family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width || (prefixText !== undefined && !/^\d+$/.test(prefixText))) return null;
  return { family: ip.family, bits: ip.bits & mask(prefix, width), prefix };
}

function mustParseCidr(text: string): Cidr {
  const c = parseCidr(text);
  if (!c) throw new Error(`bad CIDR ${text}`);
  return c;
}

function mask(prefix: number, width: number): bigint {
  return prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(width - prefix);
}

function contains(net: Cidr, ip: { family: 4 | 6; bits: bigint }): boolean {
  if (net.family !== ip.family) return false;
  const width = net.family === 4 ? 32 : 128;
  return (ip.bits & mask(net.prefix, width)) === net.bits;
}

/** The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4), if any. */
function embeddedV4(ip: { family: 6; bits: bigint }): { family: 4; bits: bigint } | null {
  for (const e of V6_EMBEDDING_V4) if (contains(e.net, ip)) return { family: 4, bits: (ip.bits >> e.shift) & 0xffffffffn };
  return null;
}

/** True when the collector must not connect to this address under the policy. Unparseable text is blocked. */
export function isBlockedAddress(address: string, policy: AddressPolicy = PUBLIC_ONLY): boolean {
  const ip = parseIp(address);
  if (!ip) return true;
  if (policy.allowPrivateNetworks) return false;
  if (policy.allowedNetworks.some((n) => contains(n, ip))) return false;
  if (ip.family === 4) return V4_BLOCKED.some((n) => contains(n, ip));
  const v4 = embeddedV4(ip as { family: 6; bits: bigint });
  if (v4) return policy.allowedNetworks.some((n) => contains(n, v4)) ? false : V4_BLOCKED.some((n) => contains(n, v4));
  return V6_BLOCKED.some((n) => contains(n, ip));
}
