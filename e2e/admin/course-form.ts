/** The course form as an editor or a 培训机构 fills it in the admin specs. */
import { expect, type Page } from '@playwright/test';
import { pick } from '../helpers/combobox';
import { scalar } from '../helpers/db';

/** Fills the course form with everything publishing needs. */
export async function fillCourse(page: Page, title: string, providerId?: string) {
  const occupation = String(scalar(`SELECT occupation_id FROM occupation_levels WHERE level = 5 ORDER BY occupation_id LIMIT 1`));
  await page.getByLabel('课程名称').fill(title);
  await page.getByLabel('工种').selectOption(occupation);
  await page.getByLabel('等级', { exact: false }).selectOption('5');
  if (providerId) await pick(page.getByLabel('培训机构'), { value: providerId });
  await page.getByLabel('培训天数').fill('5');
  await page.getByLabel('一句话简介').fill('五天学会基本操作，结业可考证。');
  await page.getByLabel('适合人群').fill('想转行的居民');
  await page.getByLabel('报名条件').fill('年满 18 周岁');
  await page.getByLabel('学什么').fill('基础理论和实操');
  await page.getByLabel('怎么学').fill('白天上课，理论加实操');
  await page.getByLabel('考核方式').fill('理论考试和实操考核');
}

/** A complete draft course; an editor names its provider (a 培训机构 account's is fixed). Returns its id. */
export async function createCourse(page: Page, title: string, providerId?: string): Promise<number> {
  await page.goto('/admin/courses/new');
  await fillCourse(page, title, providerId);
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page).toHaveURL(/\/admin\/courses\/\d+\?created=1$/);
  return Number(/\/admin\/courses\/(\d+)/.exec(page.url())![1]);
}

