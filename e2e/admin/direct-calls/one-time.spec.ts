/**
 * An account on a one-time password (one a 管理员 set) may do nothing in admin but set its own:
 * every other admin server action, called directly with its cookie, is refused and writes
 * nothing; so are the spreadsheet routes. 设置新密码 itself refuses a caller whose password is
 * already their own, and bad input, with words and no 500.
 */
import { expect, test } from '@playwright/test';
import { fingerprint, scalar, withDb } from '../../helpers/db';
import { signedInContext } from '../../helpers/auth';
import { createAccount, signedInAs } from '../system-helpers';
import { CASES } from './cases';
import { adminActions, callAction } from './call';

const ACTIONS = adminActions();
const SET_OWN = 'app/admin/set-password/actions.ts#setOwnPasswordAction';
/** What the caller may still do: set the password, sign out, and (being the way in) sign in. */
const ALLOWED = new Set([SET_OWN, 'app/admin/session-actions.ts#signOutAction', 'app/admin/login/actions.ts#signInAction']);

test.describe.configure({ mode: 'serial' });

test('an account on a one-time password calls every other admin action: each refused, nothing written', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInContext(browser, 'admin');
  const acct = await createAccount(admin.page, { prefix: 'otd', role: '管理员', password: 'one-time-direct-1', oneTime: true });
  await admin.context.close();
  // A 管理员 account, so a refusal can only come from the one-time password, never from the role.
  const { context, page } = await signedInAs(browser, acct.username, acct.password);
  try {
    const others = ACTIONS.filter((a) => !ALLOWED.has(a.key));
    expect(others.length).toBeGreaterThan(20);
    for (const action of others) {
      const c = CASES[action.key];
      expect(c, action.key).toBeTruthy();
      const args = withDb((db) => c!.args(db));
      const before = fingerprint();
      const res = await callAction(page.request, action.id, args);
      expect(res.status, `${action.key}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      expect(res.text, action.key).toContain('"code":"forbidden"');
      expect(res.text, action.key).toContain('请先设置您自己的新密码');
      expect(fingerprint(), `${action.key}: database unchanged`).toBe(before);
    }
    const download = await page.request.get('/admin/spreadsheets/export/stations?format=csv');
    expect(download.status()).toBe(403);
    expect(await download.text()).toContain('请先设置您自己的新密码');
    expect(scalar<number>('SELECT must_change_password FROM users WHERE id = ?', acct.id)).toBe(1);

    // Bad input to 设置新密码: words, no 500, nothing written.
    const setOwn = ACTIONS.find((a) => a.key === SET_OWN)!;
    const before = fingerprint();
    const bad = await callAction(page.request, setOwn.id, [{ newPassword: acct.password, newPasswordConfirm: acct.password }]);
    expect(bad.status).toBeLessThan(500);
    expect(bad.text).toContain('"code":"invalid"');
    expect(bad.text).toContain('新密码不能和管理员给您的一次性密码相同');
    const junk = await callAction(page.request, setOwn.id, ['not an object']);
    expect(junk.status).toBeLessThan(500);
    expect(junk.text).toContain('"code":"invalid"');
    expect(fingerprint(), 'database unchanged').toBe(before);

    // The right call works, and then the account acts as what it is.
    const ok = await callAction(page.request, setOwn.id, [{ newPassword: 'direct-own-pass-9', newPasswordConfirm: 'direct-own-pass-9' }]);
    expect(ok.text).toContain('"ok":true');
    expect(scalar<number>('SELECT must_change_password FROM users WHERE id = ?', acct.id)).toBe(0);
    expect((await page.request.get('/admin/spreadsheets/export/stations?format=csv')).status()).toBe(200);
  } finally {
    await context.close();
  }
});

test('设置新密码 called by an account whose password is its own is refused and writes nothing', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'kangxin');
  try {
    const setOwn = ACTIONS.find((a) => a.key === SET_OWN)!;
    const before = fingerprint();
    const res = await callAction(page.request, setOwn.id, [{ newPassword: 'taken-over-2026', newPasswordConfirm: 'taken-over-2026' }]);
    expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
    expect(res.text).toContain('"code":"state"');
    expect(res.text).toContain('我的账号');
    expect(fingerprint(), 'database unchanged').toBe(before);
  } finally {
    await context.close();
  }
});
