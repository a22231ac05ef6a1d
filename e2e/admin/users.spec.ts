/**
 * The 账号 pages and 我的账号: create, edit with a version, refuse stale copies, disable (the
 * user's open session dies at once), reset a password, change one's own password (the old
 * cookie dies). Only throwaway accounts are disabled or changed.
 */
import { expect, test } from '@playwright/test';
import { signedInContext, uniqueIp } from '../helpers/auth';
import { expectNoA11yViolations } from '../helpers/a11y';
import { scalar } from '../helpers/db';
import { pick } from '../helpers/combobox';
import { createAccount, signedInAs, setOwnPassword, alertOf } from './system-helpers';

// A throwaway account's first sign-in now sets its own password (two more argon2 hashes per account).
test.describe.configure({ timeout: 60_000 });

test('the accounts list shows role, scope, status and last sign-in; pages pass axe', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin');
  await page.goto('/admin/users');
  const list = page.getByTestId('user-list');
  const kangxin = list.getByRole('listitem').filter({ hasText: '登录名：kangxin' });
  await expect(kangxin).toContainText('培训机构');
  await expect(kangxin).toContainText('康馨养老护理学校');
  await expect(kangxin).toContainText('正常');
  const me = list.getByRole('listitem').filter({ hasText: '登录名：admin（您自己）' });
  await expect(me).toContainText('最近登录：20');
  await expectNoA11yViolations(page);
  await page.goto('/admin/users/new');
  await expectNoA11yViolations(page);
  const adminId = scalar<number>(`SELECT id FROM users WHERE username = 'admin'`);
  await page.goto(`/admin/users/${adminId}`);
  await expect(page.getByText('这是您自己的账号')).toBeVisible();
  // No way to disable oneself, and one's own role is locked.
  await expect(page.getByRole('button', { name: '停用这个账号' })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: /^编辑：/ })).toBeDisabled();
  await expectNoA11yViolations(page);
  await context.close();
});

test('creating an account: errors are listed, linked and keep what was typed; a 驿站 account needs its station', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin');
  await page.goto('/admin/users/new');
  await page.locator('#field-username').fill('Bad Name');
  await page.locator('#field-displayName').fill('测试驿站账号');
  await page.getByRole('radio', { name: /^驿站：/ }).check();
  await page.locator('#field-password').fill('short');
  await page.locator('#field-passwordConfirm').fill('short');
  await page.getByRole('button', { name: '新建账号' }).click();
  const summary = alertOf(page).filter({ hasText: '有些内容需要修改' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: /登录名：/ })).toHaveAttribute('href', '#field-username');
  await expect(summary.getByRole('link', { name: /所属驿站：驿站账号请选择所属的驿站/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /初始密码：密码至少需要 10 个字符/ })).toBeVisible();
  await expect(page.locator('#field-username')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-displayName')).toHaveValue('测试驿站账号');
  const before = scalar<number>('SELECT count(*) FROM users');

  // The server says the same when the browser check is skipped: nothing is written.
  await page.locator('#field-username').fill('admin');
  await page.locator('#field-password').fill('a-good-password-1');
  await page.locator('#field-passwordConfirm').fill('a-good-password-1');
  await pick(page.locator('#field-stationId'), { index: 1 });
  await page.getByRole('button', { name: '新建账号' }).click();
  await expect(alertOf(page)).toContainText('这个登录名已被使用');
  expect(scalar<number>('SELECT count(*) FROM users')).toBe(before);
  await context.close();
});

