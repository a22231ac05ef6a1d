/** The dashboard for each role: what it shows, where its links go, and axe. */
import { expect, test } from '@playwright/test';
import { signedInContext } from '../helpers/auth';
import { expectNoA11yViolations } from '../helpers/a11y';
import { scalar } from '../helpers/db';

test('编辑 sees counts, the submission awaiting review and the attention lists, each linking to its admin page', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  const counts = page.getByTestId('dash-counts');
  const published = scalar<number>(`SELECT count(*) FROM stations WHERE publication = 'published'`);
  await expect(counts.getByRole('row', { name: /^驿站/ })).toContainText(String(published));

  const courseId = scalar<number>(`SELECT id FROM courses WHERE provider_id = 4 AND publication = 'review' LIMIT 1`);
  const review = page.getByTestId('dash-review');
  await expect(review.getByRole('link', { name: /育婴员/ }).first()).toHaveAttribute('href', `/admin/courses/${courseId}`);

  const runs = page.getByTestId('dash-runs');
  const firstRun = runs.getByRole('link').first();
  await expect(firstRun).toHaveAttribute('href', /^\/admin\/courses\/\d+#run-\d+$/);
  await expect(page.getByTestId('dash-stale').getByRole('link').first()).toHaveAttribute('href', /^\/admin\/stations\/\d+$/);
  await expect(page.getByTestId('dash-fairs')).toBeVisible();
  await expect(page.getByTestId('dash-closures')).toBeVisible();
  await expectNoA11yViolations(page);
  await context.close();
});

test('培训机构 sees only its own courses and runs and where each submission stands', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'kangxin');
  await page.goto('/admin');
  const mine = page.getByTestId('dash-mine');
  await expect(mine.getByRole('listitem').filter({ hasText: '育婴员' }).first()).toContainText('待审核');
  await expect(page.getByTestId('dash-counts').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('dash-stale')).toHaveCount(0);
  await expect(page.getByTestId('dash-fairs')).toHaveCount(0);
  await expect(page.getByTestId('dash-review')).toHaveCount(0);
  const foreign = scalar<number>(`SELECT count(*) FROM courses WHERE provider_id <> 4 AND publication = 'review'`);
  if (foreign > 0) {
    const title = scalar<string>(`SELECT title FROM courses WHERE provider_id <> 4 AND publication = 'review' LIMIT 1`);
    await expect(mine.getByText(title)).toHaveCount(0);
  }
  await expectNoA11yViolations(page);
  await context.close();
});

test('驿站 sees its own station, today’s hours and the way to 今日临时闭站 @phone', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'youanmen');
  await page.goto('/admin');
  const own = page.getByTestId('dash-station');
  const name = scalar<string>('SELECT name FROM stations WHERE id = 1');
  await expect(own.getByRole('heading')).toContainText(name);
  await expect(own).toContainText('今天的开放时间');
  await expect(own.getByRole('link', { name: '今日临时闭站' })).toHaveAttribute('href', '/admin/stations/1#close-today');
  await expect(own.getByRole('link', { name: '打开驿站页面' })).toHaveAttribute('href', '/admin/stations/1');
  await expect(page.getByTestId('dash-counts')).toHaveCount(0);
  await expect(page.getByTestId('dash-review')).toHaveCount(0);
  // Closures listed, if any, are its own station's only.
  for (const href of await page.getByTestId('dash-closures').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).toBe('/admin/stations/1');
  }
  await expectNoA11yViolations(page);
  await context.close();
});

test('管理员’s dashboard passes axe', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin');
  await page.goto('/admin');
  await expect(page.getByTestId('dash-counts')).toBeVisible();
  await expectNoA11yViolations(page);
  await context.close();
});
