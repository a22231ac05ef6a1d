/**
 * The holiday / 调休 calendar: 管理员 enters an arrangement (days off plus its 调休 make-up days)
 * in one step, edits and deletes days, deletes an arrangement in one step, with validation and
 * audit, and the change reaches a public station page on the next request; 编辑 may only look.
 * The form keeps what was typed even when a save answers while the next entry is being typed.
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
  // A whole journey through several pages and dialogs: more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  const day = freeWeekday();
  const stationId = publicStation();
  const name = `测试休息日${Date.now().toString(36).slice(-5)}`;
  const { context, page } = await signedInContext(browser, 'admin');
  const resident = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const residentPage = await resident.newPage();

  await page.goto(`/admin/calendar?year=${day.slice(0, 4)}`);
  await expectNoA11yViolations(page);
  const add = page.getByRole('region', { name: '登记放假或调休' });
  await add.getByLabel('开始日期').fill(day);
  await add.getByRole('radio', { name: /放假/ }).check();
  await add.getByLabel('名称').fill(name);
  await expect(add.getByTestId('range-plan')).toContainText(`放假 ${day}（1天）`);
  await add.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByText(`已登记 ${day}，共 1 天`)).toBeVisible();
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

test('calendar validation: a day already entered, a 调休 workday on a weekday, a missing name — nothing written', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin');
  const existing = scalar<string>(`SELECT date FROM calendar_days WHERE kind = 'holiday' ORDER BY date DESC LIMIT 1`);
  const existingName = scalar<string>('SELECT name FROM calendar_days WHERE date = ?', existing);
  const before = scalar<number>('SELECT count(*) FROM calendar_days');
  await page.goto(`/admin/calendar?year=${existing.slice(0, 4)}`);
  const add = page.getByRole('region', { name: '登记放假或调休' });

  await add.getByLabel('开始日期').fill(existing);
  await add.getByRole('radio', { name: /放假/ }).check();
  await add.getByRole('button', { name: '登记', exact: true }).click();
  await expect(add.getByRole('alert')).toContainText('请填写名称');
  await expect(add.getByLabel('名称')).toHaveAttribute('aria-invalid', 'true');

  // The day is already there: the form says so before sending, and sending without agreeing is refused.
  await add.getByLabel('名称').fill('重复的一天');
  await expect(add.getByTestId('range-overlaps')).toContainText(`${existing} 已登记为「放假·${existingName}」`);
  await add.getByRole('button', { name: '登记', exact: true }).click();
  await expect(add.getByRole('alert')).toContainText('已经登记过的安排');
  await expect(add.getByLabel('名称')).toHaveValue('重复的一天');
  await expect(add.getByLabel('开始日期')).toHaveValue(existing);

  const weekday = freeWeekday();
  await add.getByLabel('开始日期').fill(weekday);
  await add.getByRole('radio', { name: /调休上班/ }).check();
  await add.getByRole('button', { name: '登记', exact: true }).click();
  await expect(add.getByRole('alert')).toContainText('本来就上班');
  expect(scalar<number>('SELECT count(*) FROM calendar_days')).toBe(before);
  expect(scalar<string>('SELECT name FROM calendar_days WHERE date = ?', existing)).toBe(existingName);
  await context.close();
});

test('编辑 sees the calendar without the editing controls; the 2027 note says it is provisional @phone', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  await page.goto('/admin/calendar?year=2026');
  await expect(page.getByText('您可以查看节假日安排；修改需要管理员账号。')).toBeVisible();
  await expect(page.getByText(/国庆节/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: '登记放假或调休' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^删除整段/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^修改 / })).toHaveCount(0);
  await page.getByRole('link', { name: '2027年' }).click();
  await expect(page.getByTestId('provisional-note')).toContainText('不是国务院办公厅的正式通知');
  await expectNoA11yViolations(page);
  await context.close();
});

/** The seeded 2027 春节 guess (db/seed/calendar.ts): 2月5日–13日 off, 1月31日(日) and 2月20日(六) worked. */
const CHUNJIE_2027 = { from: '2027-02-05', to: '2027-02-13', makeup: ['2027-01-31', '2027-02-20'] };

