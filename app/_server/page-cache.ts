/**
 * The public page cache: whole HTML pages for residents' plain addresses (no query string),
 * kept in this process and served by proxy.ts without rendering again.
 *
 * What may be cached, and under which key, is decided by `pageCacheKey` (pure, unit-tested):
 * - only GET/HEAD page loads (the request accepts text/html) for the home page, the three lists and the three kinds of
 *   detail page, with no query string — filtered searches are always rendered (and zero-result
 *   searches still recorded);
 * - never the admin console, API, feeds, cards, calendars, or Next's client-navigation (RSC)
 *   and prefetch requests;
 * - never for a visitor whose page is their own: subsidy self-check answers (ft_subsidy) or a
 *   staff session cookie. Such requests are rendered every time;
 * - the key carries the 长辈版 mode (the only other cookie pages read) and the minute, so "open
 *   now" and "today" are at most a minute old.
 *
 * Freshness: an entry is kept only while the database's change stamp (db/queries/content-stamp.ts) is the one
 * it was rendered under, so the request after any commit — an admin's save included — renders
 * anew. A render that overlapped a commit is served but not kept.
 */
import { changeStamp } from '@/db/queries/content-stamp';

/** Pages that may be cached: '/', the lists, and one record's page. */
const CACHEABLE = /^\/(?:(?:courses|stations|fairs|jobs)(?:\/[1-9][0-9]{0,9})?)?$/;
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export type PageRequest = {
  method: string;
  pathname: string;
  search: string;
  /** Lower-case header lookup. */
  header: (name: string) => string | null;
  cookieNames: readonly string[];
  cookie: (name: string) => string | undefined;
};

/** The cache key for a request, or null when the request must be rendered for itself. */
export function pageCacheKey(req: PageRequest, now: number = Date.now()): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  if (req.search !== '' || !CACHEABLE.test(req.pathname)) return null;
  // Client navigations, prefetches and server actions are not whole documents.
  // Next hides its own navigation headers (RSC, prefetch) from the proxy, so ask for what a
  // browser's page load says: it accepts HTML. Client navigations and prefetches do not.
  if (!(req.header('accept') ?? '').includes('text/html')) return null;
  if (req.header('rsc') !== null || req.header('next-router-prefetch') !== null || req.header('next-action') !== null) return null;
  if (req.cookieNames.some((n) => n === 'ft_subsidy' || SESSION_COOKIE.test(n))) return null;
  const mode = req.cookie('ft_mode') === 'elder' ? 'elder' : 'standard';
  // Minute boundaries are the same instants in UTC and in Beijing time (a whole-hour offset).
  const minute = Math.floor(now / 60_000);
  return `${minute}|${mode}|${req.pathname}`;
}

export type CachedPage = {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** The change stamp it was rendered under. */
  stamp: string;
};

const MAX_BYTES = 32 * 1024 * 1024;

type Store = { map: Map<string, CachedPage>; bytes: number; minute: string; inflight: Map<string, Promise<CachedPage | null>> };
const g = globalThis as unknown as { __portalPageCache?: Store };
const store: Store = (g.__portalPageCache ??= { map: new Map(), bytes: 0, minute: '', inflight: new Map() });

function drop(key: string): void {
  const old = store.map.get(key);
  if (!old) return;
  store.bytes -= old.body.length;
  store.map.delete(key);
}

/** A fresh entry for `key`, or undefined. */
export function readPage(key: string): CachedPage | undefined {
  const hit = store.map.get(key);
  if (!hit) return undefined;
  if (hit.stamp !== changeStamp()) {
    // Anything changed since: every entry is stale, not just this one.
    store.map.clear();
    store.bytes = 0;
    return undefined;
  }
  store.map.delete(key);
  store.map.set(key, hit);
  return hit;
}

function keep(key: string, page: CachedPage): void {
  // A new minute: last minute's pages will never be asked for again.
  const minute = key.slice(0, key.indexOf('|'));
  if (minute !== store.minute) {
    store.map.clear();
    store.bytes = 0;
    store.minute = minute;
  }
  drop(key);
  store.map.set(key, page);
  store.bytes += page.body.length;
  while (store.bytes > MAX_BYTES && store.map.size > 1) drop(store.map.keys().next().value!);
}

/** Response headers worth keeping: what the page says about itself, never cookies or framing. */
const KEEP_HEADERS = new Set(['content-type', 'cache-control', 'vary', 'link', 'x-nextjs-prerender', 'content-language']);

/**
 * Renders `key`'s page once, however many requests ask at the same time, and keeps it when the
 * database did not change meanwhile. `render` fetches the page through Next itself.
 */
export async function renderPage(key: string, render: () => Promise<Response>): Promise<CachedPage | null> {
  const pending = store.inflight.get(key);
  if (pending) return pending;
  const job = (async () => {
    const before = changeStamp();
    const res = await render();
    if (res.status !== 200) return null;
    const body = Buffer.from(await res.arrayBuffer());
    const headers: [string, string][] = [];
    res.headers.forEach((value, name) => {
      if (KEEP_HEADERS.has(name)) headers.push([name, value]);
    });
    const page: CachedPage = { status: res.status, headers, body, stamp: before };
    if (changeStamp() === before) keep(key, page);
    return page;
  })()
    .catch(() => null)
    .finally(() => store.inflight.delete(key));
  store.inflight.set(key, job);
  return job;
}
