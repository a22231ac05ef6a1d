/**
 * Admin 医保驿站 pages: two editors on the same station's hours (the second save conflicts and
 * writes nothing), 今日临时闭站 seen on the public page and undone, a 驿站 account refused on
 * another station and on station details, validation that keeps input, audit rows, and axe.
 * Each test works on its own station so tests can run in parallel with the rest.
 */
import { expect, test, type Page } from '@playwright/test';
import { signedInContext } from '../helpers/auth';
import Database from 'better-sqlite3';
import { E2E_DB, scalar, withDb } from '../helpers/db';
import { expectNoA11yViolations } from '../helpers/a11y';
import { beijingDay, isoWeekday, monthDayText } from '../helpers/clock';
import { actionId as serverActionId } from '../security/actions';

function hoursOf(stationId: number): string {
  return withDb((db) => JSON.stringify(db.prepare('SELECT scope, weekday, opens, closes FROM station_hours WHERE station_id = ? ORDER BY scope, weekday, opens').all(stationId)));
}

/** The id of a server action, from the build's manifest (as the direct-call test finds them). */
const actionId = (exportedName: string) => serverActionId('app/admin/(console)/stations/actions.ts', exportedName);

/** Writes to the suite's database (withDb opens it read-only): the setup and clean-up of a test. */
function writeDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** A one-day exception keeping the station open all day today (so 今日临时闭站 is offered on any day); returns its id. */
function openAllDayToday(stationId: number): number {
  const today = beijingDay();
  return writeDb((db) =>
    Number(
      db
        .prepare("INSERT INTO station_exceptions (station_id, start_date, end_date, closed, sessions, reason) VALUES (?, ?, ?, 0, ?, '测试照常营业')")
        .run(stationId, today, today, JSON.stringify([{ opens: '00:00', closes: '24:00' }])).lastInsertRowid,
    ),
  );
}

function dropException(id: number) {
  writeDb((db) => db.prepare('DELETE FROM station_exceptions WHERE id = ?').run(id));
}

async function saveLive(page: Page, label: string) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('button', { name: '确认保存并立即生效' }).click();
}

