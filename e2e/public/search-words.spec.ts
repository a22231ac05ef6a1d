import { expect, test, type Page } from '@playwright/test';

/**
 * Searching by what residents read and the words they use (issue 16, point 3): a fair is found
 * by its description, its employers and its positions; pinyin initials match from the start of a
 * word; short forms (医保站, 招聘) find what residents mean. The sample data is dated relative to
 * today, so a fair may be upcoming or past: both lists are asked.
 */

const count = (page: Page) => page.getByTestId('result-count');

async function total(page: Page): Promise<number> {
  await expect(count(page)).toHaveText(/共 \d+ 条/);
  return Number(/共 (\d+) 条/.exec((await count(page).textContent()) ?? '')![1]);
}

const fairCards = (page: Page) => page.getByRole('region', { name: '招聘会列表' }).getByTestId('fair-card');

test.describe('fairs by what their pages say', () => {
  for (const word of ['手语', '外卖', '简历', '烹饪']) {
    test(`${word} finds the fairs whose page says it @phone @nojs @elder`, async ({ page }) => {
      let opened = false;
      for (const when of ['', '&when=past']) {
        await page.goto(`/fairs?q=${encodeURIComponent(word)}${when}`);
        if ((await total(page)) === 0) continue;
        // The first fair found says the word on its own page (description, employers or positions).
        await fairCards(page).first().getByRole('link').first().click();
        await expect(page.getByRole('main')).toContainText(word);
        opened = true;
        break;
      }
      expect(opened, `a fair is found by ${word}`).toBe(true);
    });
  }
});

test.describe('pinyin initials and short forms', () => {
  test('dg does not find stations through the middle of a service name; lgq still finds 卢沟桥 @nojs', async ({ page }) => {
    await page.goto('/stations');
    const all = await total(page);
    await page.goto('/stations?q=dg');
    const dg = await total(page);
    // 核对个人账户明细 (hdgrzhmx) is offered almost everywhere: before the fix dg found 46 stations.
    expect(dg).toBeLessThan(all / 2);
    await page.goto('/stations?q=lgq');
    expect(await total(page)).toBeGreaterThan(0);
    await expect(page.getByRole('list', { name: '查找结果' }).getByRole('heading').first()).toContainText('卢沟桥');
  });

  test('医保站 and 驿站 find the stations, in the list and the site search @phone @nojs @elder', async ({ page }) => {
    await page.goto('/stations');
    const all = await total(page);
    for (const word of ['医保站', '驿站']) {
      await page.goto(`/stations?q=${encodeURIComponent(word)}`);
      expect(await total(page), word).toBe(all);
    }
    await page.goto(`/search?q=${encodeURIComponent('医保站')}`);
    const stations = page.getByRole('region', { name: /医保驿站/ });
    await expect(stations.getByRole('link', { name: `查看全部 ${all} 个驿站` })).toBeVisible();
  });

  test('招聘 in the site search finds the fairs @nojs', async ({ page }) => {
    await page.goto('/fairs');
    const upcoming = await total(page);
    await page.goto(`/search?q=${encodeURIComponent('招聘')}`);
    const fairs = page.getByRole('region', { name: /招聘会/ });
    await expect(fairs.getByRole('link', { name: `查看全部 ${upcoming} 场招聘会` })).toBeVisible();
  });
});
