/**
 * Per-address rate limits that keep the server's CPU for everyone.
 *
 * Token buckets, one per client address (db/auth/client-ip.ts) and budget: a bucket holds up to
 * `burst` tokens and refills at `perMinute`; a request takes `cost` tokens or is refused with the
 * seconds until it would fit. Buckets live in this process's memory only (one `next start`); a
 * restart forgets them, which is harmless. At most MAX_ADDRESSES addresses are tracked per
 * budget: the least recently seen is dropped first (it comes back with a full bucket).
 *
 * The budgets, and why these numbers (README, 限流):
 * - search — the live search server actions of the course, station and fair lists;
 * - pages  — filtered list pages and site search loaded as whole pages (GET with a query string,
 *            the no-JavaScript path; the page cache never answers those);
 * - api    — /api/v1, where a CSV download costs CSV_COST tokens.
 * The key is the address alone: varying the path or the query string draws from the same bucket.
 *
 * Everything here is pure or takes `now`, so it is tested on a fixed clock; the Next glue is in
 * rate-limit-http.ts (proxy, API) and rate-limit-action.ts (server actions).
 */

export type BudgetName = 'search' | 'pages' | 'api';
export type Budget = { burst: number; perMinute: number };

export const DEFAULT_BUDGETS: Record<BudgetName, Budget> = {
  search: { burst: 120, perMinute: 300 },
  pages: { burst: 60, perMinute: 120 },
  api: { burst: 120, perMinute: 240 },
};
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

export type LimitConfig = { enabled: boolean; budgets: Record<BudgetName, Budget>; exempt: ReadonlySet<string> };

function positive(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * The limits from the environment:
 * RATE_LIMIT=off turns them all off (the benchmark does);
 * RATE_LIMIT_<SEARCH|PAGES|API>_PER_MIN and _BURST change one budget;
 * RATE_LIMIT_EXEMPT is a comma-separated list of addresses never limited.
 * A value that is not a positive number keeps the default.
 */
export function configFromEnv(env: Record<string, string | undefined>): LimitConfig {
  const budgets = {} as Record<BudgetName, Budget>;
  for (const name of Object.keys(DEFAULT_BUDGETS) as BudgetName[]) {
    const d = DEFAULT_BUDGETS[name];
    const up = name.toUpperCase();
    budgets[name] = {
      burst: positive(env[`RATE_LIMIT_${up}_BURST`], d.burst),
      perMinute: positive(env[`RATE_LIMIT_${up}_PER_MIN`], d.perMinute),
    };
  }
  const off = (env.RATE_LIMIT ?? '').trim().toLowerCase();
  const exempt = new Set(
    (env.RATE_LIMIT_EXEMPT ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  return { enabled: !['off', '0', 'false', 'no'].includes(off), budgets, exempt };
}

/** Which budget a request outside a server action draws from, and how much; null: not limited here. */
export function classify(method: string, pathname: string, search: string): { budget: BudgetName; cost: number } | null {
  if (/^\/api\/v1(\/|$)/.test(pathname)) return { budget: 'api', cost: /\.csv\/?$/.test(pathname) ? CSV_COST : 1 };
  if (method !== 'GET' && method !== 'HEAD') return null;
  if (search === '' || search === '?') return null;
  if (/^\/(courses|stations|fairs|search)\/?$/.test(pathname)) return { budget: 'pages', cost: 1 };
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
  return (g.__portalRateLimiter ??= new RateLimiter(configFromEnv(process.env)));
}
