import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';
import { countIn, resultCount, resultTotal } from '../helpers/lists';
import { scalar } from '../helpers/db';

/**
 * Residents looking for work search positions across the upcoming fairs (/jobs). The sample data
 * is dated relative to today, so these tests check relations (a count beside an option equals
 * the results it gives, every card matches what was asked), never absolute dates.
 */

const count = resultCount;
const list = (page: Page) => page.getByRole('region', { name: '岗位列表' });
const cards = (page: Page) => list(page).getByTestId('job-card');



/** '离您约 1.2 公里' / '离您约 300 米' → metres. */
function metres(text: string): number {
  const km = /约 ([\d.]+) 公里/.exec(text);
  if (km) return Number(km[1]) * 1000;
  const m = /约 (\d+) 米/.exec(text);
  if (!m) throw new Error(`no distance in “${text}”`);
  return Number(m[1]);
}

/** The results for the address are in (the live search updates the address first). */
async function settled(page: Page) {
  await expect(page.locator('[aria-live="polite"][aria-busy="false"]')).toBeVisible();
}

/** Abort anything not served by the test server (map tiles above all): the machine is offline. */
async function offline(page: Page) {
  await page.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort(),
  );
}

test.describe('job search', () => {
  test('resident finds positions by employer and by requirement, each with its fair, date and course @elder', async ({ page }) => {
    await page.goto('/jobs');
    await expect(page.getByRole('heading', { level: 1, name: '找工作' })).toBeVisible();
    const all = await resultTotal(page);
    expect(all).toBeGreaterThan(10);
    await expect(cards(page)).toHaveCount(10);

    await page.getByRole('searchbox', { name: '搜索岗位' }).fill('花乡花木');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await expect(page).toHaveURL(/q=%E8%8A%B1%E4%B9%A1%E8%8A%B1%E6%9C%A8/);
    await settled(page);
    const n = await cards(page).count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const card = cards(page).nth(i);
      await expect(card).toContainText('北京花乡花木集团有限公司');
      await expect(card.getByRole('link').first()).toHaveAttribute('href', /^\/fairs\/\d+$/);
      await expect(card.getByTestId('job-when')).not.toBeEmpty();
    }
    // 先学后聘: a position that names its course links to it.
    const course = list(page).getByRole('link', { name: /^先参加培训：/ }).first();
    await expect(course).toHaveAttribute('href', /^\/courses\/\d+$/);
    await expectNoA11yViolations(page);

    // A word only the requirements say.
    await page.getByRole('searchbox', { name: '搜索岗位' }).fill('退役军人');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await settled(page);
    await expect(cards(page).first()).toContainText('退役军人');
    await expect(page.getByRole('group', { name: '已选条件' })).toContainText('关键词：退役军人');
  });

  test('a pay band gives as many positions as its count says, and 面议 is said in words', async ({ page }) => {
    await page.goto('/jobs');
    const negotiable = page.getByRole('radio', { name: /^面议（/ });
    const expected = countIn((await negotiable.locator('xpath=..').textContent()) ?? '');
    expect(expected).toBeGreaterThan(0);
    await negotiable.check();
    await expect(page).toHaveURL(/pay=negotiable/);
    await settled(page);
    await expect(count(page)).toHaveText(`共 ${expected} 条`);
    await expect(cards(page).first()).toContainText('面议');

    const high = page.getByRole('radio', { name: /^月薪 8000 元起（/ });
    const highCount = countIn((await high.locator('xpath=..').textContent()) ?? '');
    await high.check();
    await expect(page).toHaveURL(/pay=m8000/);
    await settled(page);
    await expect(count(page)).toHaveText(`共 ${highCount} 条`);
    await expect(cards(page).first()).toContainText(/\d{4,5}(–\d{4,5})? 元\/月/);
  });

  test('街镇 narrows to fairs held there; removing its chip brings every position back', async ({ page }) => {
    await page.goto('/jobs');
    const all = await resultTotal(page);
    const street = page.getByLabel('招聘会所在街镇');
    const options = await street.locator('option').allTextContents();
    const label = options.find((o) => /（[1-9]\d*）/.test(o))!;
    const name = label.replace(/（\d+）$/, '');
    await street.selectOption({ label });
    await expect(page).toHaveURL(/street=\d+/);
    await settled(page);
    await expect(count(page)).toHaveText(`共 ${countIn(label)} 条`);
    const n = await cards(page).count();
    for (let i = 0; i < n; i++) await expect(cards(page).nth(i)).toContainText(`（${name}）`);
    await page.getByRole('link', { name: `去掉条件：街镇：${name}` }).click();
    await expect(page).not.toHaveURL(/street=/);
    await settled(page);
    await expect(count(page)).toHaveText(`共 ${all} 条`);
  });

  test('near me: nearest first with the distance on each card, then within 5 km as counted @elder', async ({ page }) => {
    await page.goto('/jobs');
    const all = await resultTotal(page);
    // On a phone «我在哪里» is under «更多筛选条件», folded until opened.
    if (!(await page.getByLabel('我在哪里').isVisible())) await page.getByText('更多筛选条件').click();
    await page.getByLabel('我在哪里').selectOption({ label: '卢沟桥街道' });
    await expect(page).toHaveURL(/near=s\d+/);
    await settled(page);
    await expect(count(page)).toHaveText(`共 ${all} 条`);
    const distances = (await list(page).getByTestId('job-distance').allTextContents()).map(metres);
    expect(distances.length).toBeGreaterThan(1);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    await expect(page.getByRole('group', { name: '已选条件' })).toContainText('我在：卢沟桥街道');

    const within = page.getByLabel('离我多远');
    const label = (await within.locator('option[value="5"]').textContent()) ?? '';
    await within.selectOption('5');
    await expect(page).toHaveURL(/dist=5/);
    await settled(page);
    await expect(count(page)).toHaveText(`共 ${countIn(label)} 条`);
    for (const d of (await list(page).getByTestId('job-distance').allTextContents()).map(metres)) expect(d).toBeLessThanOrEqual(5000);

    // Removing the place removes the distance with it.
    await page.getByRole('link', { name: '去掉条件：我在：卢沟桥街道' }).click();
    await settled(page);
    await expect(page).not.toHaveURL(/near=/);
    await expect(count(page)).toHaveText(`共 ${all} 条`);
    await expect(list(page).getByTestId('job-distance')).toHaveCount(0);
  });

  test('the map view puts each position with a venue on the map @elder', async ({ page }) => {
    await offline(page);
    // Nearest first, so the page holds fairs with a venue (the soonest may all be online).
    const street = scalar<number>(`SELECT id FROM streets WHERE name = '卢沟桥街道'`);
    await page.goto(`/jobs?view=map&near=s${street}`);
    await expect(page.locator('.results-map[data-loaded="true"]')).toBeVisible();
    const items = page.locator('li.map-list-item');
    const withPlace = items.filter({ hasNot: page.getByText('线上招聘会，没有现场') });
    // Each pin names the results it stands for (its label shortens runs: «1–7»).
    const lists = await page.locator('.results-map .map-marker [data-numbers]').evaluateAll((els) => els.map((e) => e.getAttribute('data-numbers') ?? ''));
    const numbers = lists.flatMap((l) => l.split(' ').map(Number));
    expect(numbers.length).toBe(await withPlace.count());
    expect(numbers.length).toBeGreaterThan(0);
    // The place distances are measured from is marked, apart from the results.
    await expect(page.getByTestId('map-origin')).toHaveText('起点：卢沟桥街道');
    await expect(page.getByRole('navigation', { name: '查看方式' }).getByRole('link', { name: '地图' })).toHaveAttribute('aria-current', 'page');
    await expectNoA11yViolations(page);
  });

  test('from the home page and from a fair, to the positions', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: '找工作：查招聘会上的岗位' }).click();
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(page.getByRole('heading', { level: 1, name: '找工作' })).toBeVisible();

    // A fair with positions, from a card; its page links to its own positions.
    const fairLink = cards(page).first().getByRole('link').first();
    const fairTitle = (await fairLink.textContent()) ?? '';
    await fairLink.click();
    await expect(page).toHaveURL(/\/fairs\/\d+$/);
    const id = /\/fairs\/(\d+)$/.exec(page.url())![1];
    await page.getByRole('link', { name: '查看本场招聘会的岗位' }).click();
    await expect(page).toHaveURL(new RegExp(`/jobs\\?fair=${id}$`));
    await expect(page.getByRole('group', { name: '已选条件' })).toContainText(`招聘会：${fairTitle}`);
    const n = await cards(page).count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await expect(cards(page).nth(i).getByRole('link', { name: fairTitle })).toHaveAttribute('href', `/fairs/${id}`);
    await expectNoA11yViolations(page);
  });

  test('resident searches without JavaScript using the form @nojs', async ({ page }) => {
    await page.goto('/jobs');
    const pay = page.getByRole('radio', { name: /^月薪 5000 元起（/ });
    const expected = countIn((await pay.locator('xpath=..').textContent()) ?? '');
    await pay.check();
    await page.getByRole('button', { name: '查看结果' }).click();
    await expect(page).toHaveURL(/\/jobs\?.*pay=m5000/);
    await expect(count(page)).toHaveText(`共 ${expected} 条`);
    // The form keeps what was chosen; a place and a distance go with the next submit.
    await expect(page.getByRole('radio', { name: /^月薪 5000 元起（/ })).toBeChecked();
    await page.getByLabel('我在哪里').selectOption({ label: '卢沟桥街道' });
    await page.getByLabel('离我多远').selectOption('10');
    await page.getByRole('button', { name: '查看结果' }).click();
    await expect(page).toHaveURL(/near=s\d+/);
    await expect(page).toHaveURL(/dist=10/);
    for (const d of (await list(page).getByTestId('job-distance').allTextContents()).map(metres)) expect(d).toBeLessThanOrEqual(10_000);
    await page.getByRole('searchbox', { name: '搜索岗位' }).fill('员');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await expect(page).toHaveURL(/q=%E5%91%98/);
    await expect(page).toHaveURL(/pay=m5000/);
    await page.getByRole('link', { name: '清除全部条件' }).first().click();
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(cards(page).first()).toBeVisible();
  });

  test('on a phone the filters stack above the results and nothing overflows @phone', async ({ page }) => {
    await page.goto('/jobs');
    const form = page.getByRole('search', { name: '查找岗位' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (page.viewportSize()!.width < 1024) {
      const f = (await form.boundingBox())!;
      const l = (await list(page).boundingBox())!;
      expect(f.y + f.height).toBeLessThanOrEqual(l.y);
    }
    expect((await page.getByRole('button', { name: '查看结果' }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.getByRole('radio', { name: /^按天或按小时（零工）（/ }).check();
    await expect(page).toHaveURL(/pay=gig/);
    await settled(page);
    await expect(cards(page).first()).toContainText(/元\/(天|小时)/);
    const after = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(after).toBeLessThanOrEqual(0);
    await expectNoA11yViolations(page);
  });
});
