/**
 * Structured logs: one JSON object per line — info on stdout, warn and error on stderr — so a
 * log collector can read them without parsing prose. Every line passes through redact() first:
 * keys that name a secret (password, token, cookie, authorization, secret, session …) are masked
 * whatever their value, and any string that looks like a session token or a JWT is masked
 * wherever it appears. Usernames, paths and addresses are kept; they are what an operator needs.
 *
 *   log.info('auth.signin', { username: 'admin', ip })
 *   log.error('admin.action.failed', { action: 'saveCourse', err })
 *
 * Imports nothing (free of Next and the database): the data layer, proxy.ts, instrumentation.ts
 * and the CLI can all use it. Whether each request gets a line is the web layer's business
 * (app/_server/request-log.ts).
 */
export type Level = 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;

export const MASK = '[redacted]';

/** Key names whose values never reach a log line (matched case-insensitively, anywhere in the key). */
const SECRET_KEY = /pass(word|wd)?|pwd|token|cookie|authori[sz]ation|secret|session|sid$|^sid|credential|api[-_]?key|hash|csrf/i;

/** A JWT / JWE (next-auth's cookie): a JSON header in base64url, then 2–4 more dot-separated segments (a JWE's key segment may be empty). */
const JWT = /\beyJ[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*){2,4}/g;
/** Our own session ids: 32 random bytes as base64url (43 characters), or anything like it. */
const OPAQUE_TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/g;
/** "authjs.session-token=…" and friends inside a longer string (a Cookie header pasted into a message). */
const COOKIE_PAIR = /((?:__Secure-|__Host-)?authjs\.[a-z-]+(?:\.\d+)?=)[^;\s]*/gi;
/** "Bearer …" inside a string. */
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

function scrubString(s: string): string {
  return s.replace(COOKIE_PAIR, `$1${MASK}`).replace(BEARER, `$1 ${MASK}`).replace(JWT, MASK).replace(OPAQUE_TOKEN, MASK);
}

const MAX_DEPTH = 6;
const MAX_STRING = 2000;

/** A copy of `value` that is safe to log (secrets masked, errors flattened, cycles cut). */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return scrubString(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (depth >= MAX_DEPTH) return '[…]';
  if (seen.has(value as object)) return '[circular]';
  seen.add(value as object);
  if (value instanceof Error) {
    const out: Fields = { name: value.name, message: redact(value.message, depth + 1, seen) };
    const digest = (value as { digest?: unknown }).digest;
    if (typeof digest === 'string') out.digest = digest;
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') out.code = code;
    if (value.stack) out.stack = redact(value.stack.split('\n').slice(0, 8).join('\n'), depth + 1, seen);
    if (value.cause !== undefined) out.cause = redact(value.cause, depth + 1, seen);
    return out;
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1, seen));
  if (value instanceof Headers) return redact(Object.fromEntries(value.entries()), depth + 1, seen);
  const out: Fields = {};
  for (const [k, v] of Object.entries(value as Fields)) {
    out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null && v !== '' ? MASK : redact(v, depth + 1, seen);
  }
  return out;
}

type Sink = (level: Level, line: string) => void;

const defaultSink: Sink = (level, line) => {
  (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
};

let sink: Sink = defaultSink;

/** Tests capture lines here; `null` restores stdout/stderr. */
export function setLogSink(s: Sink | null): void {
  sink = s ?? defaultSink;
}

/** The line that would be written (exported for tests). */
export function formatLine(level: Level, event: string, fields: Fields = {}): string {
  const safe = redact(fields) as Fields;
  return JSON.stringify({ time: new Date().toISOString(), level, event: scrubString(event), ...safe });
}

function write(level: Level, event: string, fields?: Fields): void {
  try {
    sink(level, formatLine(level, event, fields));
  } catch {
    // A log line must never take a request down with it.
  }
}

export const log = {
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields),
};
