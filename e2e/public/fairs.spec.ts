import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';
import { countIn, resultCount, resultTotal } from '../helpers/lists';
import { scalar } from '../helpers/db';

/**
 * Residents looking for job fairs. The sample data is dated relative to the real today, so
 * these tests check structure and relations (a count beside an option equals the results it
 * gives), never absolute dates.
 */

const count = resultCount;



const cards = (page: Page) => page.getByRole('region', { name: '招聘会列表' }).getByRole('listitem').filter({ has: page.getByTestId('fair-card') });

/** Marks the document, so a later check can tell that no page load happened in between. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __stay?: boolean }).__stay = true));
}
async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __stay?: boolean }).__stay)).toBe(true);
}

test.describe('job fairs', () => {
  test('resident sees upcoming fairs with date, type, status, place and jobs', async ({ page }) => {
    await page.goto('/fairs');
    await expect(page.getByRole('heading', { level: 1, name: '招聘会' })).toBeVisible();
    await expect(cards(page).first()).toBeVisible();
    const n = await cards(page).count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(10);
    const first = cards(page).first();
    await expect(first.getByRole('link')).toHaveAttribute('href', /^\/fairs\/\d+$/);
    await expect(first).toContainText(/时间/);
    await expect(first).toContainText(/地点/);
    await expect(first).toContainText(/家单位|陆续公布/);
    // Status is always said in words: 如期举行, 延期 or 已取消.
    for (let i = 0; i < n; i++) await expect(cards(page).nth(i)).toContainText(/如期举行|延期|已取消|已结束/);
    await expectNoA11yViolations(page);
  });

  test('cancelled and postponed fairs stay listed with the reason', async ({ page }) => {
    await page.goto('/fairs');
    const all = await resultTotal(page);
    // Walk every page of upcoming fairs and collect the status notes.
    const notes: string[] = [];
    for (let p = 1; p <= Math.ceil(all / 10); p++) {
      await page.goto(p === 1 ? '/fairs' : `/fairs?page=${p}`);
      for (const card of await cards(page).all()) {
        const text = (await card.textContent()) ?? '';
        if (/已取消|延期/.test(text)) {
          await expect(card).toContainText('说明：');
          notes.push(text);
        }
      }
    }
    expect(notes.some((t) => t.includes('已取消'))).toBe(true);
    expect(notes.some((t) => t.includes('延期'))).toBe(true);
  });

  test('resident narrows to 短训快聘 fairs; the list updates in place and matches the count shown', async ({ page }) => {
    await page.goto('/fairs');
    await markDocument(page);
    const type = page.getByLabel('招聘会类型');
    const option = type.locator('option[value="short_training"]');
    const expected = countIn((await option.textContent()) ?? '');
    expect(expected).toBeGreaterThan(0);
    await type.selectOption('short_training');
    await expect(page).toHaveURL(/[?&]type=short_training/);
    await expect(count(page)).toHaveText(`共 ${expected} 条`);
    await expectSameDocument(page);
    for (const card of await cards(page).all()) {
      await expect(card).toContainText('短训快聘');
      await expect(card).toContainText('先学后聘');
    }
    await expect(page.getByRole('link', { name: '去掉条件：类型：短训快聘' })).toBeVisible();
  });

  test('resident picks 今天, then 7天内: each gives the number shown beside it @clock', async ({ page }) => {
    await page.goto('/fairs');
    for (const label of ['今天', '明天', '7天内', '30天内']) {
      const radio = page.getByRole('radio', { name: new RegExp(`^${label}（`) });
      const expected = countIn((await radio.evaluate((el) => el.closest('label')?.textContent)) ?? '');
      await radio.check();
      await expect(page).toHaveURL(new RegExp(`date=${{ 今天: 'today', 明天: 'tomorrow', '7天内': 'week', '30天内': 'month' }[label]}`));
      await expect(count(page)).toHaveText(`共 ${expected} 条`);
    }
    await page.getByRole('radio', { name: '不限' }).check();
    await expect(page).not.toHaveURL(/date=/);
  });

  test('resident finds fairs held in one 街镇', async ({ page }) => {
    await page.goto('/fairs');
    const street = page.getByLabel('举办地点所在街镇');
    const options = await street.locator('option').allTextContents();
    const withFairs = options.find((o) => /（[1-9]\d*）/.test(o));
    expect(withFairs, 'some 街镇 has a fair').toBeTruthy();
    const name = withFairs!.replace(/（\d+）/, '');
    await street.selectOption({ label: withFairs! });
    await expect(page).toHaveURL(/[?&]street=\d+/);
    await expect(count(page)).toHaveText(`共 ${countIn(withFairs!)} 条`);
    for (const card of await cards(page).all()) await expect(card).toContainText(name);
    await expect(page.getByRole('link', { name: `去掉条件：街镇：${name}` })).toBeVisible();
  });

  test('resident searches 电工 and finds a fair hiring electricians', async ({ page }) => {
    await page.goto('/fairs');
    await markDocument(page);
    await page.getByRole('searchbox', { name: '搜索招聘会' }).fill('电工');
    await expect(page).toHaveURL(/[?&]q=%E7%94%B5%E5%B7%A5/);
    await expect(page.getByRole('link', { name: '去掉条件：关键词：电工' })).toBeVisible();
    expect(await resultTotal(page)).toBeGreaterThan(0);
    await expectSameDocument(page);
    await cards(page).first().getByRole('link').click();
    await expect(page).toHaveURL(/\/fairs\/\d+$/);
    await expect(page.getByRole('region', { name: '参会单位和岗位' })).toContainText('电工');
  });

  test('resident types pinyin initials yllh and finds the 园林绿化 fair', async ({ page }) => {
    // The sample 园林绿化 fair is today; once it has ended (real clock) it is under 往期 instead,
    // never in both lists.
    await page.goto('/fairs?q=yllh');
    const upcoming = await cards(page).filter({ hasText: '园林绿化' }).count();
    await page.goto('/fairs?q=yllh&when=past');
    const past = cards(page).filter({ hasText: '园林绿化' });
    expect(upcoming + (await past.count())).toBe(1);
    if (upcoming === 0) await expect(past.first()).toContainText('已结束');
  });

  test('resident looks at past fairs, newest first', async ({ page }) => {
    await page.goto('/fairs');
    const toggle = page.getByRole('checkbox', { name: /只看往期招聘会/ });
    const expected = countIn((await toggle.evaluate((el) => el.closest('label')?.textContent)) ?? '');
    await toggle.check();
    await expect(page).toHaveURL(/when=past/);
    await expect(count(page)).toHaveText(`共 ${expected} 条`);
    for (const card of await cards(page).all()) await expect(card).toContainText(/已结束|已取消/);
    await page.getByRole('link', { name: '看近期招聘会' }).click();
    await expect(page).not.toHaveURL(/when=past/);
  });

  test('resident removes one filter chip, then clears them all', async ({ page }) => {
    await page.goto('/fairs');
    const all = await resultTotal(page);
    await page.goto('/fairs?type=short_training&date=month');
    const chips = page.getByRole('group', { name: '已选条件' });
    await expect(chips.getByRole('link', { name: '去掉条件：类型：短训快聘' })).toBeVisible();
    await expect(chips.getByRole('link', { name: '去掉条件：时间：30天内' })).toBeVisible();
    await chips.getByRole('link', { name: '去掉条件：类型：短训快聘' }).click();
    await expect(page).toHaveURL(/\/fairs\?date=month$/);
    await expect(page.getByLabel('招聘会类型')).toHaveValue('');
    await expect(chips.getByRole('link', { name: '去掉条件：类型：短训快聘' })).toHaveCount(0);
    await chips.getByRole('link', { name: '清除全部条件' }).click();
    await expect(page).toHaveURL(/\/fairs$/);
    await expect(count(page)).toHaveText(`共 ${all} 条`);
    await expect(page.getByRole('radio', { name: '不限' })).toBeChecked();
  });

  test('resident pages through the list', async ({ page }) => {
    await page.goto('/fairs');
    const all = await resultTotal(page);
    // The sample data holds more than one page of upcoming fairs; if it ever stops, this test must say so.
    expect(all, 'more than one page of fairs').toBeGreaterThan(10);
    const firstTitles = await cards(page).getByRole('link').allTextContents();
    const pager = page.getByRole('navigation', { name: '分页' });
    await expect(pager).toContainText(`第 1 / ${Math.ceil(all / 10)} 页`);
    await pager.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(pager).toContainText('第 2 /');
    const secondTitles = await cards(page).getByRole('link').allTextContents();
    expect(secondTitles.some((t) => firstTitles.includes(t))).toBe(false);
    await pager.getByRole('link', { name: '上一页' }).click();
    await expect(page).not.toHaveURL(/page=/);
  });

  test('a search with no results offers ways forward and the hotline', async ({ page }) => {
    await page.goto('/fairs?q=潜水艇驾驶&type=general');
    const empty = page.getByTestId('empty-state');
    await expect(empty.getByRole('heading', { name: '没有找到符合条件的招聘会' })).toBeVisible();
    await expect(empty.getByRole('link', { name: '去掉“类型：综合”再找' })).toBeVisible();
    await expect(empty.getByRole('link', { name: /看看往期招聘会/ })).toBeVisible();
    await expect(empty.getByRole('link', { name: '拨打 12333' })).toHaveAttribute('href', 'tel:12333');
    await expectNoA11yViolations(page);
    await empty.getByRole('link', { name: '去掉“关键词：潜水艇驾驶”再找' }).click();
    await expect(page).toHaveURL(/\/fairs\?type=general$/);
    await expect.poll(() => resultTotal(page)).toBeGreaterThan(0);
    await expect(empty).toHaveCount(0);
  });

  test('bad addresses fall back to the default list with a notice, not an error', async ({ page }) => {
    const long = 'a'.repeat(500);
    const res = await page.goto(`/fairs?page=abc&type=party&street=999999&date=someday&when=later&q=${long}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByText('网址里有些条件无法识别，已按默认条件显示。')).toBeVisible();
    expect(await resultTotal(page)).toBeGreaterThan(0);
    await expect(page.getByRole('group', { name: '已选条件' })).toHaveCount(0);
  });

  test('resident opens a 短训快聘 fair: jobs, the course to take first, map and phone', async ({ page }) => {
    await page.goto('/fairs?type=short_training');
    const title = (await cards(page).first().getByRole('link').textContent())!;
    await cards(page).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('region', { name: '举办时间' })).toBeVisible();
    const where = page.getByRole('region', { name: '举办地点' });
    await expect(where).toContainText('地址');
    await expect(where).toContainText('街道');
    const jobs = page.getByRole('region', { name: '参会单位和岗位' });
    await expect(jobs.getByRole('heading', { level: 3 }).first()).toBeVisible();
    await expect(jobs).toContainText(/招 \d+ 人/);
    await expect(jobs).toContainText(/\d+–\d+ 元\/(月|天|小时)/);
    const course = jobs.getByRole('link', { name: /^先学后聘：参加《.+》$/ }).first();
    await expect(course).toHaveAttribute('href', /^\/courses\/\d+$/);
    await expect(page.getByRole('link', { name: /高德地图步行导航/ })).toHaveAttribute('href', /^https:\/\/uri\.amap\.com\/navigation\?.*mode=walk/);
    await expect(page.getByRole('link', { name: /^拨打咨询电话/ })).toHaveAttribute('href', /^tel:/);
    await expect(page.getByRole('link', { name: '添加到日历' })).toHaveAttribute('href', /\/fairs\/\d+\/calendar$/);
    // Search engines get the same facts as schema.org Event data, times with Beijing's offset.
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(ld['@type']).toBe('Event');
    expect(ld.name).toBe(title);
    expect(ld.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
    expect(ld.eventStatus).toMatch(/^https:\/\/schema\.org\/Event(Scheduled|Postponed|Cancelled)$/);
    await expectNoA11yViolations(page);
  });

  test('resident adds a fair to the calendar: a .ics file in Beijing time', async ({ page }) => {
    await page.goto('/fairs?type=general');
    await cards(page).first().getByRole('link').click();
    await expect(page).toHaveURL(/\/fairs\/\d+$/);
    const id = /\/fairs\/(\d+)$/.exec(page.url())![1];
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '添加到日历' }).click()]);
    expect(download.suggestedFilename()).toBe(`fair-${id}.ics`);
    const res = await page.request.get(`/fairs/${id}/calendar`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/calendar');
    expect(res.headers()['content-disposition']).toContain(`filename="fair-${id}.ics"`);
    const body = (await res.text()).replace(/\r\n[ \t]/g, '');
    expect(body).toContain('BEGIN:VCALENDAR');
    expect(body).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(body).toMatch(/LOCATION:.+/);
    expect(body).toContain(`/fairs/${id}`);
    // The page says the start time in Beijing time; the file holds the same instant in UTC.
    const shown = /(\d{1,2}):(\d{2})–/.exec((await page.getByRole('region', { name: '举办时间' }).textContent()) ?? '')!;
    const utc = /DTSTART:\d{8}T(\d{2})(\d{2})00Z/.exec(body)!;
    expect((Number(utc[1]) + 8) % 24).toBe(Number(shown[1]));
    expect(utc[2]).toBe(shown[2]);
    // A reminder the day before, as a valid RFC 5545 duration (not the library's -P1DT).
    expect(body).toMatch(/^TRIGGER:-PT24H$/m);
    expect(body).not.toMatch(/^TRIGGER:.*T$/m);
  });

  test('a postponed fair offers no calendar entry at its old date', async ({ page }) => {
    await page.goto('/fairs?type=special');
    const card = cards(page).filter({ hasText: '说明：' }).filter({ hasText: /延期/ }).first();
    await card.getByRole('link').click();
    await expect(page).toHaveURL(/\/fairs\/\d+$/);
    await expect(page.getByText('这场招聘会已延期', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: '添加到日历' })).toHaveCount(0);
    await expect(page.getByText('会提醒您按时参加')).toHaveCount(0);
    const id = /\/fairs\/(\d+)$/.exec(page.url())![1];
    const res = await page.request.get(`/fairs/${id}/calendar`);
    expect(res.status()).toBe(404);
    expect(await res.text()).toContain('已延期');
  });

  test('the detail page does not say the directions twice', async ({ page }) => {
    for (const id of [7, 3, 5]) {
      const res = await page.goto(`/fairs/${id}`);
      if (res?.status() !== 200) continue;
      const how = page.getByRole('region', { name: '如何参加' });
      const where = page.getByRole('region', { name: '举办地点' });
      if ((await how.count()) === 0 || (await where.count()) === 0) continue;
      const whereText = (await where.textContent()) ?? '';
      const sentences = ((await how.textContent()) ?? '').split(/[。；\n]/).filter((t) => t.trim().length > 8);
      for (const t of sentences) expect(whereText, `/fairs/${id}`).not.toContain(t.trim());
    }
  });

  test('resident checks the 零工市场: weekly hours, next sessions and a weekly calendar entry', async ({ page }) => {
    await page.goto('/fairs?type=gig_market');
    const card = cards(page).first();
    await expect(card).toContainText(/每周.+\d{1,2}:\d{2}–\d{1,2}:\d{2}/);
    // 下一场 on another day, or 今天 with the hours while today's session is still to come or on.
    await expect(card.getByTestId('fair-next-session')).toHaveText(/^下一场：\d+月\d+日|^今天 \d{1,2}:\d{2}–\d{1,2}:\d{2}( 正在进行)?$/);
    await card.getByRole('link').click();
    await expect(page).toHaveURL(/\/fairs\/\d+$/);
    const when = page.getByRole('region', { name: '举办时间' });
    await expect(when).toContainText(/每周.+\d{1,2}:\d{2}–\d{1,2}:\d{2}/);
    await expect(when.getByRole('heading', { name: '最近几场' })).toBeVisible();
    expect(await page.getByTestId('fair-sessions').getByRole('listitem').count()).toBeGreaterThan(1);
    const id = /\/fairs\/(\d+)$/.exec(page.url())![1];
    const body = await (await page.request.get(`/fairs/${id}/calendar`)).text();
    expect(body.replace(/\r\n[ \t]/g, '')).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=[A-Z,]+;UNTIL=/);
  });

  test('an unknown, malformed or unpublished fair is a 404, also for its calendar file', async ({ page }) => {
    for (const path of ['/fairs/999999', '/fairs/abc', '/fairs/0', '/fairs/1e3']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      // The site's 404 page, rendered on the server (see proxy.ts), with a way back to the fairs.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面没有找到');
      await expect(page.getByRole('main').getByRole('link', { name: '招聘会' })).toHaveAttribute('href', '/fairs');
      // Rendered inside the site layout once: one banner, one main.
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
    }
    await expectNoA11yViolations(page);
    for (const path of ['/fairs/999999/calendar', '/fairs/abc/calendar', '/fairs/-1/calendar']) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(404);
    }
  });

  test('resident searches without JavaScript using the form @nojs', async ({ page }) => {
    await page.goto('/fairs');
    const type = page.getByLabel('招聘会类型');
    const expected = countIn((await type.locator('option[value="short_training"]').textContent()) ?? '');
    await type.selectOption('short_training');
    await page.getByRole('button', { name: '查看结果' }).click();
    await expect(page).toHaveURL(/\/fairs\?.*type=short_training/);
    await expect(count(page)).toHaveText(`共 ${expected} 条`);
    await page.getByRole('searchbox', { name: '搜索招聘会' }).fill('电工');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await expect(page).toHaveURL(/q=%E7%94%B5%E5%B7%A5/);
    await expect(page.getByLabel('招聘会类型')).toHaveValue('short_training');
    await page.getByRole('link', { name: '清除全部条件' }).click();
    await expect(page).toHaveURL(/\/fairs$/);
    await cards(page).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('on a phone a fair page says when and where before its buttons @phone @elder', async ({ page }) => {
    const id = scalar(`SELECT id FROM fairs WHERE publication = 'published' AND status = 'scheduled' ORDER BY id LIMIT 1`);
    await page.goto(`/fairs/${id}`);
    const top = async (name: string) => (await page.getByRole('region', { name }).boundingBox())!.y;
    const actions = (await page.getByTestId('fair-actions').boundingBox())!.y;
    expect(await top('举办时间')).toBeLessThan(actions);
    expect(await top('举办地点')).toBeLessThan(actions);
    // And the first screen shows the time, not a stack of buttons.
    await expect(page.getByRole('region', { name: '举办时间' })).toBeInViewport();
  });

  test('on a phone the filters stack above the results and nothing overflows @phone', async ({ page }) => {
    await page.goto('/fairs');
    const form = page.getByRole('search', { name: '查找招聘会' });
    const list = page.getByRole('region', { name: '招聘会列表' });
    const width = page.viewportSize()!.width;
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (width < 1024) {
      const f = (await form.boundingBox())!;
      const l = (await list.boundingBox())!;
      expect(f.y + f.height).toBeLessThanOrEqual(l.y);
    }
    const apply = page.getByRole('button', { name: '查看结果' });
    expect((await apply.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.getByRole('radio', { name: /^30天内（/ }).check();
    await expect(page).toHaveURL(/date=month/);
    // The address changes first; wait until the month's results are in before opening one.
    await expect(page.locator('[aria-live="polite"][aria-busy="false"]')).toBeVisible();
    await cards(page).first().getByRole('link').click();
    await expect(page.getByRole('link', { name: /^拨打咨询电话/ })).toHaveAttribute('href', /^tel:/);
    const detailOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(detailOverflow).toBeLessThanOrEqual(0);
  });
});