test('disabling a user ends their open session at once; enabling lets them back in', async ({ browser }) => {
  const { context: adminCtx, page: adminPage } = await signedInContext(browser, 'admin');
  const acct = await createAccount(adminPage, { prefix: 'dis' });
  const { context, page } = await signedInAs(browser, acct.username, acct.password);
  await page.goto('/admin/account');
  await expect(page.getByRole('heading', { name: '我的账号' })).toBeVisible();

  await adminPage.goto(`/admin/users/${acct.id}`);
  await adminPage.getByRole('button', { name: '停用这个账号' }).click();
  await adminPage.getByRole('button', { name: '确定停用' }).click();
  await expect(adminPage.getByText('已停用，对方已被退出登录。')).toBeVisible();
  await expect(adminPage.getByText('这个账号已停用，不能登录。')).toBeVisible();

  // Their very next page load goes to the login page.
  await page.goto('/admin/account');
  await expect(page).toHaveURL(/\/admin\/login/);
  await expect(page.getByRole('heading', { name: '管理后台登录' })).toBeVisible();
  // And they cannot sign in again.
  await page.getByLabel('登录名').fill(acct.username);
  await page.getByLabel('密码').fill(acct.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(alertOf(page)).toContainText('登录名或密码不正确，或账号已停用');

  await adminPage.getByRole('button', { name: '重新启用' }).click();
  await expect(adminPage.getByText('已重新启用')).toBeVisible();
  const again = await signedInAs(browser, acct.username, acct.password);
  await again.context.close();
  await Promise.all([context.close(), adminCtx.close()]);
});

test('editing an account from a stale copy shows who changed what, and writes nothing', async ({ browser }) => {
  const { context: ctxA, page: a } = await signedInContext(browser, 'admin');
  const acct = await createAccount(a, { prefix: 'ver', displayName: '版本测试' });
  const { context: ctxB, page: b } = await signedInContext(browser, 'admin');
  await a.goto(`/admin/users/${acct.id}`);
  await b.goto(`/admin/users/${acct.id}`);

  await a.locator('#field-displayName').fill('版本测试（甲改）');
  await a.getByRole('button', { name: '保存修改' }).click();
  await expect(a.getByText('已保存。')).toBeVisible();
  // Saving again on the same page is not a conflict with itself.
  await a.locator('#field-displayName').fill('版本测试（甲再改）');
  await a.getByRole('button', { name: '保存修改' }).click();
  await expect(a.getByText('已保存。')).toBeVisible();

  await b.locator('#field-displayName').fill('版本测试（乙改）');
  await b.getByRole('button', { name: '保存修改' }).click();
  await expect(b.getByText('您编辑期间，这条记录已被他人修改')).toBeVisible();
  await expect(b.getByText(/演示管理员 于 .* 修改了：姓名或单位/).first()).toBeVisible();
  await expect(b.locator('#field-displayName')).toHaveValue('版本测试（乙改）');
  expect(scalar<string>('SELECT display_name FROM users WHERE id = ?', acct.id)).toBe('版本测试（甲再改）');
  await Promise.all([ctxA.close(), ctxB.close()]);
});

test('resetting a password ends the user’s sessions; the new password works', async ({ browser }) => {
  const { context: adminCtx, page: adminPage } = await signedInContext(browser, 'admin');
  const acct = await createAccount(adminPage, { prefix: 'rst' });
  const { context, page } = await signedInAs(browser, acct.username, acct.password);
  await adminPage.goto(`/admin/users/${acct.id}`);
  await adminPage.locator('#field-newPassword').fill('reset-by-admin-77');
  await adminPage.locator('#field-newPasswordConfirm').fill('reset-by-admin-77');
  await adminPage.getByRole('button', { name: '重设密码' }).click();
  await expect(adminPage.getByText('密码已重设')).toBeVisible();
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login/);
  // The reset password is one-time too: the user must set their own before anything else.
  const fresh = await signedInAs(browser, acct.username, 'reset-by-admin-77');
  await expect(fresh.page).toHaveURL(/\/admin\/set-password$/);
  await fresh.page.goto(`/admin/stations`);
  await expect(fresh.page).toHaveURL(/\/admin\/set-password$/);
  await setOwnPassword(fresh.page, 'mine-after-reset-5');
  expect(scalar<number>('SELECT must_change_password FROM users WHERE id = ?', acct.id)).toBe(0);
  await Promise.all([fresh.context.close(), context.close(), adminCtx.close()]);
});

test('changing one’s own password needs the current one, ends every session and the old cookie stops working @phone', async ({ browser }) => {
  const { context: adminCtx, page: adminPage } = await signedInContext(browser, 'admin');
  const acct = await createAccount(adminPage, { prefix: 'pwd' });
  await adminCtx.close();
  const { context, page } = await signedInAs(browser, acct.username, acct.password);
  const cookies = await context.cookies();
  await page.goto('/admin/account');
  await expectNoA11yViolations(page);

  // Wrong current password: refused, nothing changes, input kept.
  await page.getByLabel('当前密码').fill('not-my-password');
  await page.locator('#field-newPassword').fill('my-new-secret-99');
  await page.locator('#field-newPasswordConfirm').fill('my-new-secret-99');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(alertOf(page)).toContainText('当前密码不正确');
  await expect(page.locator('#field-newPassword')).toHaveValue('my-new-secret-99');

  await page.getByLabel('当前密码').fill(acct.password);
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?reason=passwordChanged/);
  await expect(page.getByText('密码已修改')).toBeVisible();

  // The cookie from before the change is dead in any browser.
  const replay = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  await replay.addCookies(cookies);
  const replayPage = await replay.newPage();
  await replayPage.goto('/admin');
  await expect(replayPage).toHaveURL(/\/admin\/login/);

  const fresh = await signedInAs(browser, acct.username, 'my-new-secret-99');
  await Promise.all([fresh.context.close(), replay.close(), context.close()]);
});

