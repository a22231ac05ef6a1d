/**
 * Which HTTP methods each address answers. Everything else is refused with a 405, an Allow
 * header and a Chinese sentence before Next runs: Next renders a page for PUT, DELETE or
 * PROPFIND as if it were a GET, and fails with a 500 (and a stack trace) on TRACE, which its
 * request object cannot represent.
 *
 * - pages: GET and HEAD; POST only as a server action — a call with the Next-Action header, or
 *   a form posted without JavaScript (multipart/form-data, the only encoding React gives action
 *   forms). Any other POST to a page is not something this site sends.
 * - the open-data API: GET, HEAD and OPTIONS (it is public and cross-origin, Next answers OPTIONS).
 * - feeds, sitemap, robots, calendar files, share posters, the offline page, the 长辈版 switch, spreadsheet downloads: GET, HEAD.
 * - the two route handlers that take a POST: the subsidy self-check form and the spreadsheet
 *   upload (next-auth's endpoints are GET only: sign-in and sign-out are server actions).
 *
 * Pure (no Next, no I/O): proxy.ts calls refuseMethod(), and the Node-level guard in
 * forbidden-methods.ts reads allowedMethods() for the methods that never reach the proxy.
 */
import { hostileInputText as T } from '@/components/hostile-input/strings';
import { refusal } from './refusal';

const READ = ['GET', 'HEAD'] as const;
const ROUTES: [RegExp, readonly string[]][] = [
  // next-auth's endpoints: only its own redirects (GETs) come here. Signing in and out from the
  // login page are server actions that call next-auth in-process. next-auth logs an error for
  // anything else (MissingCSRF for a POST, UnknownAction for a HEAD), so a scanner would fill the log.
  // The one exception: the credentials callback, next-auth's own sign-in endpoint, which a
  // program signing in without the login page posts to (the soak and address tests do). It goes
  // through the same authorize() and throttle as the login form.
  [/^\/api\/auth\/callback\/credentials\/?$/, ['POST']],
  [/^\/api\/auth(\/|$)/, ['GET']],
  [/^\/api\/v1(\/|$)/, ['GET', 'HEAD', 'OPTIONS']],
  // No other /api address exists: a read-only 404 rather than a page POST.
  [/^\/api(\/|$)/, READ],
  [/^\/feeds\//, READ],
  [/^\/(sitemap\.xml|robots\.txt)$/, READ],
  [/^\/elder\/?$/, READ],
  [/^\/offline\/?$/, READ],
  [/^\/(courses|fairs|stations)\/[^/]+(\/runs\/[^/]+)?\/calendar\/?$/, READ],
  [/^\/(courses|fairs|stations)\/[^/]+\/poster\.png$/, READ],
  [/^\/courses\/subsidy-check\/answers\/?$/, ['GET', 'HEAD', 'POST']],
  [/^\/admin\/spreadsheets\/import\/upload\/?$/, ['POST']],
  [/^\/admin\/spreadsheets\/(export|template)\//, READ],
];

/** The methods `pathname` answers (a page's POST is for server actions only, and not advertised). */
export function allowedMethods(pathname: string): readonly string[] {
  for (const [pattern, methods] of ROUTES) if (pattern.test(pathname)) return methods;
  return READ;
}

/** Whether a request to a route handler (not a page) is one of the ROUTES above. */
export function isRouteHandler(pathname: string): boolean {
  return ROUTES.some(([pattern]) => pattern.test(pathname));
}

type Req = { method: string; headers: Pick<Headers, 'get' | 'has'>; nextUrl: { pathname: string } };

/**
 * A POST Next's action handler would take as a server action: the Next-Action header, or a
 * multipart body (matched as Next matches it, case-sensitively, so both agree on every request).
 */
export function isActionPost(req: { method: string; headers: Pick<Headers, 'get' | 'has'> }): boolean {
  if (req.method !== 'POST') return false;
  return req.headers.has('next-action') || (req.headers.get('content-type') ?? '').startsWith('multipart/form-data');
}

/**
 * For the proxy: a 405 for a method this address does not answer, or null. Kept apart from the
 * rate limit and the action checks so each can change without the others.
 */
export function refuseMethod(req: Req): Response | null {
  const path = req.nextUrl.pathname;
  const allowed = allowedMethods(path);
  if (allowed.includes(req.method)) return null;
  if (!isRouteHandler(path) && isActionPost(req)) return null;
  return methodNotAllowed(allowed, path);
}

/** 405 with Allow; the open-data API answers in its own JSON error shape, for the programs that call it. */
export function methodNotAllowed(allowed: readonly string[], pathname = '/'): Response {
  const allow = allowed.join(', ');
  if (/^\/api\/v1(\/|$)/.test(pathname)) {
    const body = JSON.stringify({ error: { code: 'method_not_allowed', message: T.methodNotAllowed(allow) } });
    return refusal(405, body, 'method', { Allow: allow, 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
  }
  return refusal(405, T.methodNotAllowed(allow), 'method', { Allow: allow });
}
