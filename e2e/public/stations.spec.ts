import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';
import { beijingDay, isoWeekday, suiteNow } from '../helpers/clock';
import { withDb } from '../helpers/db';

/*
 * The 医保服务驿站 finder as residents use it. The sample data is dated relative to the real
 * today and "open now" depends on the real Beijing time, so these tests assert structure and
 * relations (a filter's shown count equals the results it gives; every card carries what was
 * asked for; an open-now list holds only open stations, or says what to do when none is),
 * never absolute dates or times.
 */

const count = (page: Page) => page.getByTestId('result-count');
const results = (page: Page) => page.getByRole('list', { name: '查找结果' }).getByRole('listitem').filter({ has: page.getByRole('heading') });
const chips = (page: Page) => page.getByRole('group', { name: '已选条件' });
const form = (page: Page) => page.getByRole('search', { name: '查找医保服务驿站' });

async function total(page: Page): Promise<number> {
  await expect(count(page)).toHaveText(/^共 \d+ 条/);
  return Number((await count(page).textContent())!.match(/\d+/)![0]);
}

/** The count shown in a label: '丰台街道（3）' → 3. */
function countIn(label: string): number {
  const m = label.match(/（(\d+)）/);
  return m ? Number(m[1]) : -1;
}

/** An option of a select whose label holds `text`, with its value and count. */
async function option(select: Locator, text: string | RegExp): Promise<{ value: string; label: string; n: number }> {
  const opt = select.locator('option').filter({ hasText: text }).first();
  const label = (await opt.textContent()) ?? '';
  return { value: (await opt.getAttribute('value')) ?? '', label, n: countIn(label) };
}

/** The first option (not "any") that promises results. */
async function usefulOption(select: Locator): Promise<{ value: string; label: string; n: number }> {
  const opts = select.locator('option');
  for (let i = 1; i < (await opts.count()); i++) {
    const label = (await opts.nth(i).textContent()) ?? '';
    if (countIn(label) > 0) return { value: (await opts.nth(i).getAttribute('value'))!, label, n: countIn(label) };
  }
  throw new Error('no option with results');
}

/** Waits until the live results have caught up with the form. */
async function settled(page: Page) {
  await expect(page.locator('[aria-live="polite"][aria-busy="false"]')).toBeVisible();
}

