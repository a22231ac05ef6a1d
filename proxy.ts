import { NextResponse, type NextRequest } from 'next/server';
import { isPublished, isPublishedRun, type PublicKind } from '@/db/queries/published';
import { parseRouteId } from '@/db/validation/search-params';
import { pageCacheKey, readPage, renderPage, type CachedPage } from '@/app/_server/page-cache';
import { randomBytes, randomUUID } from 'node:crypto';
import { applySecurityHeaders, cameOverHttps } from '@/app/_server/security-headers';
import { rateLimitResponse } from '@/app/_server/rate-limit-http';
import { refuseMalformedAction } from '@/app/_server/hostile/action-body';
import { refuseMethod } from '@/app/_server/hostile/methods';
import { refusalReason } from '@/app/_server/hostile/refusal';
import { clientIp } from '@/db/auth/client-ip';
import { log } from '@/db/log';
import { givenRequestId, requestLogsOn } from '@/app/_server/request-log';
import { serverConfig } from '@/db/config';

/**
 * Answers addresses that cannot be a page before any page runs.
 *
 * - A method the address does not answer gets a 405 with an Allow header (app/_server/hostile/methods.ts;
 *   TRACE, which never gets this far, is answered on the HTTP server: app/_server/hostile/forbidden-methods.ts).
 * - A server-action call or a page's multipart POST that Next would answer with a 500 — from
 *   another site, an unknown action, a body it cannot decode — gets a 4xx (app/_server/hostile/action-body.ts).
 *
 * - A detail address whose id is malformed, unknown or unpublished is rewritten to a path no
 *   route matches, so the 404 page is rendered on the server. (Calling notFound() inside a
 *   dynamic page sends an empty shell that only JavaScript fills in — vercel/next.js #62228 —
 *   leaving residents without JavaScript a blank page. The pages still check for themselves.)
 * - An address with broken %-encoding gets the same 404 instead of a bare 500.
 *
 * - A resident's plain page load (no query string, nothing personal) is answered from the page
 *   cache when the database has not changed since it was rendered (app/_server/page-cache.ts).
 *
 * - An admin address without a session cookie redirects to the sign-in page. That is all the
 *   proxy knows about admins: whether the session is alive, and what its user may do, is
 *   decided by every page, action and data function for itself (db/auth/guard.ts).
 *
 * Every request is counted against its address's budget or refused (app/_server/rate-limit-http.ts),
 * the address being the connection's own unless a trusted proxy names the client (db/auth/client-ip.ts).
 *
 * Every answer gets the security headers (app/_server/security-headers.ts; next.config.ts sends the
 * same on what Next answers itself) and one JSON log line (app/_server/request-log.ts; LOG_REQUESTS=off stops them).
 */
const DETAIL = /^\/(courses|stations|fairs)\/([^/]+)(?:\/calendar|\/card|\/poster\.png)?\/?$/;
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

/**
 * The page cache's own renders carry this header, so they pass through to the page. It is a
 * secret of this process: a visitor who sends the header name cannot skip the cache with it.
 */
const RENDER_HEADER = 'x-ft-page-render';
const g = globalThis as unknown as { __portalRenderToken?: string };
const RENDER_TOKEN = (g.__portalRenderToken ??= randomBytes(16).toString('hex'));

/** Where this server can reach itself (next start records its address in the environment). */
function selfOrigin(req: NextRequest): string {
  const { selfOrigin: origin, port } = serverConfig();
  return origin || `http://127.0.0.1:${port || req.nextUrl.port || 3000}`;
}

function cachedResponse(req: NextRequest, page: CachedPage, state: 'hit' | 'miss'): NextResponse {
  // Next compresses the response on its way out, as it does for rendered pages.
  const headers = new Headers(page.headers);
  headers.set('x-ft-cache', state);
  return new NextResponse(req.method === 'HEAD' ? null : new Uint8Array(page.body), { status: page.status, headers });
}

