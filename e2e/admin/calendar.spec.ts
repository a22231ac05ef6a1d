/**
 * The holiday / 调休 calendar: 管理员 adds, edits and deletes days with validation and audit,
 * and the change reaches a public station page on the next request; 编辑 may only look.
 */
import { expect, test } from '@playwright/test';
import { signedInContext, uniqueIp } from '../helpers/auth';
import { expectNoA11yViolations } from '../helpers/a11y';
import { scalar } from '../helpers/db';

// The tests count calendar rows, so they take turns rather than run side by side.
test.describe.configure({ mode: 'default' });

function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A weekday 8–28 days ahead (never this week) with no calendar row and no exception at station 1. */
function freeWeekday(skip = 0): string {
  const today = beijingToday();
  let found = 0;
  for (let n = 8; n <= 28; n++) {
    const day = addDays(today, n);
    const wd = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    if (scalar<number>('SELECT count(*) FROM calendar_days WHERE date = ?', day) > 0) continue;
    if (scalar<number>('SELECT count(*) FROM station_exceptions WHERE station_id = 1 AND start_date <= ? AND end_date >= ?', day, day) > 0) continue;
    if (found++ === skip) return day;
  }
  throw new Error('no free weekday in the next four weeks');
}

/** A published station with regular weekday hours, to read the change on. */
function publicStation(): number {
  return scalar<number>(
    `SELECT s.id FROM stations s WHERE s.publication = 'published' AND s.status = 'operating' AND s.id = 1
       AND EXISTS (SELECT 1 FROM station_hours h WHERE h.station_id = s.id AND h.weekday BETWEEN 1 AND 5)`,
  );
}

test('管理员 adds a holiday, renames it and deletes it; each change shows on the public station page', async ({ browser }) => {
  const day = freeWeekday();
  const stationId = publicStation();
  const name = `测试休息日${Date.now().toString(36).slice(-5)}`;
  const { context, page } = await signedInContext(browser, 'admin');
  const resident = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const residentPage = await resident.newPage();

  await page.goto(`/admin/calendar?year=${day.slice(0, 4)}`);
  await expectNoA11yViolations(page);
  const add = page.getByRole('region', { name: '登记一天' });
  await add.getByLabel('日期').fill(day);
  await add.getByRole('radio', { name: /放假/ }).check();
  await add.getByLabel('名称').fill(name);
  await add.getByRole('button', { name: '登记这一天' }).click();
  await expect(page.getByText(`已登记 ${day}`)).toBeVisible();
  const row = page.getByTestId(`calendar-row-${day}`);
  await expect(row).toContainText(name);

  await residentPage.goto(`/stations/${stationId}`);
  await expect(residentPage.getByTestId('hours-changes')).toContainText(name);

  // Rename it.
  await row.getByRole('button', { name: `修改 ${day}` }).click();
  const edit = page.getByRole('form', { name: `修改 ${day}` });
  await edit.getByLabel('名称').fill(`${name}改`);
  await edit.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByTestId(`calendar-row-${day}`)).toContainText(`${name}改`);
  await residentPage.reload();
  await expect(residentPage.getByTestId('hours-changes')).toContainText(`${name}改`);

  // Delete it: the station keeps its ordinary hours that day again.
  await page.getByTestId(`calendar-row-${day}`).getByRole('button', { name: `删除 ${day}` }).click();
  await page.getByRole('button', { name: '确定删除' }).click();
  await expect(page.getByTestId(`calendar-row-${day}`)).toHaveCount(0);
  expect(scalar<number>('SELECT count(*) FROM calendar_days WHERE date = ?', day)).toBe(0);
  await residentPage.reload();
  await expect(residentPage.getByText(name)).toHaveCount(0);

  // Every step is in the audit log.
  const id = Number(day.replaceAll('-', ''));
  expect(scalar<number>(`SELECT count(*) FROM audit_log WHERE entity = 'calendar' AND entity_id = ?`, id)).toBe(3);
  await Promise.all([context.close(), resident.close()]);
});

test('calendar validation: a duplicate day, a 调休 workday on a weekday, a missing name — nothing written', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin');
  const existing = scalar<string>(`SELECT date FROM calendar_days WHERE kind = 'holiday' ORDER BY date DESC LIMIT 1`);
  const before = scalar<number>('SELECT count(*) FROM calendar_days');
  await page.goto(`/admin/calendar?year=${existing.slice(0, 4)}`);
  const add = page.getByRole('region', { name: '登记一天' });

  await add.getByLabel('日期').fill(existing);
  await add.getByRole('radio', { name: /放假/ }).check();
  await add.getByRole('button', { name: '登记这一天' }).click();
  await expect(add.getByRole('alert')).toContainText('请填写名称');
  await expect(add.getByLabel('名称')).toHaveAttribute('aria-invalid', 'true');

  await add.getByLabel('名称').fill('重复的一天');
  await add.getByRole('button', { name: '登记这一天' }).click();
  await expect(add.getByRole('alert')).toContainText('同一天只能有一行');
  await expect(add.getByLabel('名称')).toHaveValue('重复的一天');

  const weekday = freeWeekday();
  await add.getByLabel('日期').fill(weekday);
  await add.getByRole('radio', { name: /调休上班/ }).check();
  await add.getByRole('button', { name: '登记这一天' }).click();
  await expect(add.getByRole('alert')).toContainText('本来就上班');
  expect(scalar<number>('SELECT count(*) FROM calendar_days')).toBe(before);
  await context.close();
});

test('编辑 sees the calendar without the editing controls; the 2027 note says it is provisional @phone', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  await page.goto('/admin/calendar?year=2026');
  await expect(page.getByText('您可以查看节假日安排；修改需要管理员账号。')).toBeVisible();
  await expect(page.getByText(/国庆节/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: '登记一天' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^修改 / })).toHaveCount(0);
  await page.getByRole('link', { name: '2027年' }).click();
  await expect(page.getByTestId('provisional-note')).toContainText('不是国务院办公厅的正式通知');
  await expectNoA11yViolations(page);
  await context.close();
});
