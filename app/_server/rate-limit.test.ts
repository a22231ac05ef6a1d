import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseServerEnv } from '@/db/config';
import { classify, CSV_COST, DEFAULT_BUDGETS, RateLimiter, TokenBuckets } from './rate-limit';
import { rateLimitResponse } from './rate-limit-http';
import { refusedRetryAfter } from '@/components/rate-limit/action-refusal';
import { AddressSet, PEER_HEADER, peerHeaderValue, stampFor } from '@/db/auth/client-ip';

const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);

describe('token buckets on a fixed clock', () => {
  it('allows a full burst, then refuses with the seconds until one token is back', () => {
    const b = new TokenBuckets({ burst: 5, perMinute: 60 }); // one token a second
    for (let i = 0; i < 5; i++) assert.equal(b.take('a', T0).ok, true);
    const v = b.take('a', T0);
    assert.deepEqual(v, { ok: false, retryAfter: 1 });
    // Half a second later: still short.
    assert.equal(b.take('a', T0 + 500).ok, false);
    // One full second after the burst: one token again, and only one.
    assert.equal(b.take('a', T0 + 1000).ok, true);
    assert.equal(b.take('a', T0 + 1000).ok, false);
  });

  it('refills at the budget rate and never above the burst', () => {
    const b = new TokenBuckets({ burst: 10, perMinute: 600 }); // 10 a second
    for (let i = 0; i < 10; i++) b.take('a', T0);
    // An hour later the bucket holds 10, not 36 000.
    let served = 0;
    for (let i = 0; i < 50; i++) if (b.take('a', T0 + 3_600_000).ok) served++;
    assert.equal(served, 10);
  });

  it('a refused request takes nothing, so waiting Retry-After is always enough', () => {
    const b = new TokenBuckets({ burst: 2, perMinute: 6 }); // one token in 10 s
    b.take('a', T0);
    b.take('a', T0);
    let v = b.take('a', T0);
    for (let i = 0; i < 20; i++) v = b.take('a', T0 + i * 100); // spam while refused
    assert.equal(v.ok, false);
    const wait = v.ok ? 0 : v.retryAfter;
    assert.ok(wait >= 8 && wait <= 10, `retryAfter ${wait}`);
    assert.equal(b.take('a', T0 + 10_000).ok, true);
  });

  it('costs more than one token, capped at the burst so it can still pass when full', () => {
    const b = new TokenBuckets({ burst: 20, perMinute: 60 });
    assert.equal(b.take('a', T0, CSV_COST).ok, true);
    assert.equal(b.take('a', T0, CSV_COST).ok, true);
    const v = b.take('a', T0, CSV_COST);
    assert.deepEqual(v, { ok: false, retryAfter: 10 });
    const big = new TokenBuckets({ burst: 3, perMinute: 60 });
    assert.equal(big.take('a', T0, 50).ok, true);
  });

  it('one address spending its budget leaves every other address its own', () => {
    const b = new TokenBuckets({ burst: 3, perMinute: 60 });
    for (let i = 0; i < 100; i++) b.take('198.51.100.1', T0);
    assert.equal(b.take('198.51.100.1', T0).ok, false);
    assert.equal(b.take('198.51.100.2', T0).ok, true);
  });

  it('a clock that goes backwards refills nothing', () => {
    const b = new TokenBuckets({ burst: 2, perMinute: 60 });
    b.take('a', T0);
    b.take('a', T0);
    assert.equal(b.take('a', T0 - 60_000).ok, false);
    assert.equal(b.take('a', T0).ok, false);
    assert.equal(b.take('a', T0 + 1000).ok, true);
  });

  it('keeps memory bounded: past the cap the least recently seen address is dropped', () => {
    const b = new TokenBuckets({ burst: 1, perMinute: 1 }, 100);
    b.take('keep', T0);
    for (let i = 0; i < 1000; i++) {
      b.take(`10.0.${i >> 8}.${i & 255}`, T0 + i);
      if (i % 50 === 0) b.take('keep', T0 + i); // seen recently: stays tracked (and refused)
    }
    assert.equal(b.size, 100);
    assert.equal(b.take('keep', T0 + 1000).ok, false);
    // An address dropped long ago comes back with a full bucket.
    assert.equal(b.take('10.0.0.1', T0 + 1000).ok, true);
  });
});

