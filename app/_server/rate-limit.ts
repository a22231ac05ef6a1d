/**
 * Per-address rate limits that keep the server's CPU for everyone.
 *
 * Token buckets, one per client address (db/auth/client-ip.ts: the connection's address, or the
 * client named by a trusted proxy — never a header the client chose) and budget: a bucket holds
 * up to `burst` tokens and refills at `perMinute`; a request takes `cost` tokens or is refused
 * with the seconds until it would fit. Buckets live in this process's memory only (one
 * `next start`); a restart forgets them, which is harmless. At most MAX_ADDRESSES addresses are
 * tracked per budget: the least recently seen is dropped first (it comes back with a full bucket).
 *
 * The budgets, and why these numbers (README, 限流):
 * - search — every server-action call (a request with a Next-Action header: the live searches of
 *            the course, station and fair lists, and every admin form) and sign-in posts;
 * - pages  — filtered list pages and site search loaded as whole pages (GET with a query string,
 *            the no-JavaScript path; the page cache never answers those), and every other POST
 *            to a page (a no-JavaScript form post renders the whole page, like a GET);
 * - api    — /api/v1 and the feeds, where a CSV download costs CSV_COST tokens.
 * The key is the address alone: varying the path, the query string or the method draws from the
 * same bucket. Methods a path does not serve are refused (405) before anything is counted.
 *
 * Everything here is pure or takes `now`, so it is tested on a fixed clock; the Next glue is in
 * rate-limit-http.ts (the proxy answers every refusal).
 */
import type { AddressSet } from '@/db/auth/client-ip';
import { serverConfig, type Budget, type BudgetName } from '@/db/config';

// The budgets' defaults and their environment overrides are read in db/config.ts.
export { DEFAULT_BUDGETS, type Budget, type BudgetName } from '@/db/config';
export const CSV_COST = 10;
export const MAX_ADDRESSES = 10_000;

export type Verdict = { ok: true; remaining: number } | { ok: false; retryAfter: number };

type Bucket = { tokens: number; at: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    readonly budget: Budget,
    readonly maxKeys = MAX_ADDRESSES,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  /** Takes `cost` tokens from `key`'s bucket at time `now` (ms), or says how long to wait (whole seconds). */
  take(key: string, now: number, cost = 1): Verdict {
    const { burst, perMinute } = this.budget;
    const rate = perMinute / 60_000; // tokens per ms
    const need = Math.min(Math.max(cost, 0), burst);
    const old = this.buckets.get(key);
    let tokens = burst;
    if (old) {
      // A clock that went backwards refills nothing (and takes nothing back).
      tokens = Math.min(burst, old.tokens + Math.max(0, now - old.at) * rate);
      this.buckets.delete(key); // re-inserted below: Map order = least recently seen first
    }
    let verdict: Verdict;
    if (tokens >= need) {
      tokens -= need;
      verdict = { ok: true, remaining: Math.floor(tokens) };
    } else {
      verdict = { ok: false, retryAfter: Math.max(1, Math.ceil((need - tokens) / rate / 1000)) };
    }
    this.buckets.set(key, { tokens, at: Math.max(now, old?.at ?? now) });
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
    return verdict;
  }
}

export type LimitConfig = { enabled: boolean; budgets: Record<BudgetName, Budget>; exempt: Pick<AddressSet, 'has' | 'size'> };

const API = /^\/api\/v1(\/|$)/;
const FEEDS = /^\/feeds(\/|$)/;
const AUTH = /^\/api\/auth(\/|$)/;
const LISTS = /^\/(courses|stations|fairs|jobs|search)\/?$/;

/**
 * Which budget a request draws from, and how much; null: not limited (a plain page from the page
 * cache, a detail page, next-auth's GETs). `action`: the request carries a Next-Action header.
 * Assumes the method is one the path answers (app/_server/hostile/methods.ts refused the others).
 */
export function classify(method: string, pathname: string, search: string, action = false): { budget: BudgetName; cost: number } | null {
  if (API.test(pathname)) return { budget: 'api', cost: /\.csv\/?$/.test(pathname) ? CSV_COST : 1 };
  if (FEEDS.test(pathname)) return { budget: 'api', cost: 1 };
  if (method === 'POST') return { budget: action || AUTH.test(pathname) ? 'search' : 'pages', cost: 1 };
  if (search === '' || search === '?') return null;
  if (LISTS.test(pathname)) return { budget: 'pages', cost: 1 };
  return null;
}

/** One process's limiter: a set of buckets per budget, under one configuration. */
export class RateLimiter {
  private readonly buckets: Record<BudgetName, TokenBuckets>;
  constructor(
    readonly config: LimitConfig,
    maxKeys = MAX_ADDRESSES,
  ) {
    this.buckets = {
      search: new TokenBuckets(config.budgets.search, maxKeys),
      pages: new TokenBuckets(config.budgets.pages, maxKeys),
      api: new TokenBuckets(config.budgets.api, maxKeys),
    };
  }

  check(budget: BudgetName, address: string, now: number, cost = 1): Verdict {
    if (!this.config.enabled || this.config.exempt.has(address)) return { ok: true, remaining: Infinity };
    return this.buckets[budget].take(address, now, cost);
  }
}

/**
 * The process-wide limiter. The proxy and the server actions are bundled apart, so the
 * instance is kept on globalThis to share one set of buckets.
 */
export function processLimiter(): RateLimiter {
  const g = globalThis as unknown as { __portalRateLimiter?: RateLimiter };
  return (g.__portalRateLimiter ??= new RateLimiter(serverConfig().rateLimit));
}
