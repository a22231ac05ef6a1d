/**
 * The audit log: sign-ins (failed or not) in their own 登录记录 view and changes in words —
 * people by display name, each record by name and address, an hours change as a week with the
 * changed day marked — filters work, read-only, axe; every record's page links to its history.
 */
import { expect, test } from '@playwright/test';
import { signedInContext, uniqueIp } from '../helpers/auth';
import { expectNoA11yViolations } from '../helpers/a11y';
import { scalar } from '../helpers/db';
import { createAccount, signedInAs, alertOf } from './system-helpers';

test('a failed sign-in, a sign-in and an account change appear in the audit log', async ({ browser }) => {
  test.setTimeout(60_000);
  const { context: adminCtx, page: adminPage } = await signedInContext(browser, 'admin');
  // One-time (no first sign-in of its own), so the one sign-in below is its only one.
  const acct = await createAccount(adminPage, { prefix: 'aud', displayName: '审计测试', oneTime: true });

  // A failed attempt for that name, then a real sign-in.
  const other = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const p = await other.newPage();
  await p.goto('/admin/login');
  await p.getByLabel('登录名').fill(acct.username);
  await p.getByLabel('密码').fill('wrong-password-here');
  await p.getByRole('button', { name: '登录' }).click();
  await expect(alertOf(p)).toBeVisible();
  await other.close();
  const signed = await signedInAs(browser, acct.username, acct.password);
  await signed.context.close();

  // Sign-ins are in 登录记录, apart from changes.
  await adminPage.goto(`/admin/audit?entity=session&actor=${encodeURIComponent(acct.username)}`);
  await expect(adminPage.getByRole('link', { name: '登录记录' })).toHaveAttribute('aria-current', 'page');
  const list = adminPage.getByTestId('audit-list');
  await expect(list.getByTestId('audit-entry').filter({ hasText: '登录成功' })).toHaveCount(1);
  await expect(list.getByTestId('audit-entry').filter({ hasText: '登录失败：密码不正确' })).toHaveCount(1);
  // Newest first: the successful sign-in comes before the failure.
  await expect(list.getByTestId('audit-entry').first()).toContainText('登录成功');

  // The changes view leaves sign-ins out: this account changed nothing.
  await adminPage.goto(`/admin/audit?actor=${encodeURIComponent(acct.username)}`);
  await expect(adminPage.getByText('共 0 条记录')).toBeVisible();
  await expect(adminPage.getByTestId('audit-entry')).toHaveCount(0);

  // The account's creation, with its content and no password hash.
  await adminPage.goto(`/admin/audit?entity=user&id=${acct.id}`);
  const created = adminPage.getByTestId('audit-entry').filter({ hasText: `新建账号 ${acct.username}` });
  await expect(created).toHaveCount(1);
  // By display name, and the record by its name.
  await expect(created).toContainText('演示管理员（admin）');
  await expect(created).toContainText(`审计测试（${acct.username}）`);
  await created.getByText(/查看内容/).click();
  await expect(created.getByRole('row', { name: /登录名/ })).toContainText(acct.username);
  await expect(created).not.toContainText('argon2');
  await expectNoA11yViolations(adminPage);

  // A change shows before → after.
  await adminPage.goto(`/admin/users/${acct.id}`);
  await adminPage.locator('#field-displayName').fill('审计测试（改名）');
  await adminPage.getByRole('button', { name: '保存修改' }).click();
  await expect(adminPage.getByText('已保存。')).toBeVisible();
  await adminPage.goto(`/admin/audit?entity=user&id=${acct.id}&action=update`);
  const change = adminPage.getByTestId('audit-entry').first();
  await change.getByText(/查看改动（1 项）/).click();
  const row = change.getByRole('row', { name: /姓名或单位/ });
  await expect(row).toContainText('审计测试');
  await expect(row).toContainText('审计测试（改名）');
  await adminCtx.close();
});

