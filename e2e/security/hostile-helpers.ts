/**
 * Shared pieces of the hostile-input HTTP specs: the build's server-action ids, a bounded pool
 * of requests in flight, test client addresses, and the "no 5xx, no stack trace" check.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';

type ManifestEntry = { filename?: string; exportedName?: string };

/** Server actions whose file starts with `prefix`, from the build's server-reference manifest. */
export function actionsUnder(prefix: string): { id: string; key: string; file: string; name: string }[] {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  const file = path.resolve(dist, 'server/server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .filter(([, e]) => e.filename?.startsWith(prefix))
    .map(([id, e]) => ({ id, key: `${e.filename}#${e.exportedName}`, file: e.filename!, name: e.exportedName! }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

let batch = 0;
/**
 * A test client address for the next batch of requests (198.18.0.0/15, the benchmarking range),
 * so the per-address limits (app/_server/rate-limit.ts) never mistake this spec for one abusive
 * client: each batch gets an address of its own (unique for 64 000 batches per worker).
 */
export function nextTestIp(): string {
  batch += 1;
  return `198.${18 + (process.pid % 2)}.${Math.floor(batch / 250) % 256}.${(batch % 250) + 1}`;
}

/**
 * Runs `jobs` with at most `inFlight` at once; a new client address every `perIp` jobs. Ten
 * requests an address stay inside every budget's burst, even CSV downloads (which count 10 each
 * against a burst of 120), so what is tested is the input, never the limit.
 */
export async function pool<T>(jobs: ((ip: string) => Promise<T>)[], inFlight = 8, perIp = 10): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  let ip = nextTestIp();
  async function worker() {
    while (next < jobs.length) {
      const i = next++;
      if (i % perIp === 0) ip = nextTestIp();
      out[i] = await jobs[i]!(ip);
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker));
  return out;
}

/** What went wrong with a response, or null: a 5xx, or a stack trace / raw error in the body. */
export function problemOf(label: string, status: number, body: string): string | null {
  label = label.slice(0, 160);
  if (status >= 500) return `${label} → ${status}: ${body.slice(0, 200)}`;
  if (/\n\s+at [\w.<>$]+ \(|\bError: |TypeError|SQLITE_|node_modules\//.test(body)) return `${label} → ${status} with an error text: ${body.slice(0, 200)}`;
  return null;
}

export type Tally = { tried: number; s4xx: number; s5xx: number; clientHeaderOverflow: number; problems: string[] };
export const newTally = (): Tally => ({ tried: 0, s4xx: 0, s5xx: 0, clientHeaderOverflow: 0, problems: [] });

/** One request counted into `t`. */
export async function check(t: Tally, label: string, send: () => Promise<APIResponse>): Promise<void> {
  t.tried++;
  let res: APIResponse;
  try {
    res = await send();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // Next's trailing-slash redirect repeats a long address twice (Location and Refresh), which
    // can outgrow the test client's 16 KB header limit; a browser reads it. Counted, not failed.
    if (/Header overflow/.test(message)) t.clientHeaderOverflow++;
    else t.problems.push(`${label.slice(0, 160)} → no answer: ${message.split('\n')[0]!.slice(0, 160)}`);
    return;
  }
  const s = res.status();
  if (s >= 500) t.s5xx++;
  else if (s >= 400) t.s4xx++;
  const body = await res.text().catch(() => '');
  const p = problemOf(label, s, body);
  if (p) t.problems.push(p);
  // A refusal by the rate limiter would mean the input never reached the code under test.
  else if (s === 429 || body.includes('"rateLimited"')) t.problems.push(`${label.slice(0, 160)} → rate limited: the input was not tested`);
}

export function report(title: string, tallies: Record<string, Tally>): string {
  const rows = Object.entries(tallies).map(
    ([k, t]) => `  ${k.padEnd(48)} tried ${String(t.tried).padStart(5)}  4xx ${String(t.s4xx).padStart(5)}  5xx ${t.s5xx}${t.clientHeaderOverflow ? `  (redirect headers too long for the test client: ${t.clientHeaderOverflow})` : ''}`,
  );
  const all = Object.values(tallies).reduce((a, t) => ({ tried: a.tried + t.tried, s4xx: a.s4xx + t.s4xx, s5xx: a.s5xx + t.s5xx }), { tried: 0, s4xx: 0, s5xx: 0 });
  return `${title}\n${rows.join('\n')}\n  ${'total'.padEnd(48)} tried ${String(all.tried).padStart(5)}  4xx ${String(all.s4xx).padStart(5)}  5xx ${all.s5xx}`;
}

/** A raw POST to a server action the way the browser's fetch does it. */
export function postAction(request: APIRequestContext, pathname: string, id: string, body: string | Buffer, ip: string, contentType = 'text/plain;charset=UTF-8') {
  return request.post(pathname, {
    headers: { 'Next-Action': id, 'Content-Type': contentType, Accept: 'text/x-component', 'X-Forwarded-For': ip },
    data: body,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

export type RawAnswer = { status: number; head: string; body: string };

/**
 * One request written byte for byte on its own connection, for what an HTTP client library will
 * not send: lower-case, odd or overlong methods, TRACE and CONNECT, broken Content-Types. The
 * answer is read to the end (Connection: close). status 0: the server closed without answering.
 */
export function rawRequest(port: number, req: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer }, timeoutMs = 20_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? null : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, Connection: 'close', ...(req.headers ?? {}) };
    if (body) headers['Content-Length'] = String(body.length);
    const head = `${req.method} ${req.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer in ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {
      /* a reset after the answer is read is fine; the answer (or its absence) is judged on close */
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const cut = text.indexOf('\r\n\r\n');
      const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: statusLine ? Number(statusLine[1]) : 0, head: cut < 0 ? text : text.slice(0, cut), body: cut < 0 ? '' : text.slice(cut + 4) });
    });
    socket.write(head);
    if (body) socket.write(body);
  });
}

/** Runs `jobs` with at most `inFlight` at once. */
export async function inPool<T>(jobs: (() => Promise<T>)[], inFlight = 6): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]!();
      }
    }),
  );
  return out;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** What in a server's own output shows an error escaped: a stack frame, Next's ⨯ marker, an error-level line. */
export function outputProblems(output: string): string[] {
  return output
    .split('\n')
    .filter((l) => /^\s+at \S|⨯|"level":"error"|Error: /.test(l))
    .slice(0, 20);
}
