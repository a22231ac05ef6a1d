/**
 * Every admin server action, called directly the way an attacker would: a raw POST with the
 * action's id, first with no session cookie, then with a scoped account's cookie aimed at a
 * record that account does not own. Each must refuse and leave the database exactly as it was.
 *
 * The actions are enumerated from the build's own server-reference manifest, so a new action
 * without a case here fails the first test instead of being forgotten.
 *
 * Runs in its own project after the others (see playwright.config.ts), one test at a time,
 * because "the database is unchanged" only means something when nothing else is writing.
 */
import { expect, test } from '@playwright/test';
import { fingerprint, withDb } from '../../helpers/db';
import { signedInContext } from '../../helpers/auth';
import { CASES } from './cases';
import { adminActions, callAction } from './call';

const ACTIONS = adminActions();

test.describe.configure({ mode: 'serial' });

test('every admin server action has a direct-call case, and every case an action', () => {
  expect(ACTIONS.length, 'actions found in the build manifest').toBeGreaterThan(0);
  const keys = new Set(ACTIONS.map((a) => a.key));
  expect(ACTIONS.filter((a) => !CASES[a.key]).map((a) => a.key), 'actions without a case').toEqual([]);
  expect(Object.keys(CASES).filter((k) => !keys.has(k)), 'cases without an action').toEqual([]);
});

for (const action of ACTIONS) {
  const c = CASES[action.key];
  if (!c) continue;

  test(`no session: ${action.key} is refused and writes nothing`, async ({ request }) => {
    const args = withDb((db) => c.args(db));
    const before = fingerprint();
    const res = await callAction(request, action.id, args);
    expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
    if (c.publicEntry) {
      // The way in: a wrong password is refused with the generic message and no session.
      expect(res.text).toMatch(/登录名或密码不正确|请填写登录名和密码/);
    } else {
      expect(res.text.includes('"code":"unauthenticated"') || res.redirect.includes('/admin/login'), res.text.slice(0, 300)).toBe(true);
    }
    expect(fingerprint(), 'database unchanged').toBe(before);
  });

  if (c.scoped) {
    const who = c.scoped;
    test(`scoped (${who}) on another's record: ${action.key} is refused and writes nothing`, async ({ browser }) => {
      const { context, page } = await signedInContext(browser, who);
      try {
        const args = withDb((db) => c.args(db));
        const before = fingerprint();
        const res = await callAction(page.request, action.id, args);
        expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
        expect(res.text, 'refused as forbidden').toContain('"code":"forbidden"');
        expect(fingerprint(), 'database unchanged').toBe(before);
      } finally {
        await context.close();
      }
    });
  }
}