test('two editors change the same station’s hours: the second save shows the conflict and writes nothing', async ({ browser }) => {
  const id = 20;
  const a = await signedInContext(browser, 'editor');
  const b = await signedInContext(browser, 'admin');
  try {
    await a.page.goto(`/admin/stations/${id}/hours`);
    await b.page.goto(`/admin/stations/${id}/hours`);
    const versionBefore = scalar<number>('SELECT version FROM stations WHERE id = ?', id);

    await a.page.getByLabel('周一第 1 段开门').fill('08:30');
    await saveLive(a.page, '保存开放时间');
    await expect(a.page.getByRole('status')).toContainText('已保存');
    await expect.poll(() => scalar<number>('SELECT version FROM stations WHERE id = ?', id)).toBe(versionBefore + 1);
    const afterA = hoursOf(id);
    expect(afterA).toContain('"opens":"08:30"');

    await b.page.getByLabel('周二第 2 段关门').fill('18:00');
    await saveLive(b.page, '保存开放时间');
    const conflict = b.page.getByRole('alert').filter({ hasText: '已被他人修改' });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText(/演示编辑 于 .+ 修改了：每周开放时间/);
    // B's input is still there, and nothing of it reached the database.
    await expect(b.page.getByLabel('周二第 2 段关门')).toHaveValue('18:00');
    expect(hoursOf(id)).toBe(afterA);
    expect(scalar<number>('SELECT version FROM stations WHERE id = ?', id)).toBe(versionBefore + 1);

    // The audit log has editor's change with before and after, and nothing from admin.
    const audit = withDb((db) =>
      db.prepare("SELECT actor, action, before, after, entity_version FROM audit_log WHERE entity = 'station' AND entity_id = ? ORDER BY id").all(id),
    ) as { actor: string; action: string; before: string; after: string; entity_version: number }[];
    expect(audit.map((r) => `${r.actor}:${r.action}:${r.entity_version}`)).toEqual([`editor:update:${versionBefore + 1}`]);
    expect(audit[0]!.before).toContain('"opens":"09:00"');
    expect(audit[0]!.after).toContain('"opens":"08:30"');
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('youanmen marks 今日临时闭站: the public station page shows it closed today with the reason, then undoes it', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'youanmen');
  // 今日临时闭站 is offered only on a day the station opens: make today one, whatever day the suite runs on.
  const open = openAllDayToday(1);
  try {
    const note = `测试闭站${Date.now() % 100000}`;
    await page.goto('/admin/stations');
    await expect(page).toHaveURL(/\/admin\/stations\/1$/);
    await page.getByRole('radio', { name: '停电' }).check();
    await page.getByLabel('补充说明').fill(note);
    await page.getByRole('button', { name: '今日临时闭站' }).click();
    await expect(page.getByTestId('today-closure')).toContainText(`今天已临时闭站：停电，${note}`);
    expect(scalar<number>("SELECT count(*) FROM station_exceptions WHERE station_id = 1 AND closed = 1 AND reason = ?", `停电，${note}`)).toBe(1);
    expect(scalar<string>("SELECT action FROM audit_log WHERE entity = 'station' AND entity_id = 1 ORDER BY id DESC LIMIT 1")).toBe('closeToday');

    const pub = await context.newPage();
    await pub.goto('/stations/1');
    const today = pub.locator('tr[aria-current="date"]').first();
    await expect(today).toContainText('停电');
    await expect(pub.getByText(note).first()).toBeVisible();
    await expect(pub.getByText(/今日休息|今天休息/).first()).toBeVisible();

    await page.getByRole('button', { name: '恢复今日营业' }).click();
    await expect(page.getByRole('button', { name: '今日临时闭站' })).toBeVisible();
    expect(scalar<number>("SELECT count(*) FROM station_exceptions WHERE station_id = 1 AND reason = ?", `停电，${note}`)).toBe(0);
    await pub.reload();
    await expect(pub.getByText(note)).toHaveCount(0);
    await expect(pub.locator('tr[aria-current="date"]').first()).not.toContainText('停电');
  } finally {
    dropException(open);
    await context.close();
  }
});

test('youanmen is refused on another station, sees no details form, and a direct details save is forbidden', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'youanmen');
  try {
    for (const p of ['/admin/stations/2', '/admin/stations/2/hours', '/admin/stations/2/services', '/admin/stations/new']) {
      await page.goto(p);
      await expect(page.getByTestId('refused')).toBeVisible();
    }
    await page.goto('/admin/stations/1');
    await expect(page.getByRole('heading', { name: '右安门街道便民服务中心医保服务驿站' })).toBeVisible();
    await expect(page.getByLabel('驿站名称')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '发布' })).toHaveCount(0);
    await expectNoA11yViolations(page);

    const before = withDb((db) => JSON.stringify(db.prepare('SELECT * FROM stations WHERE id = 1').get()));
    const version = scalar<number>('SELECT version FROM stations WHERE id = 1');
    const res = await page.request.post('/', {
      headers: { 'Next-Action': actionId('updateStationDetailsAction'), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
      data: JSON.stringify([{ id: 1, version, name: '被改掉的名字' }]),
    });
    expect(await res.text()).toContain('"code":"forbidden"');
    expect(withDb((db) => JSON.stringify(db.prepare('SELECT * FROM stations WHERE id = 1').get()))).toBe(before);
  } finally {
    await context.close();
  }
});

test('validation errors say what to do and keep what was typed', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  try {
    const id = 21;
    const hoursBefore = hoursOf(id);
    await page.goto(`/admin/stations/${id}/hours`);
    await page.getByLabel('周一第 1 段关门').fill('8:00');
    await page.getByLabel('周三第 2 段开门').fill('11:00');
    await saveLive(page, '保存开放时间');
    const summary = page.getByRole('alert').filter({ hasText: '有些内容需要修改' });
    await expect(summary).toContainText('周一第 1 段关门：关门时间请按 09:00 的格式填写');
    await expect(summary).toContainText('重叠');
    await expect(page.getByLabel('周一第 1 段关门')).toHaveValue('8:00');
    await expect(page.getByLabel('周一第 1 段关门')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('周三第 2 段开门')).toHaveValue('11:00');
    expect(hoursOf(id)).toBe(hoursBefore);

    // A new station: a planned one without an opening date, coordinates in words.
    const name = `测试驿站${Date.now() % 100000}`;
    await page.goto('/admin/stations/new');
    await page.getByLabel('驿站名称').fill(name);
    await page.getByLabel('承办单位类型').selectOption('bank');
    await page.getByLabel('承办单位名称').fill('测试银行丰台支行');
    await page.getByLabel('所在街镇').selectOption({ label: '方庄街道' });
    await page.getByLabel('详细地址').fill('方庄路 1 号');
    await page.getByLabel('纬度').fill('北纬39度');
    await page.getByLabel('经度').fill('116.43');
    await page.getByLabel('咨询电话').fill('010-67600000');
    await page.getByLabel('运行状态').selectOption('planned');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await expect(page.getByRole('alert').first()).toContainText('纬度请填写数字');
    await expect(page.getByLabel('驿站名称')).toHaveValue(name);
    await expect(page.getByLabel('纬度')).toHaveValue('北纬39度');
    await expect(page.getByLabel('纬度')).toHaveAttribute('aria-invalid', 'true');
    // Fields fixed, the cross-field rule speaks: a planned station needs its opening date.
    await page.getByLabel('纬度').fill('39.86');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await expect(page.getByRole('alert').first()).toContainText('请填写开放日期');
    await expect(page.getByLabel('驿站名称')).toHaveValue(name);
    expect(scalar<number>('SELECT count(*) FROM stations WHERE name = ?', name)).toBe(0);

    await page.getByLabel('开放日期').fill('2099-01-01');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await expect(page).toHaveURL(/\/admin\/stations\/\d+\/hours$/);
    expect(scalar<string>('SELECT publication FROM stations WHERE name = ?', name)).toBe('draft');
    expect(scalar<string>("SELECT a.action FROM audit_log a JOIN stations s ON s.id = a.entity_id WHERE a.entity = 'station' AND s.name = ?", name)).toBe('create');
  } finally {
    await context.close();
  }
});

