/**
 * The public page cache (app/_server/page-cache.ts, served by proxy.ts): residents' plain pages
 * come from the cache, and the request after an admin's save shows the change.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signedInContext } from '../helpers/auth';
import { scalar } from '../helpers/db';

/** What a browser's page load asks for (client navigations fetch other formats and are never cached). */
const PAGE_LOAD = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

/** Other tests write in parallel (and every write empties the cache), so ask until a hit comes. */
async function expectServedFromCache(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  await expect
    .poll(async () => (await request.get(path, { headers: { ...PAGE_LOAD, ...headers } })).headers()['x-ft-cache'], { timeout: 10_000, intervals: [50, 100, 200] })
    .toBe('hit');
}

test('a plain list and a detail page are served from the cache; searches and personal pages are not', async ({ request }) => {
  const id = scalar<number>(`SELECT id FROM stations WHERE publication = 'published' ORDER BY id LIMIT 1`);
  for (const path of ['/', '/courses', '/stations', '/fairs', `/stations/${id}`]) await expectServedFromCache(request, path);

  const search = await request.get('/courses?q=%E6%8A%A4%E7%90%86', { headers: PAGE_LOAD });
  expect(search.status()).toBe(200);
  expect(search.headers()['x-ft-cache']).toBeUndefined();
  const answered = await request.get('/courses', { headers: { ...PAGE_LOAD, cookie: 'ft_subsidy=x' } });
  expect(answered.status()).toBe(200);
  expect(answered.headers()['x-ft-cache']).toBeUndefined();
  const navigation = await request.get('/courses', { headers: { accept: '*/*', rsc: '1' } });
  expect(navigation.headers()['x-ft-cache']).toBeUndefined();
});

test('长辈版 has its own cached copy', async ({ request }) => {
  await expectServedFromCache(request, '/fairs');
  await expectServedFromCache(request, '/fairs', { cookie: 'ft_mode=elder' });
  expect(await (await request.get('/fairs', { headers: { ...PAGE_LOAD, cookie: 'ft_mode=elder' } })).text()).toContain('data-mode="elder"');
  expect(await (await request.get('/fairs', { headers: PAGE_LOAD })).text()).toContain('data-mode="standard"');
});

test('an admin saves a course: the very next public request shows the change', async ({ browser, request }) => {
  const id = scalar<number>(`SELECT id FROM courses WHERE publication = 'published' ORDER BY id DESC LIMIT 1`);
  const path = `/courses/${id}`;
  await expectServedFromCache(request, path);
  const before = await (await request.get(path, { headers: PAGE_LOAD })).text();
  const summary = `缓存测试简介${Date.now().toString(36)}`;
  expect(before).not.toContain(summary);

  const { context, page } = await signedInContext(browser, 'editor');
  await page.goto(`/admin/courses/${id}`);
  await page.getByLabel('一句话简介').fill(summary);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByRole('button', { name: '确认保存并立即生效' }).click();
  await expect(page.getByRole('status').getByText(/已保存/)).toBeVisible();
  expect(scalar(`SELECT summary FROM courses WHERE id = ?`, id)).toBe(summary);
  await context.close();

  // No waiting and no retry: the first request after the save renders anew.
  const after = await request.get(path, { headers: PAGE_LOAD });
  expect(after.status()).toBe(200);
  expect(await after.text()).toContain(summary);
  await expectServedFromCache(request, path);
});
