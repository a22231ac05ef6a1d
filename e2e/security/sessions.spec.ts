/**
 * Copied session cookies replayed from somewhere else (a fresh request context, no browser):
 * refused once the user has signed out, and once an admin has disabled the account — for a page
 * load and for a raw server-action POST, which writes nothing. (auth.spec.ts and users.spec.ts
 * check the same in the browser for page loads; this adds the raw replay and the action.)
 */
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { signedInContext, uniqueIp } from '../helpers/auth';
import { scalar } from '../helpers/db';
import { createAccount, signedInAs } from '../admin/system-helpers';
import { actionId, callAction } from './actions';

const CHANGE_PASSWORD = () => actionId('app/admin/(console)/account/actions.ts', 'changePasswordAction');

/** A request context that carries nothing but the copied Cookie header (and its own address). */
async function replay(baseURL: string, from: BrowserContext): Promise<APIRequestContext> {
  const cookie = (await from.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  expect(cookie).toMatch(/authjs\.session-token/);
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Cookie: cookie, 'X-Forwarded-For': uniqueIp() } });
}

const hashOf = (id: number) => scalar<string>('SELECT password_hash FROM users WHERE id = ?', id);
const sessionsOf = (id: number) => scalar<number>('SELECT count(*) FROM admin_sessions WHERE user_id = ?', id);

/** The copied cookie works: 我的账号 opens, and the action answers as for a signed-in user (a mismatched new password: refused as invalid, nothing written). */
async function expectAccepted(thief: APIRequestContext) {
  const page = await thief.get('/admin/account', { maxRedirects: 0 });
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain('我的账号');
  const r = await callAction(thief, CHANGE_PASSWORD(), [{ currentPassword: 'x', newPassword: 'mismatch-pass-1', newPasswordConfirm: 'mismatch-pass-2' }]);
  expect(r.text).not.toContain('"code":"unauthenticated"');
}

/** The copied cookie is refused: the page sends it to the sign-in page, and a correct password change is refused and writes nothing. */
async function expectRefused(thief: APIRequestContext, user: { id: number; password: string }) {
  const page = await thief.get('/admin/account', { maxRedirects: 0 });
  if (page.status() === 200) {
    // Redirects decided while rendering may arrive as a page that only points elsewhere.
    expect(await page.text()).not.toContain('退出登录');
  } else {
    expect(page.status()).toBeGreaterThanOrEqual(300);
    expect(page.status()).toBeLessThan(400);
    expect(page.headers()['location']).toMatch(/\/admin\/login/);
  }
  const followed = await thief.get('/admin/account');
  expect(new URL(followed.url()).pathname).toBe('/admin/login');

  const before = hashOf(user.id);
  const r = await callAction(thief, CHANGE_PASSWORD(), [{ currentPassword: user.password, newPassword: 'stolen-pass-2026', newPasswordConfirm: 'stolen-pass-2026' }]);
  expect(r.status, r.text.slice(0, 300)).toBeLessThan(500);
  expect(r.text).toContain('"code":"unauthenticated"');
  expect(hashOf(user.id), 'password unchanged').toBe(before);
  expect(sessionsOf(user.id), 'no session came back to life').toBe(0);
}

async function throwaway(browser: Browser, prefix: string) {
  const admin = await signedInContext(browser, 'admin');
  const acct = await createAccount(admin.page, { prefix });
  const victim = await signedInAs(browser, acct.username, acct.password);
  return { admin, acct, victim };
}

test("a signed-out user's copied cookie is refused for pages and server actions", async ({ browser, baseURL }) => {
  const { admin, acct, victim } = await throwaway(browser, 'cpy');
  const thief = await replay(baseURL!, victim.context);
  await expectAccepted(thief);

  await victim.page.getByRole('button', { name: '退出登录' }).click();
  await expect(victim.page).toHaveURL(/\/admin\/login\?reason=signedOut/);

  await expectRefused(thief, acct);
  await Promise.all([thief.dispose(), victim.context.close(), admin.context.close()]);
});

test("a disabled user's copied cookie is refused for pages and server actions", async ({ browser, baseURL }) => {
  const { admin, acct, victim } = await throwaway(browser, 'dcp');
  const thief = await replay(baseURL!, victim.context);
  await expectAccepted(thief);

  await admin.page.goto(`/admin/users/${acct.id}`);
  await admin.page.getByRole('button', { name: '停用这个账号' }).click();
  await admin.page.getByRole('button', { name: '确定停用' }).click();
  await expect(admin.page.getByText('已停用，对方已被退出登录。')).toBeVisible();

  await expectRefused(thief, acct);
  // The victim's own browser is out too.
  await victim.page.goto('/admin/account');
  await expect(victim.page).toHaveURL(/\/admin\/login/);
  await Promise.all([thief.dispose(), victim.context.close(), admin.context.close()]);
});