describe('which requests draw from which budget', () => {
  it('filtered list pages and site search with a query string are pages; plain pages are not counted', () => {
    assert.deepEqual(classify('GET', '/courses', '?q=电工'), { budget: 'pages', cost: 1 });
    assert.deepEqual(classify('HEAD', '/stations/', '?street=3'), { budget: 'pages', cost: 1 });
    assert.deepEqual(classify('GET', '/fairs', '?page=99999'), { budget: 'pages', cost: 1 });
    assert.deepEqual(classify('GET', '/search', '?q=a'), { budget: 'pages', cost: 1 });
    assert.equal(classify('GET', '/courses', ''), null); // served from the page cache
    assert.equal(classify('GET', '/courses/12', '?x=1'), null);
    assert.equal(classify('GET', '/admin/courses', '?q=1'), null);
  });

  it('a POST to a page draws from the same page budget as a GET; a server-action call and a sign-in from the search budget', () => {
    assert.deepEqual(classify('POST', '/courses', '?q=电工&occupation=1'), { budget: 'pages', cost: 1 });
    assert.deepEqual(classify('POST', '/courses', ''), { budget: 'pages', cost: 1 }); // a no-JS form post renders the page
    assert.deepEqual(classify('POST', '/admin/courses/3/edit', ''), { budget: 'pages', cost: 1 });
    assert.deepEqual(classify('POST', '/courses', '?q=1', true), { budget: 'search', cost: 1 });
    assert.deepEqual(classify('POST', '/admin/stations/9', '', true), { budget: 'search', cost: 1 });
    assert.deepEqual(classify('POST', '/api/auth/callback/credentials', ''), { budget: 'search', cost: 1 });
    assert.equal(classify('GET', '/api/auth/session', ''), null);
  });

  it('every /api/v1 and feed request is api; a CSV download costs more', () => {
    assert.deepEqual(classify('GET', '/api/v1/courses', ''), { budget: 'api', cost: 1 });
    assert.deepEqual(classify('GET', '/api/v1/stations/3', '?a=b'), { budget: 'api', cost: 1 });
    assert.deepEqual(classify('GET', '/api/v1/runs.csv', ''), { budget: 'api', cost: CSV_COST });
    assert.deepEqual(classify('OPTIONS', '/api/v1', ''), { budget: 'api', cost: 1 });
    assert.deepEqual(classify('GET', '/feeds/courses.xml', ''), { budget: 'api', cost: 1 });
    assert.deepEqual(classify('HEAD', '/feeds/fairs.xml', '?type=x'), { budget: 'api', cost: 1 });
  });
});

