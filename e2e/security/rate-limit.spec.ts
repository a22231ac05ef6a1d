/**
 * Per-address rate limits (app/_server/rate-limit.ts) against the real server: one address that asks
 * too often is refused — a notice in the live list, a Chinese 429 page, the API's JSON 429, all
 * with Retry-After — whatever path or query it varies, while another address is served as usual.
 *
 * Each test speaks as its own documentation address (X-Forwarded-For: 198.51.100.N, sent from
 * 127.0.0.1, which the test server trusts as a proxy — TRUSTED_PROXIES in playwright.config.ts),
 * so the rest of the suite keeps its own budgets. That a client elsewhere cannot do the same is
 * client-address.spec.ts's job. The
 * buckets refill while a test runs, so each test asks in parallel batches until the refusal comes,
 * with a ceiling well above the default budgets. On a busy machine that takes a while, hence the
 * longer time limits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse, type TestInfo } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';

/** A distinct address per test (and per retry, whose bucket would still be empty). */
const address = (n: number, info: TestInfo) => `198.51.100.${n + 100 * info.retry}`;
const as = (ip: string) => ({ 'X-Forwarded-For': ip });

/** Sends requests `batch` at a time until one is refused; fails if none is within `max`. */
async function drain(send: (i: number) => Promise<APIResponse>, refused: (r: APIResponse, body: string) => boolean, max = 2400, batch = 40) {
  let sent = 0;
  while (sent < max) {
    const rs = await Promise.all(Array.from({ length: batch }, (_, k) => send(sent + k)));
    sent += batch;
    for (const r of rs) {
      const body = await r.text();
      expect(r.status(), body.slice(0, 200)).toBeLessThan(500);
      if (refused(r, body)) return { response: r, body, sent };
    }
  }
  throw new Error(`no refusal after ${sent} requests`);
}

