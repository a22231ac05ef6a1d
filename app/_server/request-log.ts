/**
 * The one line each request gets (proxy.ts, and the Node-level guard for requests that never
 * reach it: hostile/forbidden-methods.ts), written through the structured logger in db/log.ts.
 * Request lines can be switched off (LOG_REQUESTS=off), e.g. for a benchmark; the other log
 * lines (sign-ins, admin actions, errors) cannot.
 */
import { serverConfig } from '@/db/config';

/** Whether request lines are written; read at start (db/config.ts). */
export function requestLogsOn(): boolean {
  return serverConfig().logRequests;
}

/** The id a client or an upstream proxy gave the request, when it is a safe token; otherwise undefined. */
export function givenRequestId(given: string | null | undefined): string | undefined {
  return given && /^[\w.-]{1,64}$/.test(given) ? given : undefined;
}