/** A resident's plain page from the cache, rendering it through Next when it is not there. */
async function fromPageCache(req: NextRequest): Promise<NextResponse | null> {
  if (!serverConfig().pageCache) return null;
  if (req.headers.get(RENDER_HEADER) === RENDER_TOKEN) return null;
  const key = pageCacheKey({
    method: req.method,
    pathname: req.nextUrl.pathname,
    search: req.nextUrl.search,
    header: (name) => req.headers.get(name),
    cookieNames: req.cookies.getAll().map((c) => c.name),
    cookie: (name) => req.cookies.get(name)?.value,
  });
  if (key === null) return null;
  const hit = readPage(key);
  if (hit) return cachedResponse(req, hit, 'hit');
  const mode = req.cookies.get('ft_mode')?.value;
  const page = await renderPage(key, () =>
    fetch(new URL(req.nextUrl.pathname, selfOrigin(req)), {
      headers: {
        [RENDER_HEADER]: RENDER_TOKEN,
        accept: 'text/html',
        'accept-encoding': 'identity',
        ...(mode === 'elder' ? { cookie: 'ft_mode=elder' } : {}),
      },
      redirect: 'manual',
      signal: AbortSignal.timeout(20_000),
    }),
  );
  return page ? cachedResponse(req, page, 'miss') : null;
}

async function route(req: NextRequest): Promise<NextResponse | Response> {
  // A method this address does not answer (PUT on a page, POST to a feed, PROPFIND …): a 405.
  const badMethod = refuseMethod(req);
  if (badMethod) return badMethod;
  // Over the address's search, page or API budget (a friendly 429; app/_server/rate-limit-http.ts).
  // Counted before the body is read, so a flood of bodies costs no more than a flood of anything else.
  const limited = rateLimitResponse(req);
  if (limited) return limited;
  // A server-action call Next would fail on: 403 from another site, 404 unknown action, 400/413 body.
  const badAction = await refuseMalformedAction(req);
  if (badAction) return badAction;
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
    if (id === null || !(await isPublished(m[1] as PublicKind, id))) return notFoundPage(req);
  }
  const run = RUN.exec(path);
  if (run) {
    const courseId = parseRouteId(run[1]);
    const runId = parseRouteId(run[2]);
    if (courseId === null || runId === null || !(await isPublishedRun(courseId, runId))) return notFoundPage(req);
  }
  return (await fromPageCache(req)) ?? NextResponse.next();
}

/** What the proxy did with a request, for its log line. */
function outcomeOf(res: NextResponse | Response): string {
  if (res.status === 429 || refusalReason(res) !== undefined) return 'refused';
  const cache = res.headers.get('x-ft-cache');
  if (cache) return `cache-${cache}`;
  if (res.headers.get('location')) return 'redirect';
  if (res.headers.get('x-middleware-rewrite')) return 'not-found';
  return 'next';
}

export async function proxy(req: NextRequest) {
  const started = performance.now();
  const res = await route(req);
  // A request passed on to Next gets the headers from next.config.ts; the proxy sets them only on
  // the answers it makes itself (page cache, redirects, 404 rewrites, refusals).
  if (res.headers.get('x-middleware-next') !== '1') {
    applySecurityHeaders(res.headers, cameOverHttps(req.url, req.headers.get('x-forwarded-proto')));
  }
  // The page cache's own render requests come back through here; the visitor's request is logged once.
  if (requestLogsOn() && req.headers.get(RENDER_HEADER) !== RENDER_TOKEN) {
    const id = givenRequestId(req.headers.get('x-request-id')) ?? randomUUID();
    res.headers.set('x-request-id', id);
    const outcome = outcomeOf(res);
    log.info('request', {
      id,
      method: req.method,
      path: req.nextUrl.pathname.slice(0, 300),
      queryLength: req.nextUrl.search.length,
      ip: clientIp(req.headers),
      outcome,
      // Why a hostile request was refused: its one line says it all (no second warning line).
      ...(refusalReason(res) ? { reason: refusalReason(res) } : {}),
      // Next re-sends an action call made at another page's address to itself; that copy is marked.
      ...(req.headers.has('x-action-forwarded') ? { forwarded: true } : {}),
      // The status and time are the proxy's own; a request passed on to Next ('next') is answered later.
      ...(outcome === 'next' ? {} : { status: res.status }),
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  }
  return res;
}

export const config = {
  // Everything but Next's own files and the icons (app/icon.svg, public/icons/): pages, the API,
  // and also the feeds, sitemap.xml, robots.txt, the manifest and public/sw.js, so that their
  // methods are checked and their requests logged like every other.
  matcher: ['/((?!_next/|favicon.ico|icon).*)'],
};
