/**
 * The address a request came from. Next fills X-Forwarded-For with the socket address only
 * when the header is absent; behind a reverse proxy (nginx's $proxy_add_x_forwarded_for) the
 * last entry is the address the proxy saw. So the last entry is used. Deploy behind a proxy
 * that sets the header: on its own, a client could write any address there (the per-account
 * count still holds).
 */
export function clientIp(headers: Pick<Headers, 'get'>): string {
  const xff = headers.get('x-forwarded-for');
  const last = xff?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  const ip = last || headers.get('x-real-ip') || 'unknown';
  return ip.replace(/^::ffff:/, '').slice(0, 64);
}
