/**
 * The server's own log lines (db/log.ts), read from a `next start` this spec runs itself on a free
 * port and the same throwaway database: sign-in failure and success, a copied cookie replayed after
 * sign-out, a password change attempt. Every line must be one JSON object, the auth events must be
 * there, and neither the password nor the session cookie may appear anywhere in the output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { DEMO_PASSWORD, uniqueIp } from '../helpers/auth';
import { E2E_DB } from '../helpers/db';
import { actionId, callAction } from './actions';
import { freePort } from './hostile-helpers';

let server: ChildProcess | undefined;
let output = '';
let base = '';

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, DATABASE_PATH: E2E_DB, NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: 'e2e-logs-only-secret-not-for-any-real-deployment-0', SITE_URL: base },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  await expect.poll(async () => (await fetch(`${base}/admin/login`).catch(() => null))?.status ?? 0, { timeout: 60_000, intervals: [250] }).toBe(200);
});

test.afterAll(() => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
});

test('auth events are logged as JSON lines without passwords or session tokens', async ({ browser }) => {
  const WRONG = 'wrong-Pa55word-that-must-not-leak';
  const context = await browser.newContext({ baseURL: base, extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() } });
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('登录名').fill('editor');
  await page.getByLabel('密码').fill(WRONG);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toContainText('登录名或密码不正确');
  await page.getByLabel('登录名').fill('editor');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();

  const cookies = await context.cookies();
  const token = cookies.find((c) => /authjs\.session-token/.test(c.name));
  expect(token, 'a session cookie').toBeTruthy();
  const header = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  // The cookie sent where a log could pick it up: an action call that fails validation.
  const thief = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { Cookie: header, 'X-Forwarded-For': uniqueIp() } });
  await callAction(thief, actionId('app/admin/(console)/account/actions.ts', 'changePasswordAction'), [{ currentPassword: WRONG, newPassword: 'x', newPasswordConfirm: 'y' }]);

  // Signing out editor would end the demo account's sessions everywhere; instead the copied
  // cookie is spoiled by sending a tampered one.
  const tampered = await playwrightRequest.newContext({
    baseURL: base,
    extraHTTPHeaders: { Cookie: `${token!.name}=${token!.value.slice(0, -4)}AAAA`, 'X-Forwarded-For': uniqueIp() },
  });
  expect((await tampered.get('/admin/account')).url()).toContain('/admin/login');

  await expect.poll(() => output.includes('"event":"auth.signin"') && output.includes('"event":"auth.signin.failed"'), { timeout: 5_000 }).toBe(true);
  await new Promise((r) => setTimeout(r, 300));

  const lines = output.split('\n').filter((l) => l.trim().startsWith('{'));
  expect(lines.length).toBeGreaterThan(5);
  const events = lines.map((l) => JSON.parse(l) as { event: string; level: string; username?: string; path?: string });
  expect(events.some((e) => e.event === 'request' && e.path === '/admin/login')).toBe(true);
  expect(events.find((e) => e.event === 'auth.signin.failed')?.username).toBe('editor');
  expect(events.find((e) => e.event === 'auth.signin')?.username).toBe('editor');

  for (const secret of [WRONG, DEMO_PASSWORD, token!.value, token!.value.slice(0, 40)]) {
    expect(output.includes(secret), `the output must not contain ${secret.slice(0, 12)}…`).toBe(false);
  }
  expect(output).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  await Promise.all([thief.dispose(), tampered.dispose(), context.close()]);
});