describe('configuration from the environment (db/config.ts)', () => {
  const limitsOf = (env: Record<string, string>) => parseServerEnv(env).config.rateLimit;
  it('defaults, per-budget overrides, exemptions and RATE_LIMIT=off', () => {
    const d = limitsOf({});
    assert.equal(d.enabled, true);
    assert.deepEqual(d.budgets, DEFAULT_BUDGETS);
    assert.equal(d.exempt.size, 0);
    const c = limitsOf({ RATE_LIMIT_SEARCH_PER_MIN: '30', RATE_LIMIT_API_BURST: '7', RATE_LIMIT_PAGES_BURST: 'lots', RATE_LIMIT_EXEMPT: ' 10.0.0.1 , ::1,192.0.2.0/28' });
    assert.deepEqual(c.budgets.search, { burst: DEFAULT_BUDGETS.search.burst, perMinute: 30 });
    assert.deepEqual(c.budgets.api, { burst: 7, perMinute: DEFAULT_BUDGETS.api.perMinute });
    assert.deepEqual(c.budgets.pages, DEFAULT_BUDGETS.pages); // not a number: the default stays
    assert.equal(c.exempt.size, 3);
    for (const a of ['10.0.0.1', '::1', '192.0.2.0', '192.0.2.15']) assert.equal(c.exempt.has(a), true, a);
    for (const a of ['10.0.0.2', '192.0.2.16', 'unknown', '']) assert.equal(c.exempt.has(a), false, a);
    for (const off of ['off', 'OFF', '0', 'false']) assert.equal(limitsOf({ RATE_LIMIT: off }).enabled, false);
  });

  it('off and exempt addresses are never refused', () => {
    const tight = { search: { burst: 1, perMinute: 1 }, pages: { burst: 1, perMinute: 1 }, api: { burst: 1, perMinute: 1 } };
    const off = new RateLimiter({ enabled: false, budgets: tight, exempt: new AddressSet('') });
    const ex = new RateLimiter({ enabled: true, budgets: tight, exempt: new AddressSet('127.0.0.1') });
    for (let i = 0; i < 100; i++) {
      assert.equal(off.check('search', '198.51.100.9', T0).ok, true);
      assert.equal(ex.check('api', '127.0.0.1', T0).ok, true);
    }
    assert.equal(ex.check('api', '198.51.100.9', T0).ok, true);
    assert.equal(ex.check('api', '198.51.100.9', T0).ok, false);
  });
});

