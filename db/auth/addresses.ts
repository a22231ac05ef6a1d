/**
 * Addresses and CIDR ranges as the deployment writes them (TRUSTED_PROXIES, RATE_LIMIT_EXEMPT).
 * Pure apart from node:net, so db/config.ts can check the lists at start without importing the
 * request-handling code in client-ip.ts (which itself reads the configuration).
 */
import { BlockList, isIP } from 'node:net';

/** '::ffff:10.0.0.1' (IPv4 on a dual-stack socket) is 10.0.0.1; anything that is no address is null. */
export function normaliseAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const a = raw.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();
  return isIP(a) ? a : null;
}

/** A set of addresses and CIDR ranges (IPv4 and IPv6), from a comma- or space-separated list. */
export class AddressSet {
  private readonly list = new BlockList();
  readonly entries: string[] = [];
  /** Entries that are neither an address nor a range; they are left out (and reported). */
  readonly invalid: string[] = [];

  constructor(raw: string | undefined) {
    for (const entry of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
      const [host, bits, extra] = entry.split('/');
      const address = normaliseAddress(host);
      const type = address && isIP(address) === 6 ? 'ipv6' : 'ipv4';
      const max = type === 'ipv6' ? 128 : 32;
      const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
      if (!address || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
        this.invalid.push(entry);
        continue;
      }
      if (prefix === max) this.list.addAddress(address, type);
      else this.list.addSubnet(address, prefix, type);
      this.entries.push(entry);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  has(raw: string): boolean {
    const a = normaliseAddress(raw);
    if (!a) return false;
    return this.list.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4');
  }
}
