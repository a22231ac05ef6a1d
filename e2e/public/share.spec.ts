import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expectNoA11yViolations } from '../helpers/a11y';
import { scalar } from '../helpers/db';

/**
 * 发给家人 (share a page, or its poster) and 添加到主屏幕 (manifest, icons, offline page), issue 16.
 * Headless Chromium has no navigator.share; the tests take it away or put a stub in explicitly.
 */

const published = (table: string) => scalar(`SELECT id FROM ${table} WHERE publication = 'published' ORDER BY id LIMIT 1`);
const draft = (table: string) => scalar(`SELECT id FROM ${table} WHERE publication <> 'published' ORDER BY id LIMIT 1`);

/** Width and height from a PNG's IHDR, after checking its signature. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  expect(body.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

async function noShareSheet(page: Page) {
  await page.addInitScript(() => {
    Reflect.deleteProperty(Navigator.prototype, 'share');
    Reflect.deleteProperty(navigator, 'share');
  });
}

test.describe('发给家人', () => {
  test('without a share sheet the button copies the link and says so @phone @elder', async ({ page, context, baseURL }) => {
    // Every project runs Debian's Chromium (playwright.config.ts), whose clipboard permissions these are.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await noShareSheet(page);
    const id = published('fairs');
    await page.goto(`/fairs/${id}`);
    const block = page.getByRole('region', { name: '发给家人' });
    const button = block.getByRole('button', { name: /复制链接/ });
    await expect(button).toBeVisible();
    // A large target: at least 48 px high.
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await button.click();
    await expect(block.getByRole('status')).toContainText('链接已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/fairs/${id}`);
    await expectNoA11yViolations(page);
  });

  test('with a share sheet the button hands it the page’s title, words and address', async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __shared: ShareData[] };
      w.__shared = [];
      Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void w.__shared.push(data) });
    });
    const id = published('stations');
    await page.goto(`/stations/${id}`);
    const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    await page.getByRole('region', { name: '发给家人' }).getByRole('button', { name: /发给家人/ }).click();
    const shared = await page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.url).toBe(`${baseURL}/stations/${id}`);
    expect(shared[0]!.title).toBe(title);
    expect(shared[0]!.text).toMatch(/北京市/);
  });

  test('course, station and fair pages each offer sharing and a poster @elder', async ({ page }) => {
    await noShareSheet(page);
    for (const [kind, table] of [['courses', 'courses'], ['stations', 'stations'], ['fairs', 'fairs']] as const) {
      const id = published(table);
      await page.goto(`/${kind}/${id}`);
      const block = page.getByRole('region', { name: '发给家人' });
      await expect(block.getByRole('button', { name: /复制链接/ })).toBeVisible();
      await expect(block.getByRole('link', { name: '生成分享海报' })).toHaveAttribute('href', `/${kind}/${id}/poster.png`);
    }
  });

  test('without JavaScript the link is shown to select and copy, and the poster is a plain link @nojs', async ({ page, baseURL }) => {
    const id = published('courses');
    await page.goto(`/courses/${id}`);
    const block = page.getByRole('region', { name: '发给家人' });
    await expect(block.getByRole('button')).toHaveCount(0);
    const field = block.getByRole('textbox', { name: /本页链接/ });
    await expect(field).toHaveValue(`${baseURL}/courses/${id}`);
    await expect(field).toHaveAttribute('readonly', '');
    // (axe needs script in the page, so it checks this block in the JavaScript tests above.)
    const poster = await page.request.get((await block.getByRole('link', { name: '生成分享海报' }).getAttribute('href'))!);
    expect(poster.headers()['content-type']).toBe('image/png');
  });
});

test.describe('share poster', () => {
  for (const kind of ['fairs', 'stations', 'courses'] as const) {
    test(`a ${kind} poster is a PNG drawn on the server whose QR code opens the page`, async ({ request, baseURL }) => {
      const id = published(kind);
      const res = await request.get(`/${kind}/${id}/poster.png`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
      const body = await res.body();
      expect(pngSize(body)).toEqual({ width: 1080, height: 1440 });
      expect(body.length).toBeGreaterThan(20_000);
      expect(body.length).toBeLessThan(1_000_000);
      const png = PNG.sync.read(body);
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(`${baseURL}/${kind}/${id}`);
    });
  }

  test('unknown, malformed and unpublished records have no poster', async ({ request }) => {
    for (const path of ['/fairs/99999999/poster.png', '/stations/abc/poster.png', '/courses/0/poster.png', `/fairs/${draft('fairs')}/poster.png`, `/courses/${draft('courses')}/poster.png`, `/stations/${draft('stations')}/poster.png`]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect(res.headers()['content-type'], path).not.toBe('image/png');
    }
    expect((await request.fetch(`/fairs/${published('fairs')}/poster.png`, { method: 'POST' })).status()).toBe(405);
  });
});

test.describe('添加到主屏幕', () => {
  test('every resident page links a manifest with the Chinese name, standalone display and loadable icons', async ({ page, request }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const res = await request.get(href!);
    expect(res.status()).toBe(200);
    const m = (await res.json()) as { name: string; short_name: string; start_url: string; display: string; theme_color: string; background_color: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
    expect(m.name).toBe('丰台公共就业与医保服务门户');
    expect(m.short_name).toBe('丰台就业医保');
    expect(m.short_name.length).toBeLessThanOrEqual(12);
    expect(m.start_url).toBe('/');
    expect(m.display).toBe('standalone');
    // White text on the theme colour and dark text on the background both pass AA (4.5:1).
    expect(contrast(m.theme_color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(m.background_color, '#1a1a1a')).toBeGreaterThanOrEqual(4.5);
    const sizes = new Set<string>();
    for (const icon of m.icons) {
      const r = await request.get(icon.src);
      expect(r.status(), icon.src).toBe(200);
      expect(r.headers()['content-type']).toBe('image/png');
      const { width, height } = pngSize(await r.body());
      expect(`${width}x${height}`).toBe(icon.sizes);
      sizes.add(`${icon.sizes} ${icon.purpose ?? 'any'}`);
    }
    expect([...sizes].sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  });

  test('when the network is gone, a resident page shows the offline page with the hotlines', async ({ page, context }) => {
    await page.goto('/stations');
    // The worker installs in the background; wait until it controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toMatch(/\/$/);

    await context.setOffline(true);
    await page.goto('/fairs');
    await expect(page.getByRole('heading', { level: 1, name: '网络没有连上' })).toBeVisible();
    await expect(page.locator('a[href="tel:12333"]')).toBeVisible();
    await expect(page.locator('a[href="tel:12393"]')).toBeVisible();
    await expectNoA11yViolations(page);
    // The admin console is not the worker's: offline, it fails as any page would.
    await expect(page.goto('/admin/login')).rejects.toThrow();
    await context.setOffline(false);

    // Nothing a page returned was kept: the worker's cache holds the offline page alone.
    await page.goto('/stations');
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      return urls;
    });
    expect(cached).toEqual(['/offline']);
  });

  test('the admin console registers no worker', async ({ page }) => {
    await page.goto('/admin/login');
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  });
});

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