function publicActions(): Record<'courses' | 'stations' | 'fairs', string> {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  const manifest = JSON.parse(fs.readFileSync(path.resolve(dist, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const find = (name: string) => Object.entries(manifest.node).find(([, e]) => e.exportedName === name)?.[0] ?? '';
  return { courses: find('searchCoursesAction'), stations: find('searchStationsAction'), fairs: find('searchFairsAction') };
}

function callAction(request: APIRequestContext, id: string, ip: string, qs: string) {
  return request.post('/', {
    headers: { ...as(ip), 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify([qs]),
  });
}
/** The proxy's refusal of a server-action call: 429, text/plain, machine-readable (components/rate-limit/action-refusal.ts). */
const isLimited = (r: APIResponse, body: string) => r.status() === 429 && /^rate-limited; retry-after=\d+$/.test(body);

test.describe.configure({ timeout: 150_000 });

test('the API: varying path and query does not dodge the budget; the 429 is JSON in Chinese with Retry-After', async ({ request }, info) => {
  const spammer = address(11, info);
  const paths = ['/api/v1/courses.csv', '/api/v1/stations?page=2', '/api/v1/fairs', '/api/v1/no-such-thing', '/api/v1/runs.csv?x=1'];
  const { response, body } = await drain(
    (i) => request.get(`${paths[i % paths.length]}${paths[i % paths.length]!.includes('?') ? '&' : '?'}n=${i}`, { headers: as(spammer) }),
    (r) => r.status() === 429,
  );
  expect(response.headers()['content-type']).toContain('application/json');
  expect(Number(response.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
  const json = JSON.parse(body) as { error: { code: string; message: string } };
  expect(json.error.code).toBe('rate_limited');
  expect(json.error.message).toContain('请求过于频繁');
  // Another address is served at once.
  const other = await request.get('/api/v1/courses', { headers: as(address(12, info)) });
  expect(other.status()).toBe(200);
  expect(((await other.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
});

test('the search actions share one budget per address; over it the proxy answers a short text/plain 429 the live search reads', async ({ request }, info) => {
  const ids = publicActions();
  expect(Object.values(ids).every(Boolean), 'public search actions found in the build manifest').toBe(true);
  const spammer = address(21, info);
  const kinds = ['courses', 'stations', 'fairs'] as const;
  // Different actions and queries from one address all draw on the same bucket.
  const { response, body } = await drain((i) => callAction(request, ids[kinds[i % 3]!], spammer, `q=${i}&page=${i % 7}`), isLimited);
  expect(response.headers()['content-type']).toBe('text/plain');
  expect(Number(response.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(body).toBe(`rate-limited; retry-after=${response.headers()['retry-after']}`);
  const served = await callAction(request, ids.stations, address(22, info), 'q=');
  expect(await served.text()).toContain('"view"');
});

test('a resident over the search budget sees a plain notice and keeps the results already shown; others are not affected', async ({ browser, request }, info) => {
  const ids = publicActions();
  const spammer = address(31, info);
  const context = await browser.newContext({ extraHTTPHeaders: as(spammer) });
  const page = await context.newPage();
  let stop = false;
  const spam: Promise<void>[] = [];
  try {
    await page.goto('/courses');
    const cards = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
    await expect(cards.first()).toBeVisible();
    // Someone else on the same address keeps the bucket empty while the resident searches.
    await drain((i) => callAction(request, ids.courses, spammer, `q=${i}`), isLimited);
    for (let w = 0; w < 4; w++)
      spam.push(
        (async () => {
          for (let i = 0; !stop; i++) await callAction(request, ids.fairs, spammer, `q=w${w}-${i}`);
        })(),
      );
    // Each try asks something new (an answer already fetched would come from the browser's cache).
    const words = ['电', '工', '师', '员', '护', '技', '训', '班'];
    let n = 0;
    let shown = -1;
    await expect(async () => {
      shown = await cards.count();
      await page.getByLabel('搜索课程').fill(words[n++ % words.length]!);
      await page.getByLabel('搜索课程').press('Enter');
      await expect(page.getByRole('status').filter({ hasText: '您查得太快了' })).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
    // The results already on the page stay as they were.
    await expect(cards).toHaveCount(shown);
    await expectNoA11yViolations(page);
    await page.screenshot({ path: 'e2e/.tmp/rate-limit-notice.png', fullPage: false });
  } finally {
    stop = true;
    await Promise.all(spam);
    await context.close();
  }
  // A neighbour's search is served as usual.
  const other = await browser.newContext({ extraHTTPHeaders: as(address(32, info)) });
  try {
    const p = await other.newPage();
    await p.goto('/courses');
    await p.getByLabel('搜索课程').fill('电工');
    await p.getByLabel('搜索课程').press('Enter');
    await expect(p).toHaveURL(/q=%E7%94%B5%E5%B7%A5|q=电工/);
    await expect(p.getByRole('list', { name: '搜索结果' }).getByRole('listitem').first()).toContainText('电工');
    await expect(p.getByText('您查得太快了')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('filtered page loads over budget get a Chinese 429 page with Retry-After; plain pages and other addresses are served @nojs @phone', async ({ browser }, info) => {
  const n = 41 + (info.project.name === 'phone' ? 2 : info.project.name === 'no-js' ? 4 : 0);
  const spammer = address(n, info);
  const context = await browser.newContext({ extraHTTPHeaders: as(spammer) });
  const page = await context.newPage();
  let stop = false;
  const spam: Promise<void>[] = [];
  try {
    const lists = ['/courses?q=', '/stations?street=', '/fairs?page=', '/search?q='];
    await drain((i) => page.request.get(`${lists[i % lists.length]}${i}`), (r) => r.status() === 429);
    // The same address keeps asking (refusals are cheap), so no token is left for the resident.
    for (let w = 0; w < 3; w++)
      spam.push(
        (async () => {
          for (let i = 0; !stop; i++) await context.request.get(`/fairs?w=${w}&i=${i}`).catch(() => undefined);
        })(),
      );
    let status = 0;
    let retryAfter = 0;
    await expect(async () => {
      const res = await page.goto('/courses?q=电工');
      status = res?.status() ?? 0;
      retryAfter = Number(res?.headers()['retry-after']);
      expect(status).toBe(429);
    }).toPass({ timeout: 30_000 });
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('请稍后再试');
    await expect(page.getByText(/请等 \d+ (秒|分钟)后再打开这个页面/)).toBeVisible();
    await expect(page.getByRole('link', { name: '回到首页' })).toHaveAttribute('href', '/');
    if (info.project.name === 'phone') await expectNoA11yViolations(page);
    await page.screenshot({ path: `e2e/.tmp/rate-limit-429-${info.project.name}.png`, fullPage: true });
    // The plain list (from the page cache) is still there for this address.
    const plain = await page.goto('/courses');
    expect(plain?.status()).toBe(200);
  } finally {
    stop = true;
    await Promise.all(spam);
    await context.close();
  }
  const other = await browser.newContext({ extraHTTPHeaders: as(address(n + 1, info)) });
  try {
    const p = await other.newPage();
    const res = await p.goto('/courses?q=电工');
    expect(res?.status()).toBe(200);
    await expect(p.getByRole('heading', { level: 1 })).toHaveText('技能培训课程');
  } finally {
    await other.close();
  }
});

test('a server action body over 1 MB gets a plain Chinese 413, not a 500', async ({ request }, info) => {
  const ids = publicActions();
  const res = await request.post('/', {
    headers: { ...as(address(51, info)), 'Next-Action': ids.courses, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify([`q=${'a'.repeat(1_100_000)}`]),
  });
  expect(res.status()).toBe(413);
  expect(await res.text()).toContain('提交的内容太大');
});
