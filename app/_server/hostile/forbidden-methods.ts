/**
 * Methods that never reach the proxy. Next turns every request into a WHATWG Request before
 * the proxy or a route handler sees it, and that constructor throws on TRACE (and CONNECT,
 * TRACK): Next answers with a 500 and prints the stack. So these are answered one step
 * earlier, on the Node HTTP server itself, with the same 405 the proxy gives other methods
 * (Allow header, Chinese sentence, security headers, one log line).
 *
 * Installed once from instrumentation.ts register(), which runs in the process that owns the
 * server (`next start`, `next dev`). It wraps http.Server.prototype.emit, the one place every
 * request passes before Next's listener; all other requests go on untouched.
 */
import http from 'node:http';
import { hostileInputText as T } from '@/components/hostile-input/strings';
import type { Socket } from 'node:net';
import { cameOverHttps, securityHeaders } from '../security-headers';
import { clientIp } from '@/db/auth/client-ip';
import { log } from '@/db/log';
import { givenRequestId, requestLogsOn } from '../request-log';
import { allowedMethods } from './methods';

/** Methods the Fetch standard forbids in a Request: new Request() throws on them. */
export const UNREPRESENTABLE = new Set(['TRACE', 'TRACK', 'CONNECT']);

const g = globalThis as unknown as { __portalMethodGuard?: boolean };
const answered = new WeakSet<http.Server>();

/** The path of a request target, for the Allow header and the log ('*' and absolute forms included). */
function pathOf(target: string | undefined): string {
  try {
    return new URL(target ?? '/', 'http://x').pathname;
  } catch {
    return '/';
  }
}

/** Next adds X-Forwarded-For itself after this point; here the socket is the client. */
const remote = (fromHeaders: string, socket: string | undefined) => (fromHeaders === 'unknown' && socket ? socket : fromHeaders);

/** Answers `req` when its method cannot be represented; true when it did. */
export function answerUnrepresentable(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (!UNREPRESENTABLE.has(req.method ?? '')) return false;
  const started = performance.now();
  const path = pathOf(req.url);
  const allow = allowedMethods(path).join(', ');
  const body = Buffer.from(T.methodNotAllowed(allow));
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(', ') : (v ?? null);
  };
  res.writeHead(405, {
    ...securityHeaders(cameOverHttps('http://x', header('x-forwarded-proto'))),
    Allow: allow,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  // Never echo a TRACE request back (the point of TRACE, and of cross-site tracing attacks).
  res.end(body);
  // The request body, if any, is not read; drop it so the connection can be reused or closed.
  req.resume();
  if (requestLogsOn()) {
    const id = givenRequestId(header('x-request-id'));
    log.info('request', { ...(id ? { id } : {}), method: req.method, path: path.slice(0, 300), ip: remote(clientIp({ get: header }), req.socket.remoteAddress), outcome: 'refused', reason: 'method', status: 405, ms: Math.round((performance.now() - started) * 10) / 10 });
  }
  return true;
}

/** Node's own answers to a request it cannot parse, by parser error (what its default handler sends). */
const PARSE_STATUS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/**
 * A request line Node's parser cannot read (a lower-case or unknown method, broken headers, an
 * overlong header block): Node's default answer is a bare 400 with no body and no log line.
 * The same status, with a Chinese sentence and the one log line every refusal gets.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  const code = err.code ?? '';
  // A client that hung up is not an error to report, nor anyone to answer.
  if (code !== 'ECONNRESET' && socket.writable && !(socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
    const [status, text] = PARSE_STATUS[code] ?? [400, 'Bad Request'];
    const body = Buffer.from(T.badRequest);
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n`,
    );
    socket.write(body);
    if (requestLogsOn()) log.info('request', { outcome: 'refused', reason: `unparsable request (${code.slice(0, 40)})`, status, ip: socket.remoteAddress ?? '' });
  }
  socket.destroy();
}

/** CONNECT: this server is no proxy. The same 405 as TRACE, written on the bare socket. */
function answerConnect(req: http.IncomingMessage, socket: Socket): void {
  const allow = 'GET, HEAD';
  const body = Buffer.from(T.methodNotAllowed(allow));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${allow}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n`,
    );
    socket.write(body);
  }
  socket.end();
  const given = req.headers['x-request-id'];
  const id = givenRequestId(typeof given === 'string' ? given : undefined);
  if (requestLogsOn()) log.info('request', { ...(id ? { id } : {}), method: 'CONNECT', path: String(req.url ?? '').slice(0, 300), ip: socket.remoteAddress ?? '', outcome: 'refused', reason: 'method', status: 405 });
}

/** Puts the guard in front of every HTTP server of this process (once). */
export function installMethodGuard(): void {
  if (g.__portalMethodGuard) return;
  g.__portalMethodGuard = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    // Node drops a CONNECT silently unless the server listens for it, and checks before emitting:
    // so the listener is added to each server the first time it emits anything ('listening', 'connection').
    if (!answered.has(this)) {
      answered.add(this);
      if (this.listenerCount('connect') === 0) this.on('connect', (req: http.IncomingMessage, socket: Socket) => answerConnect(req, socket));
    }
    if (event === 'request' && answerUnrepresentable(args[0] as http.IncomingMessage, args[1] as http.ServerResponse)) return true;
    // Only when nobody else listens (Next does not): a listener of its own keeps its say.
    if (event === 'clientError' && this.listenerCount('clientError') === 0) {
      answerClientError(args[0] as NodeJS.ErrnoException, args[1] as Socket);
      return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
