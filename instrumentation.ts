import type { Instrumentation } from 'next';

/**
 * Runs once when the server starts: stamp each request with its connection's address (the only
 * client address no header can choose, db/auth/client-ip.ts), and open the database so
 * migrations apply before any request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
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
