/**
 * Signing in and out, the generic failure, throttling, copied cookies, and what each role's
 * menu offers. Session-ending steps use throwaway accounts so no other test is signed out.
 */
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signedInContext, uniqueIp } from '../helpers/auth';
import { expectNoA11yViolations } from '../helpers/a11y';
import { createAccount, signedInAs, alertOf } from './system-helpers';

const GENERIC = '登录名或密码不正确，或账号已停用。请检查后再试。';
/** The sign-in page's wording per count (components/admin/strings.ts throttledFor). */
const THROTTLED_PAIR = /这个账号从您这里连续输错密码次数过多，请等 \d+ (秒|分钟)后再试/;
const THROTTLED_ADDRESS = /您所在的网络近期登录失败次数过多，请等 \d+ (秒|分钟)后再试/;

test('the sign-in page has no accessibility problems and a signed-out visitor is sent there @phone', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const page = await context.newPage();
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Fusers$/);
  await expect(page.getByRole('heading', { name: '管理后台登录' })).toBeVisible();
  await expectNoA11yViolations(page);
  await context.close();
});

test('sign in and sign out; a copied cookie is refused after signing out', async ({ browser }) => {
  // createAccount signs the new account in once to set its own password: two more argon2 hashes.
  test.setTimeout(60_000);
  const { context: adminCtx, page: adminPage } = await signedInContext(browser, 'admin');
  const acct = await createAccount(adminPage, { prefix: 'out' });
  const { context, page } = await signedInAs(browser, acct.username, acct.password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

  // Someone copies the cookies while the session is alive: they work now…
  const cookies = await context.cookies();
  const thief = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  await thief.addCookies(cookies);
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/admin/account');
  await expect(thiefPage.getByRole('heading', { name: '我的账号' })).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?reason=signedOut/);
  await expect(page.getByText('您已安全退出。')).toBeVisible();

  // …and not after sign-out.
  await thiefPage.goto('/admin/account');
  await expect(thiefPage).toHaveURL(/\/admin\/login/);
  await expect(thiefPage.getByRole('heading', { name: '管理后台登录' })).toBeVisible();
  await Promise.all([thief.close(), context.close(), adminCtx.close()]);
});

test('a wrong password and an unknown user get the same message, and the typed name is kept', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('登录名').fill('admin');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(alertOf(page)).toHaveText(GENERIC);
  await expect(page.getByLabel('登录名')).toHaveValue('admin');

  await page.getByLabel('登录名').fill('no-such-person');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(alertOf(page)).toHaveText(GENERIC);
  await expect(page).toHaveURL(/\/admin\/login/);
  await context.close();
});

test('after 5 failures for one account from one address, the 6th attempt there with the right password is refused; the owner elsewhere signs in', async ({ browser }) => {
  test.setTimeout(90_000); // an account to create, then seven real sign-in attempts
  const { context: adminCtx, page: adminPage } = await signedInContext(browser, 'admin');
  const acct = await createAccount(adminPage, { prefix: 'thr' });
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const page = await context.newPage();
  await page.goto('/admin/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('登录名').fill(acct.username);
    await page.getByLabel('密码').fill(`wrong-password-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(alertOf(page)).toHaveText(GENERIC);
    // Wait for the form to be ready again before the next try.
    await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();
  }
  await page.getByLabel('登录名').fill(acct.username);
  await page.getByLabel('密码').fill(acct.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(alertOf(page)).toContainText(THROTTLED_PAIR);
  await expect(page).toHaveURL(/\/admin\/login/);

  // The lock is on the pair (account, address): someone else's guesses do not keep the owner out.
  const other = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const otherPage = await other.newPage();
  await otherPage.goto('/admin/login');
  await otherPage.getByLabel('登录名').fill(acct.username);
  await otherPage.getByLabel('密码').fill(acct.password);
  await otherPage.getByRole('button', { name: '登录' }).click();
  await expect(otherPage).toHaveURL(/\/admin(\/|$|\?)(?!login)/);
  await expect(otherPage.getByRole('button', { name: '退出登录' })).toBeVisible();
  await Promise.all([other.close(), context.close(), adminCtx.close()]);
});

test('after 20 failures from one address across accounts, even a real account is held back from there', async ({ browser }) => {
  test.setTimeout(120_000); // twenty real password checks (argon2id) in a row
  const ip = uniqueIp();
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': ip } });
  const page = await context.newPage();
  await page.goto('/admin/login');
  for (let i = 0; i < 20; i++) {
    await page.getByLabel('登录名').fill(`nobody-${Date.now().toString(36)}-${i}`);
    await page.getByLabel('密码').fill('whatever-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(alertOf(page)).toHaveText(GENERIC);
    await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();
  }
  await page.getByLabel('登录名').fill('editor');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(alertOf(page)).toContainText(THROTTLED_ADDRESS);
  await context.close();
});

const MENUS: Record<'admin' | 'editor' | 'kangxin' | 'youanmen', string[]> = {
  admin: ['工作台', '课程与班期', '医保驿站', '事项目录', '招聘会', '机构与场地', '节假日', '导入导出', '账号', '15分钟服务圈', '无结果搜索', '补贴规则', '操作记录', '我的账号'],
  editor: ['工作台', '课程与班期', '医保驿站', '事项目录', '招聘会', '机构与场地', '节假日', '导入导出', '15分钟服务圈', '无结果搜索', '补贴规则', '操作记录', '我的账号'],
  kangxin: ['工作台', '课程与班期', '本机构信息', '我的账号'],
  youanmen: ['工作台', '医保驿站', '我的账号'],
};

for (const [user, items] of Object.entries(MENUS) as [keyof typeof MENUS, string[]][]) {
  test(`${user} sees only its own menu items`, async ({ browser }) => {
    const { context, page } = await signedInContext(browser, user);
    await expect(page.getByRole('navigation', { name: '后台栏目' }).getByRole('link')).toHaveText(items);
    await context.close();
  });
}

for (const user of ['editor', 'kangxin', 'youanmen'] as const) {
  test(`${user} is refused the accounts pages`, async ({ browser }) => {
    const { context, page } = await signedInContext(browser, user);
    for (const path of ['/admin/users', '/admin/users/new', '/admin/users/1']) {
      await page.goto(path);
      await expect(page.getByTestId('refused')).toBeVisible();
      await expect(page.getByRole('heading', { name: '没有权限' })).toBeVisible();
      await expect(page.getByTestId('user-list')).toHaveCount(0);
    }
    await context.close();
  });
}

test('scoped roles are refused the audit log and 驿站 the calendar', async ({ browser }) => {
  for (const user of ['kangxin', 'youanmen'] as const) {
    const { context, page } = await signedInContext(browser, user);
    await page.goto('/admin/audit');
    await expect(page.getByTestId('refused')).toBeVisible();
    await page.goto('/admin/calendar');
    await expect(page.getByTestId('refused')).toBeVisible();
    await context.close();
  }
});

test('signing in again after being sent to the login page returns to the page asked for', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const page = await context.newPage();
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/next=%2Fadmin%2Faudit/);
  await page.getByLabel('登录名').fill('editor');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await context.close();
});
