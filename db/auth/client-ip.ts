/**
 * The address a request came from, which no request header can choose.
 *
 * Under `next start` the app never sees the TCP connection, and Next fills X-Forwarded-For with
 * the socket address only when the client sent none — so a client that sends the header hides
 * its own address. The server therefore stamps every request with its peer address in a private
 * header (PEER_HEADER, written by app/_server/peer-address.ts from the connection itself, over any
 * value the client sent). Its value carries a per-process token, so a client cannot fake it even
 * for the few requests that arrive before the stamp is installed: those count as 'unknown'.
 *
 * X-Forwarded-For is read only when the peer is a proxy the deployment names in TRUSTED_PROXIES
 * (addresses or CIDR ranges). The entries are then walked right to left, skipping trusted
 * proxies: the first address that is not a trusted proxy is the client. Each proxy appends the
 * address it saw (nginx: $proxy_add_x_forwarded_for), so everything left of that first untrusted
 * entry was written by the client and is ignored. No hop count to keep in step with the network.
 */
import { randomBytes } from 'node:crypto';
import { serverConfig, NEXT_RUNTIME } from '@/db/config';
import { AddressSet, normaliseAddress } from './addresses';

// Re-exported: the proxy, the rate limits and their tests know them from here.
export { AddressSet, normaliseAddress };

/** The private request header that carries the connection's address (with the process token). */
export const PEER_HEADER = 'x-ft-peer';

/** How many X-Forwarded-For entries are looked at, at most (a chain of proxies is short). */
const MAX_HOPS = 16;

type Globals = { __portalPeerToken?: string; __portalPeerWarned?: boolean };
const g = globalThis as unknown as Globals;

/**
 * A secret of this process. Instrumentation, the proxy and the route bundles are compiled apart
 * but run in one Node process, so globalThis is where they meet.
 */
function peerToken(): string {
  return (g.__portalPeerToken ??= randomBytes(16).toString('hex'));
}

/** The value of PEER_HEADER for a connection from `address` (also used by tests that call the proxy's functions). */
export function peerHeaderValue(address: string | undefined): string {
  return `${peerToken()} ${normaliseAddress(address) ?? 'unknown'}`;
}

/**
 * The stamp for an incoming request, given what it already carries under PEER_HEADER. Next
 * forwards a server-action call to the page that owns the action with an internal fetch that
 * copies the request's headers, stamp included: a stamp with this process's token can only come
 * from there, so it keeps the original client's address and is marked as relayed (already
 * counted). Anything else is overwritten with the connection's own address.
 */
export function stampFor(prior: string | string[] | undefined, remoteAddress: string | undefined): string {
  if (typeof prior === 'string' && parsePeer(prior)) return prior.endsWith(' relayed') ? prior : `${prior} relayed`;
  return peerHeaderValue(remoteAddress);
}

function parsePeer(v: string): { address: string | null; relayed: boolean } | null {
  const [token, address, flag, ...rest] = v.split(' ');
  if (token !== peerToken() || rest.length || (flag !== undefined && flag !== 'relayed')) return null;
  return { address: normaliseAddress(address), relayed: flag === 'relayed' };
}

/** The connection's address from PEER_HEADER, or null when the header is missing or not ours. */
export function peerAddress(headers: Pick<Headers, 'get'>): string | null {
  const v = headers.get(PEER_HEADER);
  return v ? (parsePeer(v)?.address ?? null) : null;
}

/** True for Next's own forwarding of a request this process has already seen (and counted). */
export function isRelayed(headers: Pick<Headers, 'get'>): boolean {
  const v = headers.get(PEER_HEADER);
  return v ? parsePeer(v)?.relayed === true : false;
}

/**
 * The client behind a connection from `peer`: the peer itself unless it is a trusted proxy;
 * otherwise the X-Forwarded-For entries right to left, skipping trusted proxies. An entry that
 * is no address stops the walk at the last proxy that passed it on (nothing left of it can be
 * vouched for).
 */
export function resolveClient(peer: string, forwardedFor: string | null, trusted: AddressSet): string {
  if (!trusted.has(peer)) return peer;
  const hops = (forwardedFor ?? '').split(',');
  let client = peer;
  for (let i = hops.length - 1, n = 0; i >= 0 && n < MAX_HOPS; i--, n++) {
    const hop = hops[i]!.trim();
    if (hop === '') continue;
    const a = normaliseAddress(hop);
    if (!a) break;
    client = a;
    if (!trusted.has(a)) break;
  }
  return client;
}

/** TRUSTED_PROXIES, as db/config.ts parsed it at start (a wrong entry stops the server there). */
export function trustedProxies(): AddressSet {
  return serverConfig().trustedProxies;
}

/**
 * The client address of a request. 'unknown' when the server did not stamp the request (a
 * request that arrived while the server was starting, or code run outside `next start`): all
 * such requests share that one name, so it cannot be used to dodge a limit.
 */
export function clientIp(headers: Pick<Headers, 'get'>, trusted: AddressSet = trustedProxies()): string {
  const peer = peerAddress(headers);
  if (peer === null) {
    if (!g.__portalPeerWarned && NEXT_RUNTIME === 'nodejs') {
      g.__portalPeerWarned = true;
      console.warn('client-ip: a request without the peer stamp (instrumentation.ts registers it); counted as "unknown"');
    }
    return 'unknown';
  }
  return resolveClient(peer, headers.get('x-forwarded-for'), trusted);
}
