import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';
import { signedInContext } from '../helpers/auth';
import { withDb } from '../helpers/db';

/*
 * 补贴规则: a 管理员 adds, edits and deletes a throwaway rule, and the resident's badge follows;
 * a 编辑 reads the rules without any edit control.
 */

/** A published 自费班 still taking sign-ups, with a fee. */
function selfRun(): { courseId: number; runId: number } {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT c.id AS courseId, r.id AS runId FROM course_runs r JOIN courses c ON c.id = r.course_id
           WHERE r.cost_type = 'self' AND r.fee IS NOT NULL AND r.publication = 'published' AND c.publication = 'published'
             AND r.deadline >= date('now', '+8 hours') ORDER BY r.start_date LIMIT 1`,
        )
        .get() as { courseId: number; runId: number },
  );
}

async function residentBadge(page: Page, t: { courseId: number; runId: number }) {
  await page.goto(`/courses/${t.courseId}`);
  return page.locator(`article[aria-labelledby="run-${t.runId}"]`).getByTestId('subsidy-badge');
}

test('管理员 adds, edits and deletes a rule; the resident badge follows', async ({ browser, page }) => {
  // Two browsers, a dozen page loads and an axe scan: it ran past 30 s on a loaded two-core machine.
  test.setTimeout(60_000);
  const t = selfRun();
  // The resident: 68, retired, no 户籍 or 居住证 — no default rule holds.
  await page.goto('/courses/subsidy-check');
  await page.getByLabel('您今年多大').fill('68');
  await page.getByRole('radio', { name: '都没有', exact: true }).check();
  await page.getByRole('radio', { name: '已退休', exact: true }).check();
  await page.getByRole('button', { name: '看结果' }).click();
  await expect(await residentBadge(page, t)).toHaveAttribute('data-outcome', 'self');

  const { context, page: admin } = await signedInContext(browser, 'admin');
  try {
    await admin.goto('/admin/subsidy-rules');
    await expectNoA11yViolations(admin);
    await admin.getByRole('link', { name: '新建规则' }).click();
    const title = `测试规则（退休）${Date.now()}`;
    await admin.getByLabel('规则名称').fill(title);
    await admin.getByRole('radio', { name: '免费' }).check();
    await admin.getByLabel('最小年龄').fill('');
    await admin.getByLabel('最大年龄').fill('');
    await admin.getByLabel('户籍要求').selectOption('any');
    await admin.getByRole('checkbox', { name: '已退休人员' }).check();
    await admin.getByRole('button', { name: '新建规则' }).click();
    await expect(admin).toHaveURL(/\/admin\/subsidy-rules\/\d+\?created=1/);
    await expect(await residentBadge(page, t)).toHaveAttribute('data-outcome', 'free');

    // Edit: 可补贴 instead of 免费 (a 自费班 names no amount).
    await admin.getByRole('radio', { name: '可补贴' }).check();
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await admin.getByRole('button', { name: '确认保存并立即生效' }).click();
    await expect(admin.getByText('已保存，居民自查页马上生效')).toBeVisible();
    const b = await residentBadge(page, t);
    await expect(b).toHaveAttribute('data-outcome', 'subsidy');
    await expect(b).toContainText('可补贴');

    // The list shows it, with its conditions in words.
    await admin.goto('/admin/subsidy-rules');
    const row = admin.getByTestId('subsidy-rule-row').filter({ hasText: title });
    await expect(row).toContainText('是已退休人员');
    await row.getByRole('button', { name: /停用/ }).click();
    await expect(row).toContainText('已停用');
    await expect(await residentBadge(page, t)).toHaveAttribute('data-outcome', 'self');

    // Delete, with a confirmation.
    await row.getByRole('link', { name: title }).click();
    await admin.getByRole('button', { name: '删除这条规则' }).click();
    await admin.getByRole('button', { name: '确定删除' }).click();
    await expect(admin).toHaveURL(/\/admin\/subsidy-rules$/);
    await expect(admin.getByTestId('subsidy-rule-row').filter({ hasText: title })).toHaveCount(0);
  } finally {
    await context.close();
  }
  await expect(await residentBadge(page, t)).toHaveAttribute('data-outcome', 'self');
});

test('编辑 reads the rules without edit controls', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  try {
    await page.goto('/admin/subsidy-rules');
    await expect(page.getByText('修改由管理员负责')).toBeVisible();
    await expect(page.getByTestId('subsidy-rule-row').first()).toBeVisible();
    await expect(page.getByRole('link', { name: '新建规则' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /上移|下移|停用|启用/ })).toHaveCount(0);
    await page.getByTestId('subsidy-rule-row').first().getByRole('link').first().click();
    await expect(page.getByTestId('subsidy-rule-readonly')).toBeVisible();
    await expect(page.getByLabel('规则名称')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '删除这条规则' })).toHaveCount(0);
    await page.goto('/admin/subsidy-rules/new');
    await expect(page.getByTestId('refused')).toBeVisible();
  } finally {
    await context.close();
  }
});