test('编辑 reads the audit log; filters that make no sense are ignored with a note; paging works @phone', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  await page.goto('/admin/audit?entity=planet&from=2026-13-40');
  await expect(page.getByText(/有些筛选条件看不懂，已忽略：对象、开始日期/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /共 \d+ 条记录/ })).toBeVisible();
  // The filter form works without scripts too: it is a plain GET form. 登录 is the 登录记录 view,
  // where the editor's own sign-in is always listed.
  await page.getByLabel('对象').selectOption({ label: '登录' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/entity=session/);
  await expect(page.getByTestId('audit-entry').first()).toBeVisible();
  await expect(page.getByTestId('audit-entry').first()).toContainText('登录');
  await expectNoA11yViolations(page);
  const next = page.getByRole('navigation', { name: '翻页' }).getByRole('link', { name: '下一页' });
  if ((await next.count()) > 0) {
    await next.click();
    await expect(page.getByText(/第 2 页/)).toBeVisible();
  }
  await context.close();
});

test('failed sign-ins for unknown names stay in 登录记录 and never join the 操作人 list', async ({ browser }) => {
  const typed = `nobody${Date.now() % 1_000_000}`;
  const other = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const p = await other.newPage();
  await p.goto('/admin/login');
  await p.getByLabel('登录名').fill(typed);
  await p.getByLabel('密码').fill('wrong-password-here');
  await p.getByRole('button', { name: '登录' }).click();
  await expect(alertOf(p)).toBeVisible();
  await other.close();

  const { context, page } = await signedInContext(browser, 'admin');
  await page.goto('/admin/audit');
  const people = page.getByLabel('操作人');
  await expect(people.locator('option', { hasText: '演示编辑（editor）' })).toHaveCount(1);
  await expect(people.locator('option', { hasText: typed })).toHaveCount(0);
  await expect(page.getByText(typed)).toHaveCount(0);

  await page.getByRole('link', { name: '登录记录' }).click();
  await expect(page).toHaveURL(/entity=session/);
  await page.getByLabel('登录名').fill(typed);
  await page.getByRole('button', { name: '筛选' }).click();
  const entry = page.getByTestId('audit-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('登录失败：没有这个账号');
  await expect(entry).toContainText(`输入的登录名：${typed}`);
  await expectNoA11yViolations(page);
  await context.close();
});

test('管理员 finds who changed a station’s hours: 修改记录 on the station shows the person, the address and the changed day', async ({ browser }) => {
  test.setTimeout(60_000);
  // A station no other test edits.
  const id = 35;
  const name = scalar<string>('SELECT name FROM stations WHERE id = ?', id);
  const address = scalar<string>('SELECT address FROM stations WHERE id = ?', id);
  const editor = await signedInContext(browser, 'editor');
  await editor.page.goto(`/admin/stations/${id}/hours`);
  await editor.page.getByLabel('周三第 1 段开门', { exact: true }).fill('08:30');
  await editor.page.getByRole('button', { name: '保存开放时间' }).click();
  await editor.page.getByRole('button', { name: '确认保存并立即生效' }).click();
  await expect(editor.page.getByRole('status')).toContainText('已保存');
  await editor.context.close();

  const { context, page } = await signedInContext(browser, 'admin');
  // 今日临时闭站 and its undo, so the history has more than one kind of entry.
  await page.goto(`/admin/stations/${id}`);
  await page.getByRole('radio', { name: '停电' }).check();
  await page.getByRole('button', { name: '今日临时闭站' }).click();
  await expect(page.getByTestId('today-closure')).toContainText('今天已临时闭站');
  await page.getByRole('button', { name: '恢复今日营业' }).click();
  await expect(page.getByRole('button', { name: '今日临时闭站' })).toBeVisible();

  await page.getByRole('link', { name: '修改记录' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/audit\\?entity=station&id=${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`驿站「${name}」的修改记录`);
  await expect(page.getByText(`地址：${address}`).first()).toBeVisible();

  const entries = page.getByTestId('audit-entry');
  // Newest first: the undo, the closure, then the hours — every action in words, no codes.
  await expect(entries.nth(0)).toContainText('恢复今日营业');
  await expect(entries.nth(1)).toContainText('今日临时闭站');
  await expect(page.getByTestId('audit-list')).not.toContainText('closeToday');
  const hours = entries.filter({ hasText: '每周开放时间' }).first();
  await expect(hours).toContainText('演示编辑（editor）');
  // The page heads with the address; its entries do not repeat it (the whole log's entries carry it).
  await expect(hours).not.toContainText(`地址：${address}`);
  await expect(hours).toContainText('改动的日子：周三');
  await expect(hours).not.toContainText('"scope"');
  await hours.getByText('查看每周开放时间').click();
  const week = hours.getByTestId('week-table').first();
  await expect(week.getByRole('row')).toHaveCount(8);
  const wed = week.getByRole('row', { name: /周三/ });
  await expect(wed).toContainText('有改动');
  await expect(wed).toContainText('08:30');
  await expect(week.locator('tr[data-changed]')).toHaveCount(1);
  // The closure reads as a 临时调整 added, in words.
  await entries.nth(1).getByText(/查看改动/).click();
  await expect(entries.nth(1)).toContainText(/新增：\d{4}-\d{2}-\d{2}：闭站/);
  await expectNoA11yViolations(page);
  await context.close();
});

test('every record’s page links to its own 修改记录; 培训机构 sees no link', async ({ browser }) => {
  test.setTimeout(60_000);
  const course = scalar<number>('SELECT id FROM courses WHERE provider_id = 4 ORDER BY id LIMIT 1');
  const run = scalar<number>('SELECT id FROM course_runs WHERE course_id = ? ORDER BY id LIMIT 1', course);
  const fair = scalar<number>("SELECT id FROM fairs WHERE place_id IS NOT NULL ORDER BY id LIMIT 1");
  const place = scalar<number>('SELECT id FROM places ORDER BY id LIMIT 1');
  const rule = scalar<number>('SELECT id FROM subsidy_rules ORDER BY id LIMIT 1');
  const service = scalar<number>('SELECT id FROM services ORDER BY id LIMIT 1');
  const pages: [string, string][] = [
    [`/admin/courses/${course}`, `entity=course&id=${course}`],
    [`/admin/courses/${course}/runs/${run}`, `entity=run&id=${run}`],
    [`/admin/fairs/${fair}`, `entity=fair&id=${fair}`],
    ['/admin/stations/2', 'entity=station&id=2'],
    [`/admin/services/${service}`, `entity=service&id=${service}`],
    [`/admin/orgs/places/${place}`, `entity=place&id=${place}`],
    ['/admin/orgs/providers/4', 'entity=provider&id=4'],
    [`/admin/subsidy-rules/${rule}`, `entity=subsidy_rule&id=${rule}`],
    ['/admin/users/2', 'entity=user&id=2'],
    ['/admin/calendar', 'entity=calendar'],
  ];
  const { context, page } = await signedInContext(browser, 'admin');
  for (const [path, query] of pages) {
    await page.goto(path);
    await expect(page.getByTestId('history-link'), path).toHaveAttribute('href', `/admin/audit?${query}`);
  }
  // A fair's history says where it is held.
  await page.goto(`/admin/fairs/${fair}`);
  await page.getByTestId('history-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('的修改记录');
  await expect(page.getByText(/^地址：/).first()).toBeVisible();
  await expect(page.getByRole('link', { name: '回到这条记录' })).toHaveAttribute('href', `/admin/fairs/${fair}`);
  await context.close();

  const provider = await signedInContext(browser, 'kangxin');
  await provider.page.goto(`/admin/courses/${course}`);
  await expect(provider.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(provider.page.getByTestId('history-link')).toHaveCount(0);
  await provider.context.close();
});

test('编辑 reads a station’s 修改记录 on a phone @phone', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  await page.goto('/admin/stations/1');
  await page.getByTestId('history-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('驿站「右安门街道便民服务中心医保服务驿站」的修改记录');
  await expect(page.getByText('地址：北京市丰台区翠林路144号').first()).toBeVisible();
  await expect(page.getByRole('link', { name: '修改记录' })).toHaveAttribute('aria-current', 'page');
  await expectNoA11yViolations(page);
  await context.close();
});
