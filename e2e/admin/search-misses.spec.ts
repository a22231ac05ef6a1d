/**
 * Zero-result searches: residents search, 编辑 reads what found nothing on 无结果搜索.
 * Every test uses its own nonsense words, so parallel runs never count into each other's rows.
 */
import { expect, test, type Page } from '@playwright/test';
import { signedInContext, uniqueIp } from '../helpers/auth';
import { expectNoA11yViolations } from '../helpers/a11y';
import { scalar } from '../helpers/db';

/** Nonsense words no course, station or fair contains: 'qzx' + letters unique to this run and test. */
function nonsense(tag: string): string {
  const letters = (n: number) => n.toString(36).replace(/\d/g, (d) => 'jklmnopqrs'[Number(d)] ?? 'q');
  return `qzx${tag}${letters(Date.now() % 1_000_000_000)}${letters(process.pid)}`;
}

function missRow(page: Page, terms: string) {
  return page.getByTestId('miss-row').filter({ has: page.getByTestId('miss-terms').getByText(terms, { exact: true }) });
}

function countFor(kind: string, terms: string): number {
  return scalar<number>('SELECT coalesce(sum(count), 0) FROM search_misses WHERE kind = ? AND terms = ?', kind, terms);
}

test('a course search that finds nothing is counted once per search, on the page and in place, but not for a prefetch', async ({ browser, request }) => {
  const word = nonsense('c');
  const resident = await browser.newContext();
  const page = await resident.newPage();
  // The page itself (a shared link, or no JavaScript).
  await page.goto(`/courses?q=${word}`);
  await expect(page.getByRole('heading', { name: '没有找到符合条件的课程' })).toBeVisible();
  await expect.poll(() => countFor('courses', word)).toBe(1);
  // The same search typed into the form: with JavaScript the list updates in place.
  await page.goto('/courses');
  await page.getByLabel('搜索课程').fill(word);
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(page.getByRole('heading', { name: '没有找到符合条件的课程' })).toBeVisible();
  await expect.poll(() => countFor('courses', word)).toBe(2);
  await resident.close();
  // Next's router prefetching the address is no search.
  const prefetch = await request.get(`/courses?q=${word}`, { headers: { RSC: '1', 'Next-Router-Prefetch': '1' } });
  expect(prefetch.status()).toBe(200);
  const speculative = await request.get(`/courses?q=${word}`, { headers: { 'Sec-Purpose': 'prefetch' } });
  expect(speculative.status()).toBe(200);
  expect(countFor('courses', word)).toBe(2);

  const { context, page: admin } = await signedInContext(browser, 'editor');
  await admin.goto('/admin/search-misses?kind=courses&days=7');
  await expect(admin.getByRole('heading', { level: 1, name: '无结果搜索' })).toBeVisible();
  await expect(admin.getByText('这里记了什么')).toBeVisible();
  const row = missRow(admin, word);
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('miss-searches')).toHaveText('2 次');
  await expect(row).toContainText('1 天');
  await expect(row).toContainText('培训课程');
  const again = row.getByRole('link', { name: /以居民身份再搜一次/ });
  await expect(again).toHaveAttribute('href', `/courses?q=${word}`);
  await again.click();
  await expect(admin.getByLabel('搜索课程')).toHaveValue(word);
  await context.close();
});

test('a station search with filters and a phone number is shown with the digits masked and the filters in words @nojs', async ({ browser }) => {
  const word = nonsense('s');
  const resident = await browser.newContext({ javaScriptEnabled: false });
  const page = await resident.newPage();
  const query = new URLSearchParams({ q: `${word} 138 1234 5678`, host: 'bank', weekend: '1', lat: '39.8512', lng: '116.2871' });
  await page.goto(`/stations?${query}`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await resident.close();

  const masked = `${word} ＊＊＊`;
  await expect.poll(() => countFor('stations', masked)).toBe(1);
  expect(scalar<number>(`SELECT count(*) FROM search_misses WHERE terms LIKE '%5678%' OR filters LIKE '%39.85%' OR filters LIKE '%lat%'`)).toBe(0);
  expect(scalar<string>('SELECT filters FROM search_misses WHERE kind = ? AND terms = ?', 'stations', masked)).toBe('host=bank&weekend=1');

  const { context, page: admin } = await signedInContext(browser, 'editor', { javaScriptEnabled: false });
  await admin.goto('/admin/search-misses');
  await admin.getByRole('navigation', { name: '搜索的页面' }).getByRole('link', { name: '医保驿站' }).click();
  await expect(admin).toHaveURL(/kind=stations/);
  const row = missRow(admin, masked);
  await expect(row).toContainText('驿站类型：银行网点 · 周末开放');
  await expect(row.getByTestId('miss-searches')).toHaveText('1 次');
  await expect(row).not.toContainText('5678');
  await expect(row.getByRole('link', { name: /以居民身份再搜一次/ })).toHaveAttribute(
    'href',
    `/stations?${new URLSearchParams({ q: masked, host: 'bank', weekend: '1' })}`,
  );
  // The dashboard lists the top five of 30 days.
  await admin.goto('/admin');
  await expect(admin.getByTestId('dash-misses').getByRole('heading', { name: '近30天无结果搜索 前5' })).toBeVisible();
  await context.close();
});

test('a search that finds something is not recorded', async ({ browser }) => {
  const before = countFor('courses', '电工');
  const resident = await browser.newContext();
  const page = await resident.newPage();
  await page.goto('/courses?q=电工');
  await expect(page.getByRole('heading', { name: '没有找到符合条件的课程' })).toHaveCount(0);
  await page.goto('/search?q=电工');
  await expect(page.getByTestId('empty-state')).toHaveCount(0);
  await resident.close();
  expect(countFor('courses', '电工')).toBe(before);
  expect(countFor('search', '电工')).toBe(0);
});

test('a 培训机构 account is refused the page and sees no block on its dashboard', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'kangxin');
  await page.goto('/admin/search-misses');
  await expect(page.getByTestId('refused')).toBeVisible();
  await expect(page.getByTestId('miss-table')).toHaveCount(0);
  await page.goto('/admin');
  await expect(page.getByTestId('dash-misses')).toHaveCount(0);
  await context.close();
});

