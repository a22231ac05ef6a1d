/** The audit log: sign-ins (failed or not) and changes appear, filters work, read-only, axe. */
import { expect, test } from '@playwright/test';
import { signedInContext, uniqueIp } from '../helpers/auth';
import { expectNoA11yViolations } from '../helpers/a11y';
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

  await adminPage.goto(`/admin/audit?actor=${encodeURIComponent(acct.username)}`);
  const list = adminPage.getByTestId('audit-list');
  await expect(list.getByTestId('audit-entry').filter({ hasText: '登录成功' })).toHaveCount(1);
  await expect(list.getByTestId('audit-entry').filter({ hasText: '登录失败：密码不正确' })).toHaveCount(1);
  // Newest first: the successful sign-in comes before the failure.
  await expect(list.getByTestId('audit-entry').first()).toContainText('登录成功');

  // The account's creation, with its content and no password hash.
  await adminPage.goto(`/admin/audit?entity=user&id=${acct.id}`);
  const created = adminPage.getByTestId('audit-entry').filter({ hasText: `新建账号 ${acct.username}` });
  await expect(created).toHaveCount(1);
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
  await expect(page.getByTestId('audit-entry').first()).toBeVisible();
  // The filter form works without scripts too: it is a plain GET form.
  await page.getByLabel('对象').selectOption({ label: '登录' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/entity=session/);
  await expect(page.getByTestId('audit-entry').first()).toContainText('登录');
  await expectNoA11yViolations(page);
  const next = page.getByRole('navigation', { name: '翻页' }).getByRole('link', { name: '下一页' });
  if ((await next.count()) > 0) {
    await next.click();
    await expect(page.getByText(/第 2 页/)).toBeVisible();
  }
  await context.close();
});
