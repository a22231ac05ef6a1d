import { expect, test } from '@playwright/test';
import { signedInContext } from '../helpers/auth';
import { expectNoA11yViolations } from '../helpers/a11y';

test('an editor sees every 街镇 with its coverage, worst first, and the map @phone', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  await page.goto('/admin/coverage');
  await expect(page.getByRole('heading', { level: 1, name: '15分钟服务圈' })).toBeVisible();
  const table = page.getByRole('table', { name: /各街镇覆盖比例/ });
  await expect(table.getByRole('rowheader')).toHaveCount(26);
  for (const col of ['全部运营中', '此刻营业', '周六', '周日', '驿站数']) {
    await expect(table.getByRole('columnheader', { name: new RegExp(col) })).toBeVisible();
  }
  // Worst first: the first row's share at all is no higher than the last row's.
  const share = async (row: number) =>
    Number((await table.locator('tbody tr').nth(row).locator('td').first().innerText()).match(/(\d+)%/)![1]);
  expect(await share(0)).toBeLessThanOrEqual(await share(25));
  // Every share carries a word, not just a colour.
  await expect(table.locator('tbody tr').first().locator('td').first()).toContainText(/较好|有缺口|缺口大/);
  const map = page.getByRole('img', { name: /地图：全部运营中/ });
  await expect(map).toBeVisible();
  await expect(map.locator('circle').first()).toBeAttached();
  await expect(page.getByTestId('coverage-computed-at')).toContainText('北京时间');
  await expectNoA11yViolations(page);
  await context.close();
});

test('the set switch works without JavaScript, and a bad set falls back with a notice @nojs', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin', { javaScriptEnabled: false });
  await page.goto('/admin/coverage');
  await page.getByRole('link', { name: '周日' }).click();
  await expect(page).toHaveURL(/set=sunday/);
  await expect(page.getByRole('link', { name: '周日' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('img', { name: /地图：周日/ })).toBeVisible();
  await expect(page.getByTestId('coverage-set-line')).toContainText('周日');
  await page.goto('/admin/coverage?set=%E2%9C%93bad');
  await expect(page.getByText('地址里的查看方式无法识别')).toBeVisible();
  await expect(page.getByRole('link', { name: '全部运营中' })).toHaveAttribute('aria-current', 'page');
  await context.close();
});

test('a station account is refused the coverage view', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'youanmen');
  const response = await page.goto('/admin/coverage');
  expect(response?.status()).toBeLessThan(500);
  await expect(page.getByTestId('refused')).toBeVisible();
  await expect(page.getByTestId('coverage-table')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '15分钟服务圈' })).toHaveCount(0);
  await context.close();
});

test('residents read the 15-minute summary on the stations page, without JavaScript too @nojs @phone', async ({ page }) => {
  await page.goto('/stations');
  const summary = page.getByRole('region', { name: '15分钟医保服务圈' });
  await expect(summary).toContainText(/全区约 \d+% 的地方步行15分钟内有医保驿站；周六约 \d+%，周日约 \d+%。/);
  await expect(summary).toContainText('覆盖最少的是');
});
