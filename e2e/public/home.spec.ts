import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';

test.describe('home and site chrome', () => {
  test('resident sees the services, the hotlines and the sample-data label', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const nav = page.getByRole('navigation', { name: '主要栏目' });
    await expect(nav.getByRole('link', { name: '培训课程' })).toHaveAttribute('href', '/courses');
    await expect(nav.getByRole('link', { name: '医保驿站' })).toHaveAttribute('href', '/stations');
    await expect(nav.getByRole('link', { name: '招聘会' })).toHaveAttribute('href', '/fairs');
    await expect(nav.getByRole('link', { name: '找工作' })).toHaveAttribute('href', '/jobs');
    // The «找工作» entry leads to the positions, as the header's does (the fairs have their own).
    await expect(page.getByRole('region', { name: '我想…' }).getByRole('link', { name: /找工作/ })).toHaveAttribute('href', '/jobs');
    await expect(page.locator('a[href="tel:12333"]').first()).toBeVisible();
    await expect(page.locator('a[href="tel:12393"]').first()).toBeVisible();
    await expect(page.getByTestId('sample-data-notice')).toContainText('示例数据');
    await expectNoA11yViolations(page);
  });

  test('the hotlines appear once on the home page @phone @elder', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('a[href="tel:12333"]')).toHaveCount(1);
    await expect(page.locator('a[href="tel:12393"]')).toHaveCount(1);
    await expect(page.getByRole('heading', { name: '咨询电话' })).toHaveCount(1);
  });

  test('home lists upcoming fairs and stations open now, each linking to its page', async ({ page }) => {
    await page.goto('/');
    const fairs = page.getByRole('region', { name: '近期招聘会' });
    await expect(fairs.getByRole('listitem').first()).toBeVisible();
    const firstFair = fairs.getByRole('listitem').first().getByRole('link').first();
    const href = await firstFair.getAttribute('href');
    expect(href).toMatch(/^\/fairs\/\d+$/);
    const stations = page.getByRole('region', { name: '医保驿站' });
    // Whatever the hour, the section says either which stations are open or when they open.
    await expect(stations).toContainText(/营业中|开门|休息/);
    await firstFair.click();
    await expect(page).toHaveURL(/\/fairs\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('one search box finds courses, stations and fairs together', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: /搜索/ }).fill('电工');
    await page.getByRole('button', { name: '搜索' }).first().click();
    await expect(page).toHaveURL(/\/search\?q=/);
    const courses = page.getByRole('region', { name: /培训课程/ });
    await expect(courses.getByRole('listitem').first()).toContainText('电工');
    await expect(courses.getByRole('link', { name: /查看全部/ })).toHaveAttribute('href', /\/courses\?q=/);
    await expectNoA11yViolations(page);
  });

  test('a search that finds nothing offers a way forward', async ({ page }) => {
    await page.goto('/search?q=' + encodeURIComponent('量子计算机维修'));
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await expect(page.getByTestId('empty-state').locator('a[href^="tel:"]').first()).toBeVisible();
  });

  test('an unknown address shows a friendly 404 page', async ({ page }) => {
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '页面没有找到' })).toBeVisible();
    await expect(page.getByRole('link', { name: '培训课程' }).last()).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('unknown, unpublished or garbled addresses show the 404 page, even without JavaScript @nojs', async ({ page }) => {
    for (const path of ['/courses/999999', '/courses/abc', '/stations/0', '/fairs/99999999999', '/stations/%zz', '/courses/%E0%A4%A']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: '页面没有找到' }), path).toBeVisible();
      await expect(page.getByRole('navigation', { name: '主要栏目' }), path).toBeVisible();
    }
  });

  test('home works on a phone without sideways scrolling @phone', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: '主要栏目' }).getByRole('link', { name: '医保驿站' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.getByRole('searchbox', { name: /搜索/ }).boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  });

  test('the home search works with JavaScript off @nojs', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: /搜索/ }).fill('花艺');
    await page.getByRole('button', { name: '搜索' }).first().click();
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole('region', { name: /培训课程/ }).getByRole('listitem').first()).toBeVisible();
  });

  test('bad search input gets a page, never an error', async ({ page }) => {
    const res = await page.goto('/search?q=' + '%E2%80%AE'.repeat(300) + '&q=x');
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});
