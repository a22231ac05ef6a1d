/**
 * Helpers for the system slice's browser tests. Anything that ends sessions (sign-out,
 * disabling, password changes) or trips the throttle uses a throwaway account created here
 * through the 账号 page, never a demo account other tests are signed in with.
 */
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { signedInContext, uniqueIp } from '../helpers/auth';

export const NEW_PASSWORD = 'throwaway-pass-2026';

let seq = 0;
/** A login name no other test (or earlier run against this database) has used. */
export function uniqueName(prefix: string): string {
  seq += 1;
  return `${prefix}-${process.pid % 10000}-${Date.now().toString(36)}-${seq}`.slice(0, 32);
}

/**
 * Creates an account through the admin UI as `admin`; returns its login name, id and password.
 * The password a 管理员 sets is one-time, so unless `oneTime` is asked for, the account's first
 * sign-in (in a browser of its own, closed after) replaces it with `password`, as its user would.
 */
export async function createAccount(
  adminPage: Page,
  opts: { prefix: string; role?: '编辑' | '管理员'; displayName?: string; password?: string; oneTime?: boolean },
): Promise<{ username: string; id: number; password: string }> {
  const username = uniqueName(opts.prefix);
  const password = opts.password ?? NEW_PASSWORD;
  const given = opts.oneTime ? password : `${password}-once`;
  await adminPage.goto('/admin/users/new');
  await adminPage.locator('#field-username').fill(username);
  await adminPage.locator('#field-displayName').fill(opts.displayName ?? `测试${opts.prefix}`);
  await adminPage.getByRole('radio', { name: new RegExp(`^${opts.role ?? '编辑'}：`) }).check();
  await adminPage.locator('#field-password').fill(given);
  await adminPage.locator('#field-passwordConfirm').fill(given);
  await adminPage.getByRole('button', { name: '新建账号' }).click();
  await expect(adminPage).toHaveURL(/\/admin\/users\/\d+\?created=1$/);
  const id = Number(/\/admin\/users\/(\d+)/.exec(adminPage.url())![1]);
  if (!opts.oneTime) {
    const browser = adminPage.context().browser()!;
    const first = await signedInAs(browser, username, given);
    await setOwnPassword(first.page, password);
    await first.context.close();
  }
  return { username, id, password };
}

/** On 设置新密码 (where a one-time password leads): sets `password` and lands in the console. */
export async function setOwnPassword(page: Page, password: string) {
  await expect(page).toHaveURL(/\/admin\/set-password$/);
  await page.locator('#field-newPassword').fill(password);
  await page.locator('#field-newPasswordConfirm').fill(password);
  await page.getByRole('button', { name: '设置新密码' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
}

/** A fresh browser (its own address) signed in as `username`. */
export async function signedInAs(browser: Browser, username: string, password: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('登录名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  return { context, page };
}

export { signedInContext };

/** The page's own alert boxes (Next's empty route announcer also has role="alert"). */
export function alertOf(scope: Page | Locator): Locator {
  return scope.locator('[role="alert"]:not(#__next-route-announcer__)');
}