test('the page reads well on a phone, with an empty state for a quiet list, and passes axe @phone', async ({ browser }) => {
  const word = nonsense('f');
  const resident = await browser.newContext();
  await (await resident.newPage()).goto(`/fairs?q=${word}&type=graduates`);
  await resident.close();
  await expect.poll(() => countFor('fairs', word)).toBe(1);

  const { context, page } = await signedInContext(browser, 'admin');
  await page.goto('/admin/search-misses?kind=fairs&days=7&sort=newest');
  const row = missRow(page, word);
  await expect(row).toContainText('类型：高校毕业生');
  await expect(page.getByRole('link', { name: '近 7 天' })).toHaveAttribute('aria-current', 'page');
  await expectNoA11yViolations(page);
  // A list with nothing in it says so (another run may have left a site-wide miss: then rows show).
  await page.goto('/admin/search-misses?kind=search&days=7');
  const quiet = scalar<number>(`SELECT count(DISTINCT terms) FROM search_misses WHERE kind = 'search'`);
  if (quiet === 0) await expect(page.getByRole('heading', { name: '这段时间没有无结果的搜索' })).toBeVisible();
  else await expect(page.getByTestId('miss-row')).toHaveCount(quiet);
  // Nonsense period: falls back to 30 days with a notice.
  await page.goto('/admin/search-misses?days=12345&kind=nope');
  await expect(page.getByText('地址里有看不懂的条件，已按默认显示。')).toBeVisible();
  await expect(page.getByRole('link', { name: '近 30 天' })).toHaveAttribute('aria-current', 'page');
  await context.close();
});

test('a job search that finds nothing is counted and read back under 找工作', async ({ browser }) => {
  const word = nonsense('j');
  const resident = await browser.newContext();
  const page = await resident.newPage();
  await page.goto(`/jobs?q=${word}&pay=m5000`);
  await expect(page.getByRole('heading', { name: '没有找到符合条件的岗位' })).toBeVisible();
  await expect.poll(() => countFor('jobs', word)).toBe(1);
  // The live search (JavaScript on, no page load) counts its misses too.
  const live = nonsense('k');
  await page.getByRole('searchbox', { name: '搜索岗位' }).fill(live);
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${live}`));
  await expect(page.getByRole('heading', { name: '没有找到符合条件的岗位' })).toBeVisible();
  await expect.poll(() => countFor('jobs', live)).toBe(1);
  await resident.close();

  const { context, page: admin } = await signedInContext(browser, 'editor');
  await admin.goto('/admin/search-misses?days=7');
  await admin.getByRole('navigation', { name: '搜索的页面' }).getByRole('link', { name: '找工作' }).click();
  const row = missRow(admin, word);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('找工作');
  await expect(row).toContainText('工资：月薪 5000 元起');
  await expect(row.getByRole('link', { name: /以居民身份再搜一次/ })).toHaveAttribute('href', `/jobs?q=${word}&pay=m5000`);
  await expectNoA11yViolations(admin);
  await context.close();
});

test('a scanner’s search is kept apart under «疑似扫描» and never tops the dashboard above residents’ words', async ({ browser }) => {
  const word = nonsense('p');
  const probe = `${word}.php`;
  // Its own address, so the per-address daily allowance of other tests' searches is not used up.
  const resident = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const page = await resident.newPage();
  // Searched more often than the resident's words, as scanners do.
  for (let i = 0; i < 3; i++) await page.goto(`/search?q=${encodeURIComponent(probe)}`);
  await page.goto(`/search?q=${word}`);
  await resident.close();
  await expect.poll(() => countFor('search', probe)).toBe(3);
  await expect.poll(() => countFor('search', word)).toBe(1);

  const { context, page: admin } = await signedInContext(browser, 'editor');
  await admin.goto('/admin/search-misses?kind=search&days=7');
  const scans = admin.getByTestId('miss-scans');
  await expect(scans.getByRole('heading', { name: '疑似扫描' })).toBeVisible();
  await expect(missRow(admin, probe)).toHaveCount(1);
  await expect(scans.getByTestId('miss-terms').getByText(probe, { exact: true })).toBeVisible();
  // The resident's words are in the main table, above the group, not in it.
  await expect(scans.getByTestId('miss-terms').getByText(word, { exact: true })).toHaveCount(0);
  await expect(missRow(admin, word)).toHaveCount(1);
  await expectNoA11yViolations(admin);
  await admin.goto('/admin');
  const dash = admin.getByTestId('dash-misses');
  await expect(dash).toContainText('疑似扫描的不在这里列出');
  await expect(dash.getByText(probe)).toHaveCount(0);
  await context.close();
});
