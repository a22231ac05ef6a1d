/**
 * Stamps every HTTP request this process serves with the address of its TCP connection
 * (PEER_HEADER, db/auth/client-ip.ts), overwriting whatever the client sent under that name —
 * except Next's own forwarding of a server-action call, which keeps the original stamp (stampFor).
 *
 * Node publishes each incoming request on the `http.server.request.start` diagnostics channel
 * synchronously, before the server's 'request' event — so the stamp is on the headers before
 * Next (or anything else) reads them, without wrapping Next's server or replacing `next start`.
 * Called once from instrumentation.ts; under `next start` that runs in the process that owns the
 * HTTP server, before the first request is handed to Next.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_HEADER, stampFor } from '@/db/auth/client-ip';

type RequestStart = { request: IncomingMessage; socket: Socket };

export function stampPeerAddresses(): void {
  const g = globalThis as unknown as { __portalPeerStamp?: boolean };
  if (g.__portalPeerStamp) return;
  g.__portalPeerStamp = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as RequestStart;
    request.headers[PEER_HEADER] = stampFor(request.headers[PEER_HEADER], socket.remoteAddress);
  });
}