/** Marks the page so a later check can tell the results changed without a reload. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { __stay?: boolean }).__stay = true));
}
async function expectSamePage(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __stay?: boolean }).__stay)).toBe(true);
}

/** 街镇, type, evenings and weekends sit under «更多条件»; open it when it is folded. */
async function openMore(page: Page) {
  const details = form(page).locator('details');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

async function toggleCount(page: Page, name: RegExp): Promise<number> {
  const label = page.locator('label', { has: page.getByRole('checkbox', { name }) });
  return countIn((await label.textContent()) ?? '');
}

/** Every card on the page must be open now, or the empty state must say what to do. */
async function expectOnlyOpenOrHelp(page: Page) {
  if ((await total(page)) === 0) {
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await expect(page.getByTestId('empty-state').locator('a[href="tel:12393"]')).toBeVisible();
    return;
  }
  const statuses = await results(page).getByTestId('station-status').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  for (const s of statuses) expect(s).toMatch(/营业中/);
}

test.describe('station list', () => {
  test('resident finds a station open now that offers 异地就医备案, and the list updates in place', async ({ page }) => {
    await page.goto('/stations');
    await expect(page.getByRole('heading', { level: 1, name: '医保服务驿站' })).toBeVisible();
    const all = await total(page);
    expect(all).toBeGreaterThan(40);
    await markPage(page);

    const service = page.getByLabel('要办的事');
    await expect(service.locator('optgroup')).not.toHaveCount(0);
    const filing = await option(service, '异地就医备案');
    expect(filing.n).toBeGreaterThan(0);
    await service.selectOption(filing.value);
    await expect(page).toHaveURL(new RegExp(`service=${filing.value}`));
    await expect(count(page)).toHaveText(`共 ${filing.n} 条`);
    await expect(results(page).first().getByTestId('station-service-mode')).toContainText('“异地就医备案”在这里：');

    const openNow = page.getByRole('checkbox', { name: /现在营业/ });
    const promised = await toggleCount(page, /现在营业/);
    await openNow.check();
    await expect(page).toHaveURL(/open=1/);
    await expect(count(page)).toHaveText(`共 ${promised} 条`);
    await expect(chips(page).getByRole('link', { name: '去掉条件：现在营业' })).toBeVisible();
    await expectOnlyOpenOrHelp(page);
    await expectSamePage(page);
  });

  test('resident narrows by 街镇 and the count matches the one shown', async ({ page }) => {
    await page.goto('/stations');
    await openMore(page);
    const street = page.getByLabel('所在街镇');
    const fengtai = await option(street, '丰台街道');
    await street.selectOption(fengtai.value);
    await expect(page).toHaveURL(new RegExp(`street=${fengtai.value}`));
    await expect(count(page)).toHaveText(`共 ${fengtai.n} 条`);
    for (const address of await results(page).locator('dd', { hasText: '北京市' }).allTextContents()) {
      expect(address).toContain('（丰台街道）');
    }
    await expect(chips(page).getByRole('link', { name: '去掉条件：丰台街道' })).toBeVisible();
  });

  test('resident looks for bank branches only', async ({ page }) => {
    await page.goto('/stations');
    await openMore(page);
    const host = page.getByLabel('驿站类型');
    const bank = await option(host, '银行网点');
    await host.selectOption(bank.value);
    await expect(page).toHaveURL(/host=bank/);
    await expect(count(page)).toHaveText(`共 ${bank.n} 条`);
    for (const host of await results(page).locator('dd', { hasText: '·' }).allTextContents()) expect(host).toMatch(/^银行网点 · /);
  });

  test('an office worker finds stations open on weekday evenings, then at weekends', async ({ page }) => {
    await page.goto('/stations');
    await openMore(page);
    const evenings = await toggleCount(page, /工作日晚上开放/);
    expect(evenings).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /工作日晚上开放/ }).check();
    await expect(page).toHaveURL(/evening=1/);
    await expect(count(page)).toHaveText(`共 ${evenings} 条`);
    for (const href of await results(page).getByRole('heading').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^\/stations\/\d+$/);
    }

    await page.getByRole('checkbox', { name: /工作日晚上开放/ }).uncheck();
    await expect(page).not.toHaveURL(/evening=1/);
    const weekends = await toggleCount(page, /周末开放/);
    await page.getByRole('checkbox', { name: /周末开放/ }).check();
    await expect(page).toHaveURL(/weekend=1/);
    await expect(count(page)).toHaveText(`共 ${weekends} 条`);
    // The district service centres keep weekday hours only.
    await expect(results(page).filter({ hasText: '街镇便民服务中心 ·' })).toHaveCount(0);
    // Stations not open yet keep no hours residents can use now: neither filter lists them.
    await expect(results(page).getByTestId('station-status').filter({ hasText: '尚未启用' })).toHaveCount(0);
  });

  test('resident types a short word, or pinyin initials, and finds stations', async ({ page }) => {
    await page.goto('/stations');
    const all = await total(page);
    await page.getByRole('searchbox', { name: '关键词' }).fill('银行');
    await expect(page).toHaveURL(/q=%E9%93%B6%E8%A1%8C/);
    await expect(count(page)).not.toHaveText(`共 ${all} 条`);
    await settled(page);
    expect(await total(page)).toBeGreaterThan(0);
    for (const name of await results(page).getByRole('heading').allTextContents()) expect(name).toContain('银行');

    await page.getByRole('searchbox', { name: '关键词' }).fill('lgq');
    await expect(page).toHaveURL(/q=lgq/);
    await expect(results(page).first().getByRole('heading')).toContainText('卢沟桥');
    await expect(chips(page).getByRole('link', { name: '去掉条件：关键词：lgq' })).toBeVisible();
  });

  test('resident picks where they are and sees the nearest stations with walking times', async ({ page }) => {
    await page.goto('/stations');
    const where = page.getByLabel('我在哪里');
    await expect(where.locator('optgroup[label="街镇"] option')).toHaveCount(26);
    await expect(where.locator('optgroup[label="常用地点"] option')).not.toHaveCount(0);
    const fengtai = await option(where, '丰台街道');
    await where.selectOption(fengtai.value);
    await expect(page).toHaveURL(/near=s\d+/);
    await expect(page.getByText('按离“丰台街道”的距离从近到远排列', { exact: false })).toBeVisible();
    await expect(chips(page).getByRole('link', { name: '去掉条件：位置：丰台街道' })).toBeVisible();

    const distances = await results(page).getByTestId('station-distance').allTextContents();
    expect(distances.length).toBe(10);
    // Up to half an hour a walking time; beyond it the distance and a hint to take the bus or metro.
    const metres = distances.map((d) => {
      const walk = d.match(/约 (\d+) 分钟步行（直线距离估算）/);
      if (walk) {
        expect(Number(walk[1])).toBeLessThanOrEqual(30);
        return Number(walk[1]) * 80;
      }
      const far = d.match(/约 ([\d.]+) 公里，建议乘公交或地铁/);
      expect(far, d).not.toBeNull();
      return Number(far![1]) * 1000;
    });
    for (let k = 1; k < metres.length; k++) expect(metres[k]!).toBeGreaterThanOrEqual(metres[k - 1]! - 100);
    // The badge appears exactly where the walk is 15 minutes or less.
    for (const d of distances) expect(d.includes('15分钟可达')).toBe(Number(d.match(/约 (\d+) 分钟/)?.[1] ?? 99) <= 15);
    expect(distances[0]).toContain('15分钟可达');
  });

  test('planned stations are listed last, clearly marked 尚未启用', async ({ page }) => {
    await page.goto('/stations');
    const pages = Number((await page.getByText(/^第 1 \/ \d+ 页$/).textContent())!.match(/\/ (\d+)/)![1]);
    await page.goto(`/stations?page=${pages}`);
    await expect(results(page).last().getByTestId('station-status')).toContainText(/尚未启用\s*计划\d+月\d+日启用/);
    // Once the planned ones start, nothing operating follows them.
    const statuses = await results(page).getByTestId('station-status').allTextContents();
    const firstPlanned = statuses.findIndex((s) => s.includes('尚未启用'));
    expect(statuses.slice(firstPlanned).every((s) => s.includes('尚未启用'))).toBe(true);
    await page.goto('/stations');
    await expect(results(page).first().getByTestId('station-status')).not.toContainText('尚未启用');
  });

  test('resident removes filters one chip at a time, then clears them all', async ({ page }) => {
    await page.goto('/stations?host=bank&weekend=1&q=%E9%93%B6%E8%A1%8C');
    await expect(chips(page).getByRole('link', { name: /^去掉条件/ })).toHaveCount(3);
    const narrow = await total(page);
    await markPage(page);
    await chips(page).getByRole('link', { name: '去掉条件：周末开放' }).click();
    await expect(page).not.toHaveURL(/weekend/);
    await expect(chips(page).getByRole('link', { name: /^去掉条件/ })).toHaveCount(2);
    expect(await total(page)).toBeGreaterThanOrEqual(narrow);
    await expect(page.getByRole('checkbox', { name: /周末开放/ })).not.toBeChecked();
    await chips(page).getByRole('link', { name: '清除全部条件' }).click();
    await expect(page).toHaveURL(/\/stations$/);
    await expect(chips(page)).toHaveCount(0);
    await expect(page.getByRole('searchbox', { name: '关键词' })).toHaveValue('');
    expect(await total(page)).toBeGreaterThan(narrow);
    await expectSamePage(page);
  });

  test('resident pages through the list and back', async ({ page }) => {
    await page.goto('/stations');
    const nav = page.getByRole('navigation', { name: '分页' });
    await expect(nav).toContainText('第 1 /');
    const first = await results(page).first().getByRole('heading').textContent();
    await nav.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(nav).toContainText('第 2 /');
    await expect(results(page).first().getByRole('heading')).not.toHaveText(first!);
    await expect(results(page)).toHaveCount(10);
    await nav.getByRole('link', { name: '上一页' }).click();
    await expect(page).not.toHaveURL(/page=/);
    await expect(results(page).first().getByRole('heading')).toHaveText(first!);
  });

  test('a search that finds nothing suggests what to drop and the 12393 hotline', async ({ page }) => {
    await page.goto(`/stations?q=${encodeURIComponent('银行')}&host=street_centre`);
    const empty = page.getByTestId('empty-state');
    await expect(empty.getByRole('heading', { name: '没有找到符合条件的驿站' })).toBeVisible();
    await expect(empty.locator('a[href="tel:12393"]')).toBeVisible();
    const widen = empty.getByRole('link', { name: /^去掉“街镇便民服务中心”（有 \d+ 个驿站）$/ });
    const promised = Number(((await widen.textContent()) ?? '').match(/有 (\d+) 个驿站/)![1]);
    await widen.click();
    await expect(page).not.toHaveURL(/host=/);
    await expect(count(page)).toHaveText(`共 ${promised} 条`);
  });

  test('a mangled link still shows the list with a notice, never an error page', async ({ page }) => {
    const long = '银'.repeat(500);
    for (const qs of [`page=abc&host=zz&street=999999`, `q=${encodeURIComponent(long)}`, `near=x1&lat=10&lng=10&service=0`, `q=%F0%9F%98%80%00`]) {
      const res = await page.goto(`/stations?${qs}`);
      expect(res?.status(), qs).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: '医保服务驿站' })).toBeVisible();
      await expect(count(page)).toBeVisible();
    }
    await page.goto('/stations?page=abc&host=zz&street=999999');
    await expect(page.getByText('网址里有些条件无法识别，已按默认条件显示。')).toBeVisible();
    expect(await total(page)).toBeGreaterThan(40);
  });

  test('the list passes an accessibility scan, with filters on and with none found', async ({ page }) => {
    await page.goto('/stations?near=s9&evening=1');
    await expect(results(page).first()).toBeVisible();
    await expectNoA11yViolations(page);
    await page.goto(`/stations?q=${encodeURIComponent('火星基地')}&open=1`);
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await expectNoA11yViolations(page);
  });
});