test('a new account’s password is one-time: at first sign-in the user must set their own, then works @phone', async ({ browser }) => {
  const { context: adminCtx, page: adminPage } = await signedInContext(browser, 'admin');
  await adminPage.goto('/admin/users/new');
  await expect(adminPage.getByText('您设定的初始密码只能用一次')).toBeVisible();
  const acct = await createAccount(adminPage, { prefix: 'otp', displayName: '新来的编辑', password: 'given-by-admin-31', oneTime: true });
  await adminCtx.close();
  expect(scalar<number>('SELECT must_change_password FROM users WHERE id = ?', acct.id)).toBe(1);

  const { context, page } = await signedInAs(browser, acct.username, acct.password);
  await expect(page).toHaveURL(/\/admin\/set-password$/);
  await expect(page.getByRole('heading', { name: '设置新密码' })).toBeVisible();
  // No menu, and no other admin page: each one sends the user back here.
  await expect(page.getByRole('navigation', { name: '后台栏目' })).toHaveCount(0);
  for (const path of ['/admin', '/admin/courses', '/admin/account']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/admin\/set-password$/);
  }
  await expectNoA11yViolations(page);

  // The one-time password itself, and a mismatch, are refused with words beside the field.
  await page.locator('#field-newPassword').fill(acct.password);
  await page.locator('#field-newPasswordConfirm').fill(acct.password);
  await page.getByRole('button', { name: '设置新密码' }).click();
  await expect(alertOf(page)).toContainText('新密码不能和管理员给您的一次性密码相同');
  await expect(page.locator('#field-newPassword')).toHaveAttribute('aria-invalid', 'true');
  await page.locator('#field-newPassword').fill('my-own-secret-2026');
  await page.locator('#field-newPasswordConfirm').fill('my-own-secret-2027');
  await page.getByRole('button', { name: '设置新密码' }).click();
  await expect(alertOf(page)).toContainText('两次输入的密码不一样');
  expect(scalar<number>('SELECT must_change_password FROM users WHERE id = ?', acct.id)).toBe(1);

  await setOwnPassword(page, 'my-own-secret-2026');
  // Still signed in, and now everything works.
  await page.goto('/admin/courses');
  await expect(page).toHaveURL(/\/admin\/courses$/);
  await page.goto('/admin/set-password');
  await expect(page).toHaveURL(/\/admin$/);
  await context.close();

  // The one-time password is gone for good; the user's own works.
  const again = await signedInAs(browser, acct.username, 'my-own-secret-2026');
  await expect(again.page).toHaveURL(/\/admin$/);
  await again.context.close();
  const audit = scalar<string>(`SELECT summary FROM audit_log WHERE action = 'password.set' AND entity_id = ?`, acct.id);
  expect(audit).toContain('一次性密码');
});

test('a name with markup in it is refused with words beside the field, and nothing is written', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin');
  await page.goto('/admin/users/new');
  await page.locator('#field-username').fill('markup.test');
  await page.getByRole('radio', { name: /^编辑：/ }).check();
  await page.locator('#field-password').fill('a-good-password-1');
  await page.locator('#field-passwordConfirm').fill('a-good-password-1');
  const before = scalar<number>('SELECT count(*) FROM users');
  for (const junk of ['<b>张三</b>', 'javascript:alert(1)', '{{张三}}', '张${x}三']) {
    await page.locator('#field-displayName').fill(junk);
    await page.getByRole('button', { name: '新建账号' }).click();
    const summary = alertOf(page).filter({ hasText: '有些内容需要修改' });
    await expect(summary.getByRole('link', { name: /姓名或单位：姓名或单位名称只能填写文字，不能含有 <b>、<script>/ })).toBeVisible();
    await expect(page.locator('#field-displayName-error')).toContainText('只能填写文字');
    await expect(page.locator('#field-displayName')).toHaveValue(junk);
  }
  expect(scalar<number>('SELECT count(*) FROM users')).toBe(before);
  // Plain words (with brackets) are fine.
  await page.locator('#field-displayName').fill('张三（丰台）');
  await page.getByRole('button', { name: '新建账号' }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+\?created=1$/);
  await context.close();
});
