import type { Instrumentation } from 'next';

/**
 * Runs once when the server starts (`next start`, `next dev`; never during `next build`): refuse to
 * serve with a wrong configuration, guard the HTTP server against methods Next cannot take,
 * stamp each request with its peer address, then open the database so migrations apply before
 * any request, and build the list-search indexes.
 *
 * `process.env.NEXT_RUNTIME` is not configuration: Next writes it into each bundle at build time,
 * and only this literal lets the bundler drop the Node-only imports from an edge build.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Every variable is checked in db/config.ts. A server with a wrong one (no SITE_URL in
    // production, a TRUSTED_PROXIES entry that is no address …) would run on a guess — wrong
    // links, the wrong client addresses — so it stops here with every problem in one readable
    // line (in Chinese, each with the variable's name and an example) instead of a stack trace.
    const { configProblems, startupRefusal } = await import('./db/config');
    const problems = configProblems();
    if (problems.length > 0) {
      const { log } = await import('./db/log');
      log.error('startup.refused', startupRefusal(problems));
      process.exit(1);
    }
    // TRACE and unreadable request lines never reach proxy.ts: answer them on the HTTP server.
    const { installMethodGuard } = await import('./app/_server/hostile/forbidden-methods');
    installMethodGuard();
    // Stamp each request with its connection's address: the only client address no header can
    // choose (db/auth/client-ip.ts).
    const { stampPeerAddresses } = await import('./app/_server/peer-address');
    stampPeerAddresses();
    const { sharedDatabase } = await import('./db/client');
    sharedDatabase();
    // The list-search indexes (db/search/engine) are built now, not by the first resident's
    // request; a failure only means the first request builds them.
    try {
      const { warmListIndexes } = await import('./db/queries/warm-indexes');
      await warmListIndexes();
    } catch (err) {
      const { log } = await import('./db/log');
      log.error('startup.index_warm_failed', { err });
    }
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
