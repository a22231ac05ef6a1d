import { NextResponse, type NextRequest } from 'next/server';
import { isPublished, type PublicKind } from '@/db/queries/published';
import { parseRouteId } from '@/db/validation/search-params';

/**
 * Answers addresses that cannot be a page before any page runs.
 *
 * - A detail address whose id is malformed, unknown or unpublished is rewritten to a path no
 *   route matches, so the 404 page is rendered on the server. (Calling notFound() inside a
 *   dynamic page sends an empty shell that only JavaScript fills in — vercel/next.js #62228 —
 *   leaving residents without JavaScript a blank page. The pages still check for themselves.)
 * - An address with broken %-encoding gets the same 404 instead of a bare 500.
 *
 * Authorisation never lives here: every action and data function checks for itself.
 */
const DETAIL = /^\/(courses|stations|fairs)\/([^/]+)(?:\/calendar)?\/?$/;

function notFoundPage(req: NextRequest) {
  return NextResponse.rewrite(new URL('/_not-found', req.url));
}

export function proxy(req: NextRequest) {
  const raw = req.nextUrl.pathname;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return notFoundPage(req);
  }
  const m = DETAIL.exec(path);
  if (m) {
    const id = parseRouteId(m[2]);
    if (id === null || !isPublished(m[1] as PublicKind, id)) return notFoundPage(req);
  }
  return NextResponse.next();
}

export const config = {
  // Pages only: not Next's own files, the favicon or other static assets.
  matcher: ['/((?!_next/|favicon.ico|icon|.*\\.(?:png|svg|ico|txt|xml)$).*)'],
};
