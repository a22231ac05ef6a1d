import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageCacheKey, type PageRequest } from './page-cache';

const NOW = Date.UTC(2026, 10, 23, 2, 30, 15); // 10:30:15 in Beijing

function req(over: Partial<PageRequest> & { headers?: Record<string, string>; cookies?: Record<string, string> } = {}): PageRequest {
  const headers = over.headers ?? { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
  const cookies = over.cookies ?? {};
  return {
    method: over.method ?? 'GET',
    pathname: over.pathname ?? '/courses',
    search: over.search ?? '',
    header: (n) => headers[n] ?? null,
    cookieNames: Object.keys(cookies),
    cookie: (n) => cookies[n],
  };
}

test('plain public pages are cached per mode and per minute', () => {
  for (const p of ['/', '/courses', '/stations', '/fairs', '/courses/12', '/stations/3', '/fairs/2000']) {
    assert.ok(pageCacheKey(req({ pathname: p }), NOW), p);
  }
  const standard = pageCacheKey(req(), NOW);
  const elder = pageCacheKey(req({ cookies: { ft_mode: 'elder' } }), NOW);
  assert.notEqual(standard, elder);
  // any other value of the mode cookie is the standard page, as the layout reads it
  assert.equal(pageCacheKey(req({ cookies: { ft_mode: 'nonsense' } }), NOW), standard);
  assert.equal(pageCacheKey(req(), NOW + 30_000), standard, 'same minute');
  assert.notEqual(pageCacheKey(req(), NOW + 60_000), standard, 'next minute');
  assert.equal(pageCacheKey(req({ method: 'HEAD' }), NOW), standard);
});

test('searches, other addresses, navigations, actions and personal pages are never cached', () => {
  const never: PageRequest[] = [
    req({ search: '?q=护理' }),
    req({ search: '?page=2' }),
    req({ method: 'POST' }),
    req({ pathname: '/admin' }),
    req({ pathname: '/admin/courses/1' }),
    req({ pathname: '/api/v1/stations' }),
    req({ pathname: '/search' }),
    req({ pathname: '/courses/subsidy-check' }),
    req({ pathname: '/courses/1/runs/2/card' }),
    req({ pathname: '/stations/3/card' }),
    req({ pathname: '/courses/0' }),
    req({ pathname: '/courses/abc' }),
    req({ pathname: '/courses/' }),
    req({ headers: { accept: '*/*', rsc: '1' } }),
    req({ headers: { accept: '*/*' } }),
    req({ headers: {} }),
    req({ headers: { accept: 'text/html', 'next-router-prefetch': '1' } }),
    req({ headers: { accept: 'text/html', 'next-action': 'abc' } }),
    req({ cookies: { ft_subsidy: 'a' } }),
    req({ cookies: { 'authjs.session-token': 'x' } }),
    req({ cookies: { '__Secure-authjs.session-token.0': 'x' } }),
  ];
  for (const r of never) assert.equal(pageCacheKey(r, NOW), null, `${r.method} ${r.pathname}${r.search}`);
});