test('管理员 enters 2027 春节 with its two 调休 days in one step, replacing the days it overlaps after agreeing', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin');
  const auditBefore = scalar<number>(`SELECT count(*) FROM audit_log WHERE entity = 'calendar'`);
  await page.goto('/admin/calendar?year=2027');
  // The provisional-year toggle is still there beside the list.
  await expect(page.getByTestId('provisional-note')).toBeVisible();
  await expect(page.getByRole('button', { name: /已按正式通知核对2027年/ })).toBeVisible();
  const add = page.getByRole('region', { name: '登记放假或调休' });
  await add.getByLabel('名称').fill('春节');
  await add.getByLabel('开始日期').fill(CHUNJIE_2027.from);
  await add.getByLabel('结束日期').fill(CHUNJIE_2027.to);
  for (const [i, date] of CHUNJIE_2027.makeup.entries()) {
    await add.getByRole('button', { name: '添加一个调休上班日' }).click();
    await add.getByLabel(new RegExp(`^第 ${i + 1} 个调休上班日\\s*（必填）$`)).fill(date);
  }
  await add.getByLabel('第 2 个调休上班日按哪天的时间开门').selectOption('5');
  const plan = add.getByTestId('range-plan');
  await expect(plan).toContainText(`放假 ${CHUNJIE_2027.from} 至 ${CHUNJIE_2027.to}（9天）`);
  await expect(plan).toContainText('调休上班 2027-01-31（周日，按周一的时间开门）');
  await expect(plan).toContainText('调休上班 2027-02-20（周六，按周五的时间开门）');
  // The seeded guess is there already: eleven days listed, nothing replaced without agreeing.
  await expect(add.getByTestId('range-overlaps')).toContainText('其中 11 天已经登记过');
  await expectNoA11yViolations(page);
  await add.getByLabel('用这次登记替换上面这些天').check();
  await add.getByRole('button', { name: '登记', exact: true }).click();
  await expect(add.getByRole('status')).toContainText(`已登记 ${CHUNJIE_2027.makeup[0]} 至 ${CHUNJIE_2027.makeup[1]}，共 11 天（替换了原有的 11 天）`);
  // One submission, one transaction, one audit entry describing the range.
  expect(scalar<number>(`SELECT count(*) FROM audit_log WHERE entity = 'calendar'`)).toBe(auditBefore + 1);
  const summary = scalar<string>(`SELECT summary FROM audit_log WHERE entity = 'calendar' ORDER BY id DESC LIMIT 1`);
  expect(summary).toContain('春节：放假 2027-02-05至2027-02-13（9天）；调休上班 2027-01-31（周日，按周一时间）、2027-02-20（周六，按周五时间）');
  expect(scalar<number>(`SELECT as_weekday FROM calendar_days WHERE date = '2027-02-20'`)).toBe(5);
  expect(scalar<number>(`SELECT count(*) FROM calendar_days WHERE date BETWEEN '2027-01-31' AND '2027-02-20'`)).toBe(11);
  // Put the seed's Monday hours back on 2月20日, a day at a time (the single-day edit still works).
  const row = page.getByTestId('calendar-row-2027-02-20');
  // The list shows the saved range first (the refreshed page redraws a changed row, closing a form opened before it).
  await expect(row).toContainText('按周五时间开门');
  await row.getByRole('button', { name: '修改 2027-02-20' }).click();
  const edit = page.getByRole('form', { name: '修改 2027-02-20' });
  await edit.getByLabel('按哪天的时间开门').selectOption('1');
  await edit.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByTestId('calendar-row-2027-02-20')).toContainText('按周一时间开门');
  await context.close();
});

test('an arrangement is deleted in one step; a save answering mid-typing keeps the date and the kind just chosen', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin');
  // 2034: no seeded days, nothing else in the suite writes there.
  await page.goto('/admin/calendar?year=2034');
  const add = page.getByRole('region', { name: '登记放假或调休' });

  // The admin types the date and at once chooses 调休上班: the date stays.
  await add.getByLabel('开始日期').fill('2034-09-30');
  await add.getByRole('radio', { name: /调休上班/ }).check();
  await expect(add.getByLabel('开始日期')).toHaveValue('2034-09-30');
  await add.getByRole('radio', { name: /放假/ }).check();

  // 国庆节 2034 with one make-up day, entered in one step — and its answer held back while the
  // admin is already typing the next entry.
  await add.getByLabel('名称').fill('国庆节');
  await add.getByLabel('开始日期').fill('2034-10-01');
  await add.getByLabel('结束日期').fill('2034-10-07');
  await add.getByRole('button', { name: '添加一个调休上班日' }).click();
  await add.getByLabel(/^第 1 个调休上班日\s*（必填）$/).fill('2034-09-30');
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/admin/calendar**', async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  await add.getByRole('button', { name: '登记', exact: true }).click();
  await add.getByLabel('名称').fill('国庆节调休上班');
  await add.getByLabel('开始日期').fill('2034-10-08');
  await add.getByRole('radio', { name: /调休上班/ }).check();
  release();
  await expect(add.getByRole('status')).toContainText('已登记 2034-09-30 至 2034-10-07，共 8 天');
  await page.unroute('**/admin/calendar**');
  await expect(add.getByLabel('开始日期')).toHaveValue('2034-10-08');
  await expect(add.getByRole('radio', { name: /调休上班/ })).toBeChecked();
  await expect(add.getByLabel('名称')).toHaveValue('国庆节调休上班');
  expect(scalar<number>(`SELECT count(*) FROM calendar_days WHERE date BETWEEN '2034-09-30' AND '2034-10-07'`)).toBe(8);

  // The list shows the arrangement as one; deleting it is one step, one audit entry.
  const group = page.getByTestId('arrangement-2034-09-30');
  await expect(group).toContainText('2034-10-01 至 2034-10-07');
  await expect(group).toContainText('放假 7 天，调休上班 1 天');
  const auditBefore = scalar<number>(`SELECT count(*) FROM audit_log WHERE entity = 'calendar'`);
  await group.getByRole('button', { name: '删除整段「国庆节」' }).click();
  await expectNoA11yViolations(page);
  await group.getByRole('button', { name: '确定删除这 8 天' }).click();
  await expect(page.getByText('已删除「国庆节」的 8 天安排。')).toBeVisible();
  await expect(page.getByTestId('arrangement-2034-09-30')).toHaveCount(0);
  expect(scalar<number>(`SELECT count(*) FROM calendar_days WHERE date BETWEEN '2034-09-01' AND '2034-10-31'`)).toBe(0);
  expect(scalar<number>(`SELECT count(*) FROM audit_log WHERE entity = 'calendar'`)).toBe(auditBefore + 1);
  await context.close();
});