describe('the 429 and 405 answers', () => {
  const limiter = (exempt = '') =>
    new RateLimiter({ enabled: true, budgets: { search: { burst: 1, perMinute: 6 }, pages: { burst: 2, perMinute: 6 }, api: { burst: 2, perMinute: 6 } }, exempt: new AddressSet(exempt) });
  /** A request as the server sees it: stamped with the address of its connection. */
  const req = (path: string, peer: string, extra: Record<string, string> = {}, method = 'GET') =>
    new Request(`http://127.0.0.1:3000${path}`, { method, headers: { [PEER_HEADER]: peerHeaderValue(peer), ...extra } });

  it('a page load over budget gets a Chinese 429 page with Retry-After, whatever the query', async () => {
    const l = limiter();
    assert.equal(rateLimitResponse(req('/courses?q=1', '198.51.100.1'), l, T0), null);
    assert.equal(rateLimitResponse(req('/stations?street=2', '198.51.100.1'), l, T0), null);
    const r = rateLimitResponse(req('/fairs?type=x&n=3', '198.51.100.1', { cookie: 'a=b; ft_mode=elder' }), l, T0);
    assert.ok(r);
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '10');
    assert.match(r.headers.get('content-type') ?? '', /text\/html/);
    const html = await r.text();
    assert.match(html, /请稍后再试/);
    assert.match(html, /10 秒/);
    assert.match(html, /data-mode="elder"/);
    assert.match(html, /href="\/fairs\?type=x&#38;n=3"/); // the retry link, escaped
    assert.doesNotMatch(html, /<script/);
    // Another address is served; a plain page of the same address is not counted.
    assert.equal(rateLimitResponse(req('/fairs?type=x', '198.51.100.2'), l, T0), null);
    assert.equal(rateLimitResponse(req('/fairs', '198.51.100.1'), l, T0), null);
  });

  it('a rotating X-Forwarded-For from a direct client draws from the one bucket of its connection', () => {
    const l = limiter();
    const verdicts = Array.from({ length: 6 }, (_, i) =>
      rateLimitResponse(req('/courses?q=电工&occupation=1', '203.0.113.7', { 'x-forwarded-for': `10.9.${i}.${i}` }), l, T0)?.status ?? 200,
    );
    assert.deepEqual(verdicts, [200, 200, 429, 429, 429, 429]);
  });

  it('a forged X-Forwarded-For naming an exempt address is not exempt', () => {
    const l = limiter('127.0.0.1');
    const statuses = Array.from({ length: 4 }, () => rateLimitResponse(req('/api/v1/courses', '203.0.113.8', { 'x-forwarded-for': '127.0.0.1' }), l, T0)?.status ?? 200);
    assert.deepEqual(statuses, [200, 200, 429, 429]);
    // The exempt address itself, on its own connection, is never refused.
    for (let i = 0; i < 5; i++) assert.equal(rateLimitResponse(req('/api/v1/courses', '127.0.0.1'), l, T0), null);
  });

  it('POST cannot dodge the page budget: it is counted with GET (other methods never get here: app/_server/hostile/methods.ts)', () => {
    const l = limiter();
    const page = '/courses?q=电工&occupation=1';
    assert.equal(rateLimitResponse(req(page, '198.51.100.4'), l, T0), null);
    assert.equal(rateLimitResponse(req(page, '198.51.100.4'), l, T0), null);
    assert.equal(rateLimitResponse(req(page, '198.51.100.4'), l, T0)?.status, 429);
    assert.equal(rateLimitResponse(req(page, '198.51.100.4', {}, 'POST'), l, T0)?.status, 429);
    // Another address still has its own budget, for GET and POST alike.
    assert.equal(rateLimitResponse(req(page, '198.51.100.5', {}, 'POST'), l, T0), null);
  });

  it('the API over budget answers JSON rate_limited with Retry-After', async () => {
    const l = limiter();
    rateLimitResponse(req('/api/v1/courses', '198.51.100.3'), l, T0);
    rateLimitResponse(req('/feeds/fairs.xml', '198.51.100.3'), l, T0);
    const r = rateLimitResponse(req('/api/v1/stations?page=2', '198.51.100.3'), l, T0)!;
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get('retry-after')) >= 1);
    const body = (await r.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'rate_limited');
    assert.match(body.error.message, /请求过于频繁/);
  });

  it('a server-action call is counted too; over budget it gets a text/plain 429 the live search can read', async () => {
    const l = limiter();
    const action = () => req('/courses?q=1', '198.51.100.6', { 'next-action': 'abc' }, 'POST');
    assert.equal(rateLimitResponse(action(), l, T0), null);
    const r = rateLimitResponse(action(), l, T0)!;
    assert.equal(r.status, 429);
    // Exactly text/plain: Next's client passes on the text of no other type.
    assert.equal(r.headers.get('content-type'), 'text/plain');
    assert.equal(refusedRetryAfter(new Error(await r.text())), Number(r.headers.get('retry-after')));
    assert.equal(refusedRetryAfter(new Error('An unexpected response was received from the server.')), null);
  });

  it('Next forwarding an action call to its page is not counted a second time', () => {
    const l = limiter();
    const stamp = peerHeaderValue('198.51.100.7');
    const call = () => new Request('http://127.0.0.1:3000/', { method: 'POST', headers: { [PEER_HEADER]: stamp, 'next-action': 'abc' } });
    const forwarded = () => new Request('http://127.0.0.1:3000/courses', { method: 'POST', headers: { [PEER_HEADER]: stampFor(stamp, '127.0.0.1'), 'next-action': 'abc' } });
    assert.equal(rateLimitResponse(call(), l, T0), null);
    assert.equal(rateLimitResponse(forwarded(), l, T0), null);
    assert.equal(rateLimitResponse(call(), l, T0)?.status, 429);
    // A client that copies a stamp it cannot have made gets no pass.
    const fake = new Request('http://127.0.0.1:3000/', { method: 'POST', headers: { [PEER_HEADER]: '0000 198.51.100.8 relayed', 'next-action': 'abc' } });
    assert.equal(rateLimitResponse(fake, l, T0), null); // counted as 'unknown' (first token) …
    assert.equal(rateLimitResponse(fake, l, T0)?.status, 429); // … and refused like anyone
  });
});
