import { expect, test, type Page } from '@playwright/test';
import { beijingDay, beijingTime, isoWeekday, monthDayText, pinned, suiteNow } from '../helpers/clock';

/*
 * What "today" and "this week" mean to a resident, checked at the instant the run is pinned to
 * (E2E_NOW; e2e/setup/clock-runs.sh runs these at a Sunday evening, a Monday 08:59, a 调休
 * Saturday, a month's last day, New Year's Eve 23:59 and the evening before 春节) and at the
 * real now in the full suite. The seed is dated from the same instant, so the 工商银行幸福街
 * branch is always closed for the two days from tomorrow.
 */

const today = beijingDay();
const tomorrow = beijingDay(suiteNow(), 1);
const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

const results = (page: Page) => page.getByRole('list', { name: '查找结果' }).getByRole('listitem').filter({ has: page.getByRole('heading') });

async function openStation(page: Page, words: string): Promise<number> {
  await page.goto(`/stations?q=${encodeURIComponent(words)}`);
  await results(page).first().getByRole('heading').getByRole('link').click();
  await expect(page).toHaveURL(/\/stations\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** The week table's rows as [day heading, hours cell] texts. */
async function weekRows(page: Page): Promise<[string, string][]> {
  const rows = page.getByTestId('week-table').locator('tbody tr');
  await expect(rows).toHaveCount(7);
  return rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? ''] as [string, string]));
}