test.describe('near me with the device position', () => {
  test.use({ geolocation: { latitude: 39.8555, longitude: 116.2855 }, permissions: ['geolocation'] });

  test('resident taps «使用我的位置» and sees the closest stations first', async ({ page }) => {
    await page.goto('/stations');
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await expect(page).toHaveURL(/lat=39\.8555&lng=116\.2855/);
    await expect(chips(page).getByRole('link', { name: '去掉条件：位置：我的位置' })).toBeVisible();
    await expect(page.getByText('正在按“我的位置”排序')).toBeVisible();
    await expect(results(page).first().getByTestId('station-distance')).toContainText('15分钟可达');
    await expect(page.getByLabel('我在哪里')).toHaveValue('');

    // Picking a place instead replaces the device position.
    const where = page.getByLabel('我在哪里');
    await where.selectOption((await option(where, '北京南站')).value);
    await expect(page).toHaveURL(/near=p\d+/);
    await expect(page).not.toHaveURL(/lat=/);
    await expect(chips(page).getByRole('link', { name: '去掉条件：位置：北京南站' })).toBeVisible();
  });
});

test.describe('station page', () => {
  test('resident opens a bank station and reads today, this week, the counter hours and how to get there', async ({ page }) => {
    await page.goto('/stations?host=bank');
    const first = results(page).first().getByRole('heading').getByRole('link');
    const name = (await first.textContent())!;
    await first.click();
    await expect(page).toHaveURL(/\/stations\/\d+$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    const today = page.getByRole('region', { name: '今天' });
    await expect(today.getByTestId('station-status').first()).toContainText(/营业中|休息中|今日休息|尚未启用/);
    await expect(today.getByTestId('station-status').nth(1)).toContainText('人工窗口：');
    await expect(today.locator('a[href^="tel:"]')).toBeVisible();
    await expect(today.getByTestId('last-verified')).toContainText(/信息核实于 \d{4}年\d{1,2}月\d{1,2}日/);

    const week = page.getByTestId('week-table');
    await expect(week.locator('tbody tr')).toHaveCount(7);
    await expect(week.locator('tr[aria-current="date"]')).toHaveCount(1);
    await expect(week.locator('tr[aria-current="date"]')).toContainText('今天');
    await expect(week.getByRole('columnheader', { name: '人工窗口' })).toBeVisible();

    const contact = page.getByRole('region', { name: '地址和电话' });
    const nav = contact.getByRole('link', { name: /^用高德地图步行导航到/ });
    await expect(nav).toHaveAttribute('href', /^https:\/\/uri\.amap\.com\/navigation\?to=.*mode=walk/);
    // The navigation buttons carry the coordinates; the page prints none (issue 16, point 10).
    await expect(contact).not.toContainText(/北纬|东经|坐标|\d{2,3}\.\d{4,}/, { useInnerText: true });
    await expect(contact.getByRole('link', { name: /拨打.*电话/ })).toHaveAttribute('href', /^tel:\d+$/);

    const services = page.getByRole('region', { name: '可办事项' });
    await expect(services.getByRole('heading', { level: 3 }).first()).toBeVisible();
    await expect(services.getByText(/^(窗口|自助|窗口／自助)$/).first()).toBeVisible();
    await expect(page.getByRole('region', { name: '还有疑问？' }).locator('a[href="tel:12393"]')).toBeVisible();
    await expect(page.getByRole('region', { name: '还有疑问？' })).toContainText('手机上办理');
    await expectNoA11yViolations(page);
  });

  test('a station closed for the next days says so, with the reason @clock', async ({ page }) => {
    // The seed closes one bank branch for two days from tomorrow (relative to the seed's today).
    await page.goto(`/stations?q=${encodeURIComponent('工商银行幸福街')}`);
    await results(page).first().getByRole('heading').getByRole('link').click();
    const changes = page.getByRole('region', { name: '近期时间调整（30天内）' });
    // Other changes (a 调休 day, a holiday) may come first in the list.
    await expect(changes.getByRole('listitem').filter({ hasText: '医保信息系统升级' })).toContainText(/\d+月\d+日–\d+月\d+日 休息（医保信息系统升级，.*急办/);
    // The week table names the closure briefly; the full reason is said once, in the list above.
    const week = page.getByTestId('week-table');
    await expect(week).not.toContainText('急办');
    const closedRows = week.locator('tbody tr', { hasText: '休息（医保信息系统升级）' });
    expect(await closedRows.count()).toBeGreaterThan(0);
    await expect(page.getByTestId('station-status').first()).not.toContainText('急办');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('a planned station says when it opens @elder', async ({ page }) => {
    await page.goto(`/stations?q=${encodeURIComponent('华夏银行')}`);
    await results(page).first().getByRole('heading').getByRole('link').click();
    await expect(page.getByText(/^将于 \d+月\d+日 启用$/)).toBeVisible();
    await expect(page.getByText(/这个驿站还没有开放，计划 \d{4}年\d+月\d+日 启用/)).toBeVisible();
    // It shows the hours it will keep, not a week of «尚未启用».
    const regular = page.getByRole('region', { name: '启用后的开放时间' });
    await expect(regular.getByTestId('regular-table').locator('tbody tr')).toHaveCount(7);
    await expect(regular).toContainText(/\d+:\d{2}–\d+:\d{2}/);
    await expect(regular).not.toContainText('尚未启用');
    await expect(page.getByTestId('week-table')).toHaveCount(0);
    await expectNoA11yViolations(page);
  });

  test('an unknown, malformed or unpublished station address is a friendly 404', async ({ page }) => {
    for (const path of ['/stations/999999', '/stations/abc', '/stations/0', '/stations/1.5']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: '页面没有找到' })).toBeVisible();
    }
  });
});

