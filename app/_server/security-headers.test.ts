/** The security header values and when HSTS is sent. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BASE_SECURITY_HEADERS,
  CONTENT_SECURITY_POLICY,
  applySecurityHeaders,
  cameOverHttps,
  nextConfigHeaderRules,
  PREVIEW_FRAME_CSP,
  PREVIEW_FRAME_PATHS,
  PREVIEW_PAGE_CSP,
  PREVIEW_PAGE_PATHS,
  securityHeaders,
} from './security-headers';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name as string, values] as const),
  );
}

describe('Content-Security-Policy', () => {
  const d = directives(CONTENT_SECURITY_POLICY);

  it('has the strict directives the issue asks for', () => {
    assert.deepEqual(d.get('default-src'), ["'self'"]);
    assert.deepEqual(d.get('object-src'), ["'none'"]);
    assert.deepEqual(d.get('base-uri'), ["'self'"]);
    assert.deepEqual(d.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(d.get('form-action'), ["'self'"]);
    assert.deepEqual(d.get('connect-src'), ["'self'"]);
  });

  it('never allows eval, and scripts only from this site', () => {
    assert.ok(!CONTENT_SECURITY_POLICY.includes('unsafe-eval'));
    assert.ok(!CONTENT_SECURITY_POLICY.includes('wasm-unsafe-eval'));
    assert.deepEqual(d.get('script-src'), ["'self'", "'unsafe-inline'"], 'no host, no scheme, no wildcard');
  });

  it('lets the maps draw HTTPS tiles and data: icons, but no other scheme', () => {
    assert.deepEqual(d.get('img-src'), ["'self'", 'data:', 'blob:', 'https:']);
    for (const [name, values] of d) {
      assert.ok(!values.includes('*'), `${name} has no wildcard`);
      assert.ok(!values.includes('http:'), `${name} allows no plain http`);
    }
  });

  it('has each directive once, and no newline or comma that would break the header', () => {
    const names = CONTENT_SECURITY_POLICY.split(';').map((p) => p.trim().split(/\s+/)[0]);
    assert.equal(new Set(names).size, names.length);
    assert.ok(!/[\r\n,]/.test(CONTENT_SECURITY_POLICY));
  });
});

describe('the other headers', () => {
  it('are the expected values', () => {
    assert.equal(BASE_SECURITY_HEADERS['X-Content-Type-Options'], 'nosniff');
    assert.equal(BASE_SECURITY_HEADERS['Referrer-Policy'], 'strict-origin-when-cross-origin');
    assert.equal(BASE_SECURITY_HEADERS['X-Frame-Options'], 'DENY');
    const pp = BASE_SECURITY_HEADERS['Permissions-Policy'] ?? '';
    for (const off of ['camera=()', 'microphone=()', 'payment=()']) assert.ok(pp.includes(off), off);
    assert.ok(pp.includes('geolocation=(self)'), 'the station search may ask for the position');
  });

  it('send HSTS only over HTTPS', () => {
    assert.equal(securityHeaders(false)['Strict-Transport-Security'], undefined);
    assert.match(securityHeaders(true)['Strict-Transport-Security'] ?? '', /^max-age=31536000/);
  });

  it('applySecurityHeaders replaces earlier values', () => {
    const h = new Headers({ 'content-security-policy': "default-src *", 'x-ft-cache': 'hit' });
    applySecurityHeaders(h, true);
    assert.equal(h.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(h.get('x-ft-cache'), 'hit');
    assert.ok(h.get('strict-transport-security'));
  });
});

describe('cameOverHttps', () => {
  it('believes X-Forwarded-Proto first, then the URL', () => {
    assert.equal(cameOverHttps('http://127.0.0.1:3000/', 'https'), true);
    assert.equal(cameOverHttps('http://127.0.0.1:3000/', 'HTTPS, http'), true);
    assert.equal(cameOverHttps('http://127.0.0.1:3000/', 'http'), false);
    assert.equal(cameOverHttps('https://portal.example/', 'http'), false, 'the proxy knows how the visitor came');
    assert.equal(cameOverHttps('https://portal.example/', null), true);
    assert.equal(cameOverHttps('http://portal.example/', undefined), false);
    assert.equal(cameOverHttps('not a url', ''), false);
  });
});

describe('nextConfigHeaderRules', () => {
  it('covers every path, with HSTS under an x-forwarded-proto condition that matches https only', () => {
    const rules = nextConfigHeaderRules();
    // Every path gets the base headers first; the only other rules are the preview's framing exception (below).
    assert.equal(rules[0]?.source, '/:path*');
    assert.ok(rules.filter((r) => r.source !== '/:path*').every((r) => r.source.startsWith('/admin/') && r.source.includes('/preview')));
    const base = rules.find((r) => !r.has && r.source === '/:path*')!;
    assert.deepEqual(Object.fromEntries(base.headers.map((h) => [h.key, h.value])), BASE_SECURITY_HEADERS);
    const hsts = rules.find((r) => r.has)!;
    const re = new RegExp(`^${hsts.has?.[0]?.value}$`);
    assert.ok(re.test('https') && re.test('https, http'));
    assert.ok(!re.test('http') && !re.test('xhttps'));
  });
});

describe('the admin preview frame', () => {
  const rules = nextConfigHeaderRules();
  const others = rules.filter((r) => r.source !== '/:path*');

  it('is the only relaxation, on the preview pages and their frames alone', () => {
    assert.deepEqual(others.map((r) => r.source).sort(), [...PREVIEW_PAGE_PATHS, ...PREVIEW_FRAME_PATHS].sort());
    for (const r of others) assert.ok(/^\/admin\/(courses|fairs)\/:id\/preview(\/frame)?$/.test(r.source), r.source);
  });

  it('lets the preview page frame this site only, and nothing else changes', () => {
    const page = directives(PREVIEW_PAGE_CSP);
    const base = directives(CONTENT_SECURITY_POLICY);
    assert.deepEqual(page.get('frame-src'), ["'self'"]);
    assert.deepEqual(page.get('frame-ancestors'), ["'none'"]);
    for (const [name, values] of base) if (name !== 'frame-src') assert.deepEqual(page.get(name), values, name);
    for (const r of others.filter((r) => !r.source.endsWith('/frame'))) {
      assert.deepEqual(r.headers, [{ key: 'Content-Security-Policy', value: PREVIEW_PAGE_CSP }]);
    }
  });

  it('lets the frame be framed by this site only (CSP and X-Frame-Options), and nothing else changes', () => {
    const frame = directives(PREVIEW_FRAME_CSP);
    const base = directives(CONTENT_SECURITY_POLICY);
    assert.deepEqual(frame.get('frame-ancestors'), ["'self'"]);
    assert.deepEqual(frame.get('frame-src'), ["'none'"]);
    for (const [name, values] of base) if (name !== 'frame-ancestors') assert.deepEqual(frame.get(name), values, name);
    for (const r of others.filter((r) => r.source.endsWith('/frame'))) {
      assert.deepEqual(Object.fromEntries(r.headers.map((h) => [h.key, h.value])), { 'Content-Security-Policy': PREVIEW_FRAME_CSP, 'X-Frame-Options': 'SAMEORIGIN' });
    }
  });
});