test('an editor adds a dated exception and deletes it; the audit log records both', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  try {
    const id = 23;
    const reason = `测试装修${Date.now() % 100000}，暂停服务。`;
    await page.goto(`/admin/stations/${id}/exceptions`);
    await page.getByLabel('开始日期').fill('2099-03-02');
    await page.getByLabel('结束日期').fill('2099-03-01');
    await page.getByLabel('原因').fill(reason);
    await saveLive(page, '保存临时调整');
    await expect(page.getByRole('alert').first()).toContainText('结束日期不能早于开始日期');
    await expect(page.getByLabel('原因')).toHaveValue(reason);
    await page.getByLabel('结束日期').fill('2099-03-03');
    await saveLive(page, '保存临时调整');
    const row = page.getByTestId('exception-row').filter({ hasText: reason });
    await expect(row).toBeVisible();
    expect(scalar<number>('SELECT count(*) FROM station_exceptions WHERE station_id = ? AND reason = ?', id, reason)).toBe(1);
    // The confirmation's buttons say what they do; «不删除» keeps the row.
    await row.getByRole('button', { name: /删除/ }).click();
    await row.getByRole('button', { name: '不删除' }).click();
    await expect(row).toBeVisible();
    expect(scalar<number>('SELECT count(*) FROM station_exceptions WHERE station_id = ? AND reason = ?', id, reason)).toBe(1);
    await row.getByRole('button', { name: /删除/ }).click();
    await row.getByRole('button', { name: /^删除这条临时调整/ }).click();
    await expect(page.getByTestId('exception-row').filter({ hasText: reason })).toHaveCount(0);
    expect(scalar<number>('SELECT count(*) FROM station_exceptions WHERE station_id = ? AND reason = ?', id, reason)).toBe(0);
    const actions = withDb((db) => db.prepare("SELECT action FROM audit_log WHERE entity = 'station' AND entity_id = ? ORDER BY id").all(id)) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['create', 'delete']);
  } finally {
    await context.close();
  }
});

test('admin station pages have no axe violations', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await signedInContext(browser, 'editor');
  try {
    for (const p of ['/admin/stations', '/admin/stations?pub=published&stale=1', '/admin/stations/22', '/admin/stations/22/hours', '/admin/stations/22/exceptions', '/admin/stations/22/services', '/admin/stations/new']) {
      await page.goto(p);
      await expect(page.locator('h1')).toBeVisible();
      await expectNoA11yViolations(page);
    }
  } finally {
    await context.close();
  }
});

test('the list filters by publication status and stale details, with the public filters', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  try {
    await page.goto('/admin/stations');
    await page.getByLabel('关键词').fill('花乡支行');
    await page.getByLabel('发布状态').selectOption('draft');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/pub=draft/);
    await expect(page.getByTestId('admin-station-row')).toHaveCount(1);
    await expect(page.getByTestId('admin-station-row')).toContainText('邮储银行花乡支行');
    await expect(page.getByTestId('admin-station-row')).toContainText('草稿');
    await page.goto('/admin/stations?host=bank&stale=1');
    const rows = page.getByTestId('admin-station-row');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('银行网点');
      expect(text).toContain('超过 90 天未核实');
    }
  } finally {
    await context.close();
  }
});

