import { BlockList, isIP } from 'node:net';

/**
 * The address of the client a login comes from, for counting failures. It is the socket's, unless
 * the socket is one of the trusted reverse proxies (R1540_TRUSTED_PROXIES): then it is the
 * right-most address of `X-Forwarded-For` that is not a trusted proxy, the one the outermost
 * trusted proxy saw. Entries to its left were written by the client and are never believed. With
 * no trusted proxy configured the header is ignored.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  const socket = normaliseAddress(socketAddress ?? '') || 'unknown';
  if (!trusted.has(socket) || !forwardedFor) return socket;
  const hops = forwardedFor
    .split(',')
    .map((hop) => normaliseAddress(hop))
    .reverse();
  let client = socket;
  for (const hop of hops) {
    // A hop that is not an address cannot be told from a forgery: keep the last one believed.
    if (!isIP(hop)) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}

/** An address as a header or a socket gives it: no brackets or port, IPv4-mapped IPv6 as IPv4, lower case. */
export function normaliseAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1] ?? '';
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(a);
  if (mapped) a = mapped[1] ?? a;
  return a.slice(0, 100);
}

/** The configured proxies: addresses and CIDR ranges. */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly empty: boolean;

  constructor(entries: readonly string[]) {
    this.empty = entries.length === 0;
    for (const entry of entries) {
      const [address = '', prefix] = entry.split('/');
      const a = normaliseAddress(address);
      const type = isIP(a) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.list.addAddress(a, type);
      else this.list.addSubnet(a, Number(prefix), type);
    }
  }

  has(address: string): boolean {
    const family = isIP(address);
    if (this.empty || !family) return false;
    return this.list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }
}

const cache = new WeakMap<readonly string[], TrustedProxies>();

/** The configured list, parsed once. */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  let parsed = cache.get(entries);
  if (!parsed) {
    parsed = new TrustedProxies(entries);
    cache.set(entries, parsed);
  }
  return parsed;
}
