import type { Instrumentation } from 'next';

/**
 * Runs once when the server starts (`next start`, `next dev`; never during `next build`): refuse to
 * serve without a valid site address, guard the HTTP server against methods Next cannot take,
 * stamp each request with its peer address, then open the database so migrations apply before
 * any request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Every absolute link comes from SITE_URL alone (db/http/site-url.ts). A production server
    // without it would have no trustworthy origin for feeds, sitemap and 办事卡 links, so it stops
    // here with one readable line instead of serving wrong links (or a stack trace).
    const { siteUrlStartupProblem } = await import('./db/http/site-url');
    const problem = siteUrlStartupProblem(process.env);
    if (problem) {
      const { log } = await import('./db/log');
      const { siteUrlProblemText } = await import('./components/site/strings');
      log.error('startup.refused', { variable: 'SITE_URL', message: siteUrlProblemText(problem) });
      process.exit(1);
    }
    // TRACE and unreadable request lines never reach proxy.ts: answer them on the HTTP server.
    const { installMethodGuard } = await import('./db/hostile/forbidden-methods');
    installMethodGuard();
    // Stamp each request with its connection's address: the only client address no header can
    // choose (db/auth/client-ip.ts).
    const { stampPeerAddresses } = await import('./db/http/peer-address');
    stampPeerAddresses();
    const { sharedDatabase } = await import('./db/client');
    sharedDatabase();
  }
}

/**
 * Every error Next catches while rendering a page, running a route handler or a server action,
 * as one JSON line (db/log.ts). Headers are not logged (they carry the session cookie): only the
 * method, the path without its query, the route and the client address.
 */
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log } = await import('./db/log');
  const { clientIp } = await import('./db/auth/client-ip');
  const [path = '', query = ''] = request.path.split('?');
  const header = (name: string) => {
    const v = request.headers[name];
    return Array.isArray(v) ? v.join(', ') : (v ?? null);
  };
  log.error('request.error', {
    method: request.method,
    path: path.slice(0, 300),
    queryLength: query.length,
    route: context.routePath,
    routeType: context.routeType,
    renderSource: context.renderSource,
    ip: clientIp({ get: header }),
    requestId: header('x-request-id'),
    err,
  });
};
