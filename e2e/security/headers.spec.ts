/**
 * Security headers on every kind of response (app/_server/security-headers.ts, sent by next.config.ts
 * and by proxy.ts on the answers it builds), HSTS only over HTTPS, and no Content-Security-Policy
 * violation on real pages in a real browser, in both display modes.
 */
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { signedInContext, uniqueIp } from '../helpers/auth';
import { scalar } from '../helpers/db';
import { actionId, callAction } from './actions';

const PAGE_LOAD = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

function expectSecurityHeaders(res: APIResponse, what: string, { https = false } = {}) {
  const h = res.headers();
  const csp = h['content-security-policy'] ?? '';
  expect(csp, `${what}: CSP`).toContain("default-src 'self'");
  for (const d of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp, `${what}: ${d}`).toContain(d);
  expect(csp, `${what}: no unsafe-eval`).not.toContain('unsafe-eval');
  // One policy, not two that could contradict each other.
  expect(csp.split(',').length, `${what}: a single policy`).toBe(1);
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], what).toContain('camera=()');
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['x-powered-by'], `${what}: no X-Powered-By`).toBeUndefined();
  if (https) expect(h['strict-transport-security'], `${what}: HSTS over https`).toMatch(/^max-age=\d{7,}/);
  else expect(h['strict-transport-security'], `${what}: no HSTS over plain http`).toBeUndefined();
}

const publishedStation = () => scalar<number>(`SELECT id FROM stations WHERE publication = 'published' ORDER BY id LIMIT 1`);
const publishedFair = () => scalar<number>(`SELECT id FROM fairs WHERE publication = 'published' ORDER BY id LIMIT 1`);
const publishedCourse = () => scalar<number>(`SELECT id FROM courses WHERE publication = 'published' ORDER BY id LIMIT 1`);

test('public pages, cached pages, 404s, feeds, API answers and static files carry the headers', async ({ request }) => {
  // A cached page: asked until the proxy answers it from the cache (other tests empty it when they save).
  await expect
    .poll(async () => (await request.get('/stations', { headers: PAGE_LOAD })).headers()['x-ft-cache'], { timeout: 10_000, intervals: [50, 100, 200] })
    .toBe('hit');
  const cached = await request.get('/stations', { headers: PAGE_LOAD });
  if (cached.headers()['x-ft-cache']) expectSecurityHeaders(cached, 'cached page');
  const miss = await request.get('/fairs', { headers: { ...PAGE_LOAD, cookie: 'ft_mode=elder' } });
  expectSecurityHeaders(miss, '/fairs in elder mode');

  const cases: [string, number][] = [
    ['/', 200],
    ['/courses?q=%E6%8A%A4%E7%90%86', 200],
    [`/stations/${publishedStation()}`, 200],
    [`/fairs/${publishedFair()}/card`, 200],
    ['/courses/999999999', 404],
    ['/no-such-page', 404],
    ['/courses/%E0%A4%A', 404],
    ['/feeds/courses.xml', 200],
    ['/feeds/courses.xml?occupation=abc', 400],
    ['/api/v1', 200],
    ['/api/v1/courses?limit=1', 200],
    [`/api/v1/courses/${publishedCourse()}`, 200],
    ['/api/v1/courses/not-a-number', 404],
    ['/api/v1/nothing-here', 404],
    ['/api/v1/stations.csv', 200],
    ['/robots.txt', 200],
    ['/sitemap.xml', 200],
    ['/icon.svg', 200],
  ];
  for (const [path, status] of cases) {
    const res = await request.get(path, { headers: PAGE_LOAD, maxRedirects: 0 });
    expect(res.status(), path).toBe(status);
    expectSecurityHeaders(res, path);
  }

  // Next's own static files (not seen by the proxy).
  const html = await (await request.get('/courses?q=x', { headers: PAGE_LOAD })).text();
  const asset = /\/_next\/static\/[^"'\s]+\.(?:css|js)/.exec(html)?.[0];
  expect(asset, 'a static asset linked from the page').toBeTruthy();
  const file = await request.get(asset!);
  expect(file.status()).toBe(200);
  expectSecurityHeaders(file, asset!);
});

test('admin pages: the redirect, the login page and a signed-in console page carry the headers', async ({ browser, request }) => {
  const redirect = await request.get('/admin/users', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectSecurityHeaders(redirect, 'admin redirect');
  const login = await request.get('/admin/login');
  expect(login.status()).toBe(200);
  expectSecurityHeaders(login, 'login page');

  const { context, page } = await signedInContext(browser, 'editor');
  for (const path of ['/admin', '/admin/courses', '/admin/audit']) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expectSecurityHeaders(res, path);
  }
  await context.close();
});

test('server-action answers carry the headers (a public search and a refused admin call)', async ({ request }) => {
  const search = await callAction(request, actionId('app/(public)/courses/actions.ts', 'searchCoursesAction'), ['q=%E6%8A%A4%E7%90%86']);
  expect(search.status).toBeLessThan(500);
  expectSecurityHeaders(search.res, 'public action');
  const refused = await callAction(request, actionId('app/admin/(console)/account/actions.ts', 'changePasswordAction'), [{}]);
  expect(refused.status).toBeLessThan(500);
  expect(refused.text).toContain('"code":"unauthenticated"');
  expectSecurityHeaders(refused.res, 'admin action without a session');
});

test('HSTS is sent when the request came over HTTPS, and only then', async ({ request, browser }) => {
  const https = { 'X-Forwarded-Proto': 'https' };
  for (const path of ['/', '/stations', '/courses?q=x', '/api/v1/fairs', '/no-such-page', '/feeds/fairs.xml']) {
    expectSecurityHeaders(await request.get(path, { headers: { ...PAGE_LOAD, ...https } }), `${path} over https`, { https: true });
    expectSecurityHeaders(await request.get(path, { headers: PAGE_LOAD }), `${path} over http`);
  }
  expectSecurityHeaders(await request.get('/admin/users', { headers: https, maxRedirects: 0 }), 'admin redirect over https', { https: true });
  const ctx = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  expectSecurityHeaders(await ctx.request.get('/admin/login', { headers: { 'X-Forwarded-Proto': 'http' } }), 'login over http');
  await ctx.close();
});

/** Records every CSP complaint the browser makes on the page. */
function watchCsp(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Permissions-Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) found.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    if (/Content Security Policy|unsafe-eval/i.test(e.message)) found.push(`${page.url()}: ${e.message}`);
  });
  return found;
}

