/** Signing in as the demo accounts that sample mode creates (db/seed/demo-accounts.ts). */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'fengtai-demo-2026';
export type DemoUser = 'admin' | 'editor' | 'kangxin' | 'youanmen';

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/admin/login');
  await page.getByLabel('登录名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/admin(\/|$|\?)(?!login)/);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}

/** A new browser context signed in as `username`, with its own X-Forwarded-For so sign-in throttling of one test never touches another. */
export async function signedInContext(
  browser: Browser,
  username: DemoUser | string,
  { ip = uniqueIp(), javaScriptEnabled = true }: { ip?: string; javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': ip }, javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, username);
  return { context, page };
}

let n = 0;
/** A test-only client address (TEST-NET-2), different for every call in this worker. */
export function uniqueIp(): string {
  n += 1;
  return `198.51.${(process.pid % 200) + 1}.${(n % 250) + 1}`;
}