test('youanmen sets Saturday hours from next week: this week keeps the old hours, the page and the API say what changes and from when', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await signedInContext(browser, 'youanmen');
  // The first Saturday at least a week away: the page's seven days never reach it.
  const today = beijingDay();
  const from = beijingDay(undefined, 7 + ((6 - isoWeekday(today) + 7) % 7));
  try {
    await page.goto('/admin/stations/1/hours');
    await expect(page.getByLabel('从哪天起生效')).toHaveValue(today);
    await page.getByLabel('从哪天起生效').fill(from);
    await page.getByRole('button', { name: /^加一段\s*（周六）$/ }).click();
    await page.getByLabel('周六第 1 段开门').fill('09:00');
    await page.getByLabel('周六第 1 段关门').fill('12:00');
    await saveLive(page, '保存开放时间');
    await expect(page.getByRole('status')).toContainText(`自${monthDayText(from)}起按新的时间开放`);
    expect(scalar<number>("SELECT count(*) FROM station_hours WHERE station_id = 1 AND weekday = 6 AND opens = '09:00' AND closes = '12:00' AND effective_from = ?", from)).toBe(1);
    expect(scalar<number>('SELECT count(*) FROM station_hours WHERE station_id = 1 AND weekday = 6 AND effective_from <= ?', today)).toBe(0);
    const after = JSON.parse(scalar<string>("SELECT after FROM audit_log WHERE entity = 'station' AND entity_id = 1 ORDER BY id DESC LIMIT 1")) as { effectiveFrom: string; hours: { weekday: number; opens: string }[] };
    expect(after.effectiveFrom).toBe(from);
    expect(after.hours.filter((h) => h.weekday === 6).map((h) => h.opens)).toEqual(['09:00']);

    // The editor lists the decided change; today's week is still the one it shows.
    await page.reload();
    await expect(page.getByTestId('scheduled-hours')).toContainText(`自${monthDayText(from)}起：周六 9:00–12:00`);
    await expect(page.getByTestId('station-day-6')).toContainText('休息');
    await expectNoA11yViolations(page);

    // The public page: the coming Saturday (this week) keeps its old hours; the change is announced.
    const pub = await context.newPage();
    await pub.goto('/stations/1');
    await expect(pub.getByTestId('weekly-hours-change')).toHaveText(`自${monthDayText(from)}起，周六 9:00–12:00`);
    const saturday = pub.getByTestId('week-table').locator('tbody tr').filter({ hasText: '周六' }).locator('td').first();
    await expect(saturday).toBeVisible();
    await expect(saturday).not.toHaveText('9:00–12:00');
    const api = (await (await pub.request.get('/api/v1/stations/1')).json()) as {
      weekly_hours: { weekday: number; sessions: unknown[] }[];
      weekly_hours_changes: { from: string; weekly_hours: { weekday: number; sessions: { opens: string; closes: string }[] }[] }[];
    };
    expect(api.weekly_hours.find((d) => d.weekday === 6)!.sessions).toEqual([]);
    expect(api.weekly_hours_changes.map((c) => c.from)).toEqual([from]);
    expect(api.weekly_hours_changes[0]!.weekly_hours.find((d) => d.weekday === 6)!.sessions).toEqual([{ opens: '09:00', closes: '12:00' }]);

    // A past day is refused with words, and nothing is written.
    const version = scalar<number>('SELECT version FROM stations WHERE id = 1');
    const res = await page.request.post('/', {
      headers: { 'Next-Action': actionId('saveStationHoursAction'), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
      data: JSON.stringify([{ id: 1, version, station: [[], [], [], [], [], [], []], counterSeparate: false, counter: [[], [], [], [], [], [], []], effectiveFrom: beijingDay(undefined, -7) }]),
    });
    expect(res.status()).toBeLessThan(500);
    expect(await res.text()).toContain('生效日期不能早于今天');
    expect(scalar<number>('SELECT version FROM stations WHERE id = 1')).toBe(version);
  } finally {
    writeDb((db) => db.prepare('DELETE FROM station_hours WHERE station_id = 1 AND effective_from > ?').run(today));
    await context.close();
  }
});

test('admin: 今日临时闭站 says so on a day the station is closed anyway, and the dashboard anchor lands on the button', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin');
  const id = 24;
  const today = beijingDay();
  // Two days, so it is a 临时调整 of its own and not the one-day closure 今日临时闭站 itself makes.
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const closed = writeDb((db) =>
    Number(
      db
        .prepare("INSERT INTO station_exceptions (station_id, start_date, end_date, closed, sessions, reason) VALUES (?, ?, ?, 1, '[]', '测试整修')")
        .run(id, today, tomorrow).lastInsertRowid,
    ),
  );
  let open = 0;
  try {
    await page.goto(`/admin/stations/${id}`);
    await expect(page.getByTestId('closed-anyway')).toContainText('今天有临时调整（测试整修），居民端已显示今日休息，不需要临时闭站。');
    await expect(page.getByRole('button', { name: '今日临时闭站' })).toHaveCount(0);
    await expectNoA11yViolations(page);

    dropException(closed);
    open = openAllDayToday(id);
    // From another page: a goto that changes only the hash would not load the page again.
    await page.goto('/admin');
    await page.goto(`/admin/stations/${id}#close-today`);
    const button = page.getByRole('button', { name: '今日临时闭站' });
    await expect(button).toHaveAttribute('id', 'close-today');
    await expect(button).toBeInViewport();
  } finally {
    dropException(closed);
    if (open) dropException(open);
    await context.close();
  }
});
