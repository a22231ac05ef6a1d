/**
 * The gate of the spreadsheet route handlers (downloads and the upload): who is asking, and a
 * plain Chinese refusal with the right status when they may not.
 */
import 'server-only';
import { Forbidden, requireActor, Unauthenticated } from '@/db/auth/guard';
import type { Actor } from '@/db/auth/permissions';

export function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/**
 * The gate of a spreadsheet route, like adminAction()'s for actions: the signed-in actor (the
 * same session check), refused unless `may` holds — a 401 saying to sign in again, or a 403 with
 * the refusal. `may` is required, so a route cannot be written without naming its permission.
 */
export async function routeActor(messages: { unauthenticated: string; forbidden: string }, may: (actor: Actor) => boolean): Promise<Actor | Response> {
  let actor: Actor;
  try {
    actor = await requireActor();
  } catch (e) {
    if (e instanceof Unauthenticated) return textResponse(401, messages.unauthenticated);
    // An account still on a one-time password (db/auth/guard.ts): it must set its own first.
    if (e instanceof Forbidden) return textResponse(403, e.message);
    throw e;
  }
  return may(actor) ? actor : textResponse(403, messages.forbidden);
}

/** A download with a Chinese file name (RFC 5987) that is never cached. */
export function downloadResponse(body: BodyInit, contentType: string, fileName: string, asciiName: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** POSTs must come from our own pages (a cross-site form cannot upload in a clerk's name). */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  if (!origin) return req.headers.get('sec-fetch-site') !== 'cross-site';
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';
