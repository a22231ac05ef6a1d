/**
 * Requests that really come from a chosen loopback address (127.0.0.2, 127.0.0.3 …: Linux routes
 * all of 127/8 to the loopback device, so a socket can be bound to any of them). Since the server
 * takes the client address from the connection (db/auth/client-ip.ts), this — not a header — is
 * how a test speaks as a distinct client. Also a TCP relay, so a browser can speak from one.
 */
import http from 'node:http';
import net from 'node:net';

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One HTTP request to `origin` from the local address `from`; redirects are not followed. */
export function send(
  origin: string,
  path: string,
  { from, method = 'GET', headers = {}, body }: { from: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const url = new URL(path, origin);
  // A body always goes with its length: Node sends DELETE and OPTIONS bodies unframed otherwise.
  const all = body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: all, localAddress: from, agent: false, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A rotating forged X-Forwarded-For, as the outside probe sent: a new "address" every request. */
export const rotating = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/**
 * Signs in through next-auth's credentials endpoint (what the login form ends up doing) from
 * `from`, returning where it was sent: '/admin…' on success, or the login page with
 * `code=credentials` (wrong password) or `code=throttled`.
 */
export async function credentialsSignIn(origin: string, from: string, username: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const csrf = await send(origin, '/api/auth/csrf', { from, headers });
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await send(origin, '/api/auth/callback/credentials', {
    from,
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: '/admin' }).toString(),
  });
  return String(res.headers.location ?? `HTTP ${res.status}`);
}

/**
 * A TCP relay on 127.0.0.1 whose connections to the server leave from `from`: a browser pointed at
 * the relay is, for the server, a client at `from`.
 */
export async function relayFrom(from: string, targetPort: number): Promise<{ origin: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort, localAddress: from });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Sends `count` requests `batch` at a time; returns the statuses in order. */
export async function burst(count: number, batch: number, one: (i: number) => Promise<Answer>): Promise<Answer[]> {
  const out: Answer[] = [];
  for (let sent = 0; sent < count; sent += batch) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - sent) }, (_, k) => one(sent + k)))));
  }
  return out;
}
