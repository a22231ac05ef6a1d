/**
 * The searchable station and provider pickers (components/admin/combobox.tsx) and the compact
 * admin menu on a phone: a 管理员 finds one of 55 stations by typing and the keyboard; an 编辑
 * filters the course list by a provider typed in pinyin; without JavaScript the picker is the
 * plain select it replaces; on a 390 px phone the menu folds into «菜单».
 */
import { expect, test } from '@playwright/test';
import { signedInContext } from '../helpers/auth';
import { expectNoA11yViolations } from '../helpers/a11y';
import { scalar } from '../helpers/db';
import { pickedValue, pickerList } from '../helpers/combobox';

test('管理员 finds a station by typing part of its name or its pinyin, and chooses it with the keyboard', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin');
  const id = scalar<number>(`SELECT id FROM stations WHERE name = '丰台科技园医保服务驿站'`);
  const other = scalar<number>(`SELECT id FROM stations WHERE name = '丰台南中轴地区医保服务驿站'`);
  expect(scalar<number>('SELECT count(*) FROM stations')).toBeGreaterThan(50);
  await page.goto('/admin/users/new');
  await page.getByRole('radio', { name: /^驿站：/ }).check();
  const box = page.getByRole('combobox', { name: '所属驿站' });
  const list = await pickerList(box);
  await expect(list).toBeHidden();

  // ↓ opens the list of every station; typing narrows it.
  await box.focus();
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('option')).toHaveCount(scalar<number>('SELECT count(*) FROM stations') + 1);
  await box.fill('科技园');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: '找到 1 项' })).toBeAttached();
  await expectNoA11yViolations(page);
  await box.press('Enter');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(box).toHaveValue('丰台科技园医保服务驿站');
  await expect(pickedValue(box, 'stationId')).toHaveValue(String(id));

  // Esc leaves the choice as it was; full pinyin finds too; ↓ ↑ move through the matches.
  await box.fill('南中轴');
  await box.press('Escape');
  await expect(box).toHaveValue('丰台科技园医保服务驿站');
  await box.fill('fengtainanzhongzhou');
  await expect(list.getByRole('option')).toHaveCount(1);
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
  await box.press('Enter');
  await expect(pickedValue(box, 'stationId')).toHaveValue(String(other));
  await box.fill('没有这个驿站');
  await expect(list).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '没有符合的选项' })).toBeAttached();
  await box.press('Escape');
  await expect(box).toHaveValue('丰台南中轴地区医保服务驿站');
  await context.close();
});

test('编辑 filters the course list by a provider typed in pinyin initials @phone', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  const provider = scalar<number>(`SELECT id FROM providers WHERE short_name = '康馨养老护理学校'`);
  await page.goto('/admin/courses');
  const box = page.getByRole('combobox', { name: '培训机构' });
  await pickerList(box);
  await box.fill('kx');
  const option = page.getByRole('option', { name: /康馨养老护理学校/ });
  await expect(option).toBeVisible();
  const tap = await option.boundingBox();
  expect(tap!.height).toBeGreaterThanOrEqual(48);
  await option.click();
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(new RegExp(`provider=${provider}`));
  await expect(box).toHaveValue('康馨养老护理学校');
  await expectNoA11yViolations(page);
  await context.close();
});

test('without JavaScript the provider filter is the plain select and still filters @nojs', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor', { javaScriptEnabled: false });
  const provider = scalar<number>(`SELECT id FROM providers WHERE short_name = '康馨养老护理学校'`);
  await page.goto('/admin/courses');
  const select = page.getByLabel('培训机构');
  await expect(page.locator('select#f-provider')).toBeVisible();
  await expect(page.locator('input[role="combobox"]')).toHaveCount(0);
  // Named as in the course form: the provider's short name.
  await select.selectOption({ label: '康馨养老护理学校' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(new RegExp(`provider=${provider}`));
  await context.close();
});

test('on a 390 px phone the admin menu folds into «菜单» with large tap targets @phone', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/admin/courses');
  const nav = page.getByRole('navigation', { name: '后台栏目' });
  const menu = nav.getByText('菜单', { exact: false }).first();
  await expect(menu).toBeVisible();
  await expect(menu).toContainText('课程与班期');
  // Folded: no section link takes room until it is opened.
  await expect(nav.getByRole('link', { name: '招聘会' })).toBeHidden();
  const folded = await nav.boundingBox();
  expect(folded!.height).toBeLessThan(120);
  await expectNoA11yViolations(page);

  await menu.click();
  const fairs = nav.getByRole('link', { name: '招聘会' });
  await expect(fairs).toBeVisible();
  for (const link of await nav.getByRole('link').all()) {
    const box = await link.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    expect(box!.width).toBeGreaterThan(300);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoA11yViolations(page);
  await fairs.click();
  await expect(page).toHaveURL(/\/admin\/fairs$/);
  // It folds again on the next page, naming where the editor now is.
  await expect(nav.getByRole('link', { name: '招聘会' })).toBeHidden();
  await expect(menu).toContainText('招聘会');
  await context.close();
});

test('on a desktop the menu is the row it always was', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  await page.setViewportSize({ width: 1280, height: 900 });
  const nav = page.getByRole('navigation', { name: '后台栏目' });
  await expect(nav.getByText('菜单')).toBeHidden();
  await expect(nav.getByRole('link', { name: '招聘会' })).toBeVisible();
  await context.close();
});
