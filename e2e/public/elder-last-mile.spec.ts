import { expect, test, type BrowserContext } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';
import { resultTotal } from '../helpers/lists';
import { scalar } from '../helpers/db';

/*
 * The issue-16 journeys in 长辈版: job search, what to bring, sharing a fair, the printed card
 * and the offline page, each read as a 68-year-old would (larger text, the same facts), axe
 * clean. The desktop and phone projects both run this file.
 */

async function elder(context: BrowserContext, baseURL: string | undefined) {
  await context.addCookies([{ name: 'ft_mode', value: 'elder', url: baseURL! }]);
}

test.beforeEach(async ({ context, baseURL }) => elder(context, baseURL));

test('长辈版: «找工作» from the header, a keyword search, each result with its fair and date', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-mode', 'elder');
  await page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '找工作' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '找工作' })).toBeVisible();
  const all = await resultTotal(page);
  await page.getByRole('searchbox', { name: '搜索岗位' }).fill('厨师');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(page).toHaveURL(/q=%E5%8E%A8%E5%B8%88/);
  await expect(page.locator('[aria-live="polite"][aria-busy="false"]')).toBeVisible();
  const found = await resultTotal(page);
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(all);
  const card = page.getByRole('region', { name: '岗位列表' }).getByTestId('job-card').first();
  await expect(card.getByRole('link').first()).toHaveAttribute('href', /^\/fairs\/\d+$/);
  await expect(card.getByTestId('job-when')).not.toBeEmpty();
  await expectNoA11yViolations(page);
});

test('长辈版: a station says what to bring for each service, and its card puts the searched service first', async ({ page }) => {
  // A station page lists every service with its materials: axe takes a while over it.
  test.setTimeout(90_000);
  const service = scalar<number>(
    `SELECT s.id FROM services s JOIN station_services ss ON ss.service_id = s.id JOIN stations st ON st.id = ss.station_id
      WHERE s.materials <> '[]' AND st.publication = 'published' ORDER BY s.id LIMIT 1`,
  );
  const station = scalar<number>(
    `SELECT ss.station_id FROM station_services ss JOIN stations st ON st.id = ss.station_id
      WHERE ss.service_id = ? AND st.publication = 'published' ORDER BY ss.station_id LIMIT 1`,
    service,
  );
  await page.goto(`/stations/${station}`);
  await expect(page.getByTestId('service-materials').first()).toContainText('身份证');
  await expectNoA11yViolations(page);

  await page.goto(`/stations/${station}/card?service=${service}`);
  const card = page.getByTestId('print-card');
  await expect(card).toBeVisible();
  const text = (await card.innerText()).replace(/\s+/g, ' ');
  // «要办的事» and what to bring come before the address and the week.
  expect(text.indexOf('要办的事')).toBeGreaterThanOrEqual(0);
  expect(text.indexOf('要办的事')).toBeLessThan(text.indexOf('地址'));
  expect(text).toContain('办理需带');
  await expectNoA11yViolations(page);
});

test('长辈版: a fair page gives the time and place before its buttons, and offers 发给家人', async ({ page }) => {
  const fair = scalar<number>(`SELECT id FROM fairs WHERE publication = 'published' AND status = 'scheduled' AND place_id IS NOT NULL ORDER BY starts_at DESC LIMIT 1`);
  await page.goto(`/fairs/${fair}`);
  const when = await page.locator('#fair-when').boundingBox();
  const where = await page.locator('#fair-where').boundingBox();
  const actions = await page.getByTestId('fair-actions').boundingBox();
  expect(when && where && actions).toBeTruthy();
  expect(when!.y).toBeLessThan(actions!.y);
  expect(where!.y).toBeLessThan(actions!.y);
  await expect(page.getByTestId('share-button')).toBeVisible();
  await expect(page.getByTestId('share-poster')).toHaveAttribute('href', `/fairs/${fair}/poster.png`);
  await expectNoA11yViolations(page);
});

test('长辈版: the offline page offers both hotlines', async ({ page }) => {
  await page.goto('/offline');
  await expect(page.locator('a[href="tel:12333"]').first()).toBeVisible();
  await expect(page.locator('a[href="tel:12393"]').first()).toBeVisible();
  await expectNoA11yViolations(page);
});