// Titles stay the same whenever a worker loads this file (a retry runs in a new worker, and
// Playwright finds the test again by its title); the instant goes into an annotation instead.
test.describe('days as residents read them', () => {
  test.beforeEach(() => {
    test.info().annotations.push({ type: 'instant', description: `${pinned ? process.env.E2E_NOW : 'real now'} → Beijing ${today} ${beijingTime()}` });
  });

  test('a station page: seven days from today, today marked, tomorrow’s closure in the table @clock', async ({ page }) => {
    await openStation(page, '工商银行幸福街');
    const heading = page.getByRole('heading', { name: '今天起7天开放时间' });
    await expect(heading).toBeVisible();
    const rows = await weekRows(page);
    for (let i = 0; i < 7; i++) {
      const day = beijingDay(suiteNow(), i);
      expect(rows[i]![0], `row ${i + 1}`).toContain(WEEKDAY[isoWeekday(day)]!);
      expect(rows[i]![0], `row ${i + 1}`).toContain(monthDayText(day));
    }
    const current = page.getByTestId('week-table').locator('tr[aria-current="date"]');
    await expect(current).toHaveCount(1);
    await expect(current).toContainText(monthDayText(today));
    await expect(current).toContainText('今天');
    expect(rows[1]![1]).toContain('休息（医保信息系统升级）');
    expect(rows[2]![1]).toContain('休息（医保信息系统升级）');
    expect(rows[3]![1]).not.toContain('医保信息系统升级');
  });

  test('the 办事卡 and the API say the same seven days @clock', async ({ page, request }) => {
    const id = await openStation(page, '工商银行幸福街');
    await page.goto(`/stations/${id}/card`);
    const card = page.getByTestId('print-card');
    await expect(card).toContainText('今天起7天开放时间');
    await expect(card).toContainText(`${WEEKDAY[isoWeekday(today)]} ${monthDayText(today)}（今天）`);
    await expect(card).toContainText(new RegExp(`${WEEKDAY[isoWeekday(tomorrow)]} ${monthDayText(tomorrow)}\\s*休息（医保信息系统升级）${WEEKDAY[isoWeekday(beijingDay(suiteNow(), 2))]}`));

    const res = await request.get(`/api/v1/stations/${id}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { next_days: { date: string; is_today: boolean; closed: boolean; note: string | null }[] };
    const days = body.next_days;
    expect(days.map((d) => d.date)).toEqual(Array.from({ length: 7 }, (_, i) => beijingDay(suiteNow(), i)));
    expect(days.map((d) => d.is_today)).toEqual([true, false, false, false, false, false, false]);
    expect(days[1]).toMatchObject({ closed: true, note: '医保信息系统升级' });
    expect(days[2]).toMatchObject({ closed: true, note: '医保信息系统升级' });
  });

  test('/fairs: 7天内 never holds fewer fairs than 明天 or 今天, and each one is on in those seven days @clock', async ({ page }) => {
    await page.goto('/fairs');
    const countOf = async (label: string) => {
      const text = (await page.getByRole('radio', { name: new RegExp(`^${label}（`) }).evaluate((el) => el.closest('label')?.textContent)) ?? '';
      return Number(text.match(/（(\d+)）/)?.[1] ?? -1);
    };
    const [t, m, w, mo] = [await countOf('今天'), await countOf('明天'), await countOf('7天内'), await countOf('30天内')];
    expect(w).toBeGreaterThanOrEqual(m);
    expect(w).toBeGreaterThanOrEqual(t);
    expect(mo).toBeGreaterThanOrEqual(w);
    // The seed holds a one-day fair tomorrow and the standing 零工市场, so tomorrow is never empty.
    expect(m).toBeGreaterThan(0);

    await page.goto('/fairs?date=week');
    await expect(page.getByTestId('result-count')).toHaveText(`共 ${w} 条`);
    // Every card says a day within the seven: its next session, or the days it runs.
    const last = beijingDay(suiteNow(), 6);
    const window = new Set(Array.from({ length: 7 }, (_, i) => monthDayText(beijingDay(suiteNow(), i))));
    for (const card of await results(page).all()) {
      const text = (await card.textContent()) ?? '';
      const days = [...text.matchAll(/(\d{1,2})月(\d{1,2})日/g)].map((x) => `${x[1]}月${x[2]}日`);
      const onDay = days.some((d) => window.has(d)) || /今天|明天|每周|周[一二三四五六日]至周/.test(text);
      expect(onDay, `${text.slice(0, 80)} within ${today}..${last}`).toBe(true);
    }
  });
});

/*
 * Instants with a calendar story of their own. Each test exists only in the run pinned to its
 * day: at another instant there is nothing for it to check.
 */
const CENTRE = '右安门街道便民服务中心';

if (pinned && today === '2027-02-20') {
  test('a 调休 Saturday: the street centre opens with weekday hours and says why @clock', async ({ page }) => {
    await openStation(page, CENTRE);
    const rows = await weekRows(page);
    expect(rows[0]![0]).toContain('周六');
    expect(rows[0]![1]).toMatch(/\d+:\d{2}–\d+:\d{2}/);
    expect(rows[0]![1]).toContain('调休');
    await expect(page.getByTestId('station-status').first()).toContainText('营业中');
    // Sunday is a rest day again.
    expect(rows[1]![1]).toContain('休息');
  });
}

if (pinned && today === '2027-02-04') {
  test('the evening before 春节: tomorrow and the rest of the seven days are 春节 holidays @clock', async ({ page }) => {
    await openStation(page, CENTRE);
    const rows = await weekRows(page);
    for (let i = 1; i < 7; i++) expect(rows[i]![1], rows[i]![0]).toContain('休息（春节）');
    await expect(page.getByTestId('station-status').first()).not.toContainText('营业中');
  });
}

if (pinned && today === '2026-12-31') {
  test('New Year’s Eve: the table runs into 2027 with 元旦 @clock', async ({ page }) => {
    await openStation(page, CENTRE);
    const rows = await weekRows(page);
    expect(rows[0]![0]).toContain('12月31日');
    expect(rows[1]![0]).toContain('1月1日');
    for (let i = 1; i <= 3; i++) expect(rows[i]![1], rows[i]![0]).toContain('休息（元旦）');
    expect(rows[4]![1]).toMatch(/\d+:\d{2}–\d+:\d{2}/);
  });
}

if (pinned && today === '2026-12-07' && beijingTime() < '09:00') {
  test('Monday 08:59: the street centre has not opened yet and says when it will @clock', async ({ page }) => {
    await openStation(page, CENTRE);
    const status = page.getByTestId('station-status').first();
    await expect(status).toContainText('休息中');
    await expect(status).toContainText('9:00');
    const rows = await weekRows(page);
    expect(rows[0]![1]).toMatch(/9:00–/);
  });
}