async function visit(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await page.waitForLoadState('networkidle').catch(() => {});
}

for (const mode of ['standard', 'elder'] as const) {
  test(`no page breaks its Content-Security-Policy (${mode}) @phone`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
    if (mode === 'elder') await context.addCookies([{ name: 'ft_mode', value: 'elder', url: test.info().project.use.baseURL! }]);
    const page = await context.newPage();
    const violations = watchCsp(page);
    const station = publishedStation();
    const fair = publishedFair();
    const course = publishedCourse();
    for (const path of [
      '/',
      '/courses',
      '/courses?view=map',
      '/stations?view=map',
      '/fairs?view=map',
      `/stations/${station}`,
      `/courses/${course}`,
      `/fairs/${fair}`,
      `/stations/${station}/card`,
      `/fairs/${fair}/card`,
      '/courses/subsidy-check',
      '/open-data',
      '/admin/login',
    ])
      await visit(page, path);
    // A client-side navigation and a server action from the browser.
    await visit(page, '/courses');
    const link = page.locator('main a[href^="/courses/"]').first();
    if (await link.count()) {
      await link.click();
      await page.waitForLoadState('networkidle').catch(() => {});
    }
    expect(violations).toEqual([]);

    // The policy is really enforced (so an empty list above means something): eval is refused,
    // and a script from another host is blocked and reported.
    // (Code run from page.evaluate's own call stack is exempt from the policy, so the page runs it later, on its own.)
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = "setTimeout(() => { try { window.__evalResult = String(eval('1 + 1')); } catch (e) { window.__evalResult = String(e); } }, 0);";
      document.body.append(s);
    });
    await expect
      .poll(() => page.evaluate(() => String((window as unknown as { __evalResult?: unknown }).__evalResult)))
      .toMatch(/EvalError|Content Security Policy/);
    violations.length = 0;
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.src = 'https://evil.example/steal.js';
      document.body.append(s);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    await context.close();
  });
}

test('the admin console pages break no Content-Security-Policy', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await signedInContext(browser, 'admin');
  const violations = watchCsp(page);
  for (const path of ['/admin', '/admin/courses', '/admin/stations', '/admin/fairs', '/admin/users', '/admin/audit', '/admin/account', '/admin/coverage', '/admin/spreadsheets'])
    await visit(page, path);
  expect(violations).toEqual([]);
  await context.close();
});
