import { NextResponse, type NextRequest } from 'next/server';
import { isPublished, isPublishedRun, type PublicKind } from '@/db/queries/published';
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
 * - An admin address without a session cookie redirects to the sign-in page. That is all the
 *   proxy knows about admins: whether the session is alive, and what its user may do, is
 *   decided by every page, action and data function for itself (db/auth/guard.ts).
 */
const DETAIL = /^\/(courses|stations|fairs)\/([^/]+)(?:\/calendar|\/card)?\/?$/;
/** A course run's 办事卡 and calendar file: the run must be published and belong to a published course. */
const RUN = /^\/courses\/([^/]+)\/runs\/([^/]+)\/(?:card|calendar)\/?$/;

function notFoundPage(req: NextRequest) {
  return NextResponse.rewrite(new URL('/_not-found', req.url));
}

/** next-auth's session cookie (the __Secure- form over HTTPS; large tokens are chunked .0 .1). */
function hasSessionCookie(req: NextRequest): boolean {
  return req.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

const ADMIN = /^\/admin(\/|$)/;
const ADMIN_PUBLIC = /^\/admin\/login\/?$/;

export function proxy(req: NextRequest) {
  const raw = req.nextUrl.pathname;
  if (ADMIN.test(raw) && !ADMIN_PUBLIC.test(raw)) {
    const target = `${raw}${req.nextUrl.search}`;
    // Page requests only: a POST (a server action) always reaches the action, which refuses
    // on its own — the proxy is a convenience, never the lock.
    if (!hasSessionCookie(req) && (req.method === 'GET' || req.method === 'HEAD')) {
      const login = new URL('/admin/login', req.url);
      login.searchParams.set('next', target);
      return NextResponse.redirect(login);
    }
    // Lets the console layout send a dead session back to where it was going.
    const headers = new Headers(req.headers);
    headers.set('x-admin-path', target);
    return NextResponse.next({ request: { headers } });
  }
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return notFoundPage(req);
  }
  const m = DETAIL.exec(path);
  // /courses/subsidy-check is a page of its own, not a course id.
  if (m && !(m[1] === 'courses' && m[2] === 'subsidy-check')) {
    const id = parseRouteId(m[2]);
    if (id === null || !isPublished(m[1] as PublicKind, id)) return notFoundPage(req);
  }
  const run = RUN.exec(path);
  if (run) {
    const courseId = parseRouteId(run[1]);
    const runId = parseRouteId(run[2]);
    if (courseId === null || runId === null || !isPublishedRun(courseId, runId)) return notFoundPage(req);
  }
  return NextResponse.next();
}

export const config = {
  // Pages only: not Next's own files, the favicon or other static assets.
  matcher: ['/((?!_next/|favicon.ico|icon|.*\\.(?:png|svg|ico|txt|xml)$).*)'],
};
