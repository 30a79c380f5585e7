import { isIPv6 } from 'node:net';

/**
 * The key rate limits count a client under. An IPv6 client usually holds a whole /64 and
 * could step through it to escape a per-address limit, so it counts by its /64.
 */
export function rateLimitKey(ip: string): string {
  const address = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

/** Fastify's trustProxy function form: whether the address `hop` steps from us is a proxy. */
type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

/**
 * Fastify's trustProxy from TRUST_PROXY. `true` would trust every hop, so the left-most
 * X-Forwarded-For entry, which the client writes itself, would become its address: it is read
 * as one hop (the reverse proxy in front), like a number of hops; otherwise a list of proxy
 * addresses or CIDR ranges.
 */
export function trustProxySetting(value: string): TrustProxy {
  const setting = value.trim().toLowerCase();
  if (['', 'false', '0', 'no'].includes(setting)) return false;
  const hops = ['true', 'yes'].includes(setting) ? 1 : /^\d+$/.test(setting) ? Number(setting) : 0;
  if (hops > 0) return (_address, hop) => hop < hops;
  return setting
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