test.describe('without JavaScript', () => {
  test('resident searches with the plain form and picks where they are @nojs', async ({ page }) => {
    await page.goto('/stations');
    await expect(page.getByRole('button', { name: '使用我的位置' })).toHaveCount(0);
    await openMore(page);
    await page.getByLabel('驿站类型').selectOption('bank');
    const where = page.getByLabel('我在哪里');
    await where.selectOption((await option(where, '方庄街道')).value);
    await page.getByRole('button', { name: '查看结果' }).click();
    await expect(page).toHaveURL(/host=bank/);
    await expect(page).toHaveURL(/near=s\d+/);
    await expect(chips(page).getByRole('link', { name: '去掉条件：银行网点' })).toBeVisible();
    for (const host of await results(page).locator('dd', { hasText: '·' }).allTextContents()) expect(host).toMatch(/^银行网点 · /);
    await expect(results(page).first().getByTestId('station-distance')).toContainText('约');

    // Chips and pages are plain links too.
    await chips(page).getByRole('link', { name: '去掉条件：银行网点' }).click();
    await expect(page).not.toHaveURL(/host=/);
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/page=2/);
  });
});

test.describe('on a phone', () => {
  test('resident uses the finder on a phone: no sideways scrolling, big targets, tap to call @phone', async ({ page }) => {
    await page.goto('/stations?service=9');
    await expect(results(page).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // On a narrow screen the filters come first, stacked; the results follow below them.
    // (The desktop project runs this test too, where the filters are a sidebar.)
    const formBox = (await form(page).boundingBox())!;
    const firstResult = (await results(page).first().boundingBox())!;
    if (page.viewportSize()!.width < 1024) expect(firstResult.y).toBeGreaterThan(formBox.y + formBox.height - 1);
    else expect(firstResult.x).toBeGreaterThan(formBox.x + formBox.width - 1);

    for (const target of [
      page.getByRole('button', { name: '查看结果' }),
      page.getByLabel('要办的事'),
      results(page).first().locator('a[href^="tel:"]'),
      chips(page).getByRole('link').first(),
    ]) {
      const box = (await target.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    await results(page).first().getByRole('heading').getByRole('link').click();
    await expect(page.getByRole('region', { name: '今天' }).getByRole('link', { name: /^拨打 [\d-]+$/ })).toBeVisible();
    const detailOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(detailOverflow).toBeLessThanOrEqual(0);
  });
});

test.describe('«最早开门» when nothing is open', () => {
  /**
   * '明天 8:30 开门' / '周日 9:00 开门' / '2月14日 9:00 开门' (further than a week, e.g. over 春节) →
   * minutes from the start of today (Beijing), or null when the text names no opening.
   */
  function opensAt(text: string, today: string): number | null {
    const m = /(今天|明天|周[一二三四五六日]|(\d{1,2})月(\d{1,2})日)\s*(\d{1,2}):(\d{2})\s*开门/.exec(text);
    if (!m) return null;
    let days: number;
    if (m[2] !== undefined) {
      const [y, mo, d] = today.split('-').map(Number) as [number, number, number];
      const year = Number(m[2]) < mo ? y + 1 : y;
      days = Math.round((Date.UTC(year, Number(m[2]) - 1, Number(m[3])) - Date.UTC(y, mo - 1, d)) / 86_400_000);
    } else days = m[1] === '今天' ? 0 : m[1] === '明天' ? 1 : ('一二三四五六日'.indexOf(m[1]!.slice(1)) + 1 - isoWeekday(today) + 7) % 7;
    return days * 1440 + Number(m[4]) * 60 + Number(m[5]);
  }

  // With JavaScript (desktop, phone) and without: the offer is a plain link, the order a GET parameter.
  for (const tag of ['@phone', '@nojs']) {
    test(`resident is offered «最早开门» when no station is open, and the list then starts with the first to open @clock ${tag}${tag === '@phone' ? ' @elder' : ''}`, async ({ page }) => {
      await page.goto('/stations');
      const openCount = await toggleCount(page, /现在营业/);
      const offer = page.getByTestId('none-open');
      if (openCount !== 0) {
        await expect(offer).toHaveCount(0);
        await page.goto('/stations?sort=opens');
      } else {
        await expect(offer).toContainText('没有营业的驿站');
        await offer.getByRole('link', { name: /按最早开门排列/ }).click();
        await expect(page).toHaveURL(/sort=opens/);
      }
      await expect(page.getByText(/按最早开门排列：/)).toBeVisible();
      await expect(form(page).getByLabel('排列顺序')).toHaveValue('opens');
      // Open ones first, then the rest by when they next open (as each card says it).
      const statuses = await results(page).getByTestId('station-status').allTextContents();
      const firstClosed = statuses.findIndex((s) => !/营业中/.test(s));
      if (firstClosed >= 0) expect(statuses.slice(firstClosed).every((s) => !/营业中/.test(s))).toBe(true);
      const today = beijingDay(suiteNow());
      const times = statuses.map((s) => opensAt(s, today)).filter((t): t is number => t !== null);
      if (openCount === 0) expect(times.length).toBeGreaterThan(1);
      for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
    });
  }
});

test.describe('what to bring', () => {
  const filing = () =>
    withDb((db) => db.prepare(`SELECT id, materials, online_note AS note FROM services WHERE name = '异地就医备案'`).get()) as { id: number; materials: string; note: string };

  test('a resident searching for 异地就医备案 sees what to bring on each card, then first on the station page @phone @elder', async ({ page }) => {
    const s = filing();
    const items = JSON.parse(s.materials) as string[];
    expect(items.length).toBeGreaterThan(1);
    await page.goto(`/stations?service=${s.id}`);
    const card = results(page).first();
    await expect(card.getByTestId('station-service-mode')).toContainText('“异地就医备案”在这里：');
    await expect(card.getByTestId('station-service-mode')).toContainText('手机可办');
    await expect(card.getByTestId('service-materials')).toHaveText(`办理需带：${items.join('、')}`);

    await card.getByRole('heading').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/stations/\\d+\\?service=${s.id}$`));
    // Before the week's hours: the service asked about, what to bring as a checklist, and the phone route.
    const searched = page.getByRole('region', { name: '您要办的事：异地就医备案' });
    await expect(searched).toBeVisible();
    // (Each item after its tick mark.)
    await expect(searched.getByRole('listitem')).toHaveText(items.map((i) => new RegExp(`${i.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)));
    await expect(searched).toContainText(`这件事也可以在手机上办，不用跑腿：${s.note}`);
    const week = page.getByRole('region', { name: '今天起7天开放时间' });
    expect((await searched.boundingBox())!.y).toBeLessThan((await week.boundingBox())!.y);
    // Every service in the full list says what to bring, on one short line.
    const services = page.getByRole('region', { name: '可办事项' }).getByTestId('station-service');
    const n = await services.count();
    expect(n).toBeGreaterThan(1);
    await expect(services.getByTestId('service-materials')).toHaveCount(n);
    await expect(services.filter({ hasText: '异地就医备案' }).first().getByTestId('service-materials')).toHaveText(`办理需带：${items.join('、')}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoA11yViolations(page);
    await searched.screenshot({ path: test.info().outputPath('station-searched-service.png') });
  });

  test('without a searched service the page has no such block, and a service it does not offer is ignored', async ({ page }) => {
    const { station, other } = withDb((db) => {
      const station = (db.prepare(`SELECT id FROM stations WHERE publication = 'published' ORDER BY id LIMIT 1`).get() as { id: number }).id;
      const other = db.prepare(`SELECT id FROM services WHERE id NOT IN (SELECT service_id FROM station_services WHERE station_id = ?) ORDER BY id LIMIT 1`).get(station) as
        | { id: number }
        | undefined;
      return { station, other: other?.id ?? null };
    });
    await page.goto(`/stations/${station}`);
    await expect(page.getByTestId('searched-service')).toHaveCount(0);
    await expect(page.getByRole('link', { name: '打印办事卡 / 二维码' })).toHaveAttribute('href', `/stations/${station}/card`);
    for (const q of [...(other ? [String(other)] : []), 'abc', '-1']) {
      await page.goto(`/stations/${station}?service=${q}`);
      await expect(page.getByTestId('searched-service')).toHaveCount(0);
      await expect(page.getByRole('link', { name: '打印办事卡 / 二维码' })).toHaveAttribute('href', `/stations/${station}/card`);
    }
  });

  test('the searched service and what to bring show without JavaScript @nojs', async ({ page }) => {
    const s = filing();
    await page.goto(`/stations?service=${s.id}`);
    await expect(results(page).first().getByTestId('service-materials')).toContainText('办理需带：');
    await results(page).first().getByRole('heading').getByRole('link').click();
    await expect(page.getByTestId('searched-service')).toContainText('办理需带');
    await expect(page.getByRole('link', { name: '打印办事卡 / 二维码' })).toHaveAttribute('href', new RegExp(`/card\\?service=${s.id}$`));
  });
});
