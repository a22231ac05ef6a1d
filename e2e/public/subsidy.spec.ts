import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';
import { withDb } from '../helpers/db';

/*
 * The subsidy self-check: four questions, answers kept in the resident's own cookie, a
 * 免费 / 可补贴 / 需自费 badge on each run — with and without JavaScript.
 */

type Target = { courseId: number; runId: number };

/** A published 免费班 still taking sign-ups that takes 失业人员, of a published course. */
function freeRunForUnemployed(): Target {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT c.id AS courseId, r.id AS runId FROM course_runs r JOIN courses c ON c.id = r.course_id
           JOIN run_target_groups g ON g.run_id = r.id AND g.group_code = 'unemployed'
           WHERE r.cost_type = 'free' AND r.publication = 'published' AND c.publication = 'published'
             AND r.deadline >= date('now', '+8 hours') ORDER BY r.start_date LIMIT 1`,
        )
        .get() as Target,
  );
}

const runCard = (page: Page, runId: number) => page.locator(`article[aria-labelledby="run-${runId}"]`);

async function answer(page: Page, a: { age: string; residency: string; work: RegExp }) {
  await page.goto('/courses/subsidy-check');
  await page.getByLabel('您今年多大').fill(a.age);
  await page.getByRole('radio', { name: a.residency, exact: true }).check();
  await page.getByRole('radio', { name: a.work }).check();
  await page.getByRole('button', { name: '看结果' }).click();
  await expect(page).toHaveURL(/\/courses\/subsidy-check\?saved=1/);
  await expect(page.getByText('已记下您的回答')).toBeVisible();
}

async function journey(page: Page) {
  const t = freeRunForUnemployed();
  expect(t, 'a free run for 失业人员 in the sample data').toBeTruthy();

  // Not answered yet: a link to the self-check instead of a badge.
  await page.goto(`/courses/${t.courseId}`);
  await expect(runCard(page, t.runId).getByTestId('subsidy-badge')).toHaveCount(0);
  await runCard(page, t.runId).getByTestId('subsidy-ask').click();
  await expect(page).toHaveURL(/\/courses\/subsidy-check$/);
  await expect(page.getByRole('heading', { name: '怎么判断的' })).toBeVisible();
  await expect(page.getByTestId('subsidy-rule').first()).toContainText('政府补贴性培训');
  await expect(page.getByText('12333').first()).toBeVisible();

  // 40, 北京户籍, 失业: the free run is free for them.
  await answer(page, { age: '40', residency: '北京户籍', work: /^失业人员/ });
  await expect(page.getByTestId('subsidy-answers')).toContainText('40 岁');
  await expect(page.locator(`[data-run="${t.runId}"]`).getByTestId('subsidy-badge')).toHaveAttribute('data-outcome', 'free');
  await page.goto(`/courses/${t.courseId}`);
  const badge = runCard(page, t.runId).getByTestId('subsidy-badge');
  await expect(badge).toHaveAttribute('data-outcome', 'free');
  await expect(badge).toContainText('免费');

  // Changed answers: at 70 the free class is no longer free for them.
  await answer(page, { age: '70', residency: '北京户籍', work: /^失业人员/ });
  await page.goto(`/courses/${t.courseId}`);
  await expect(runCard(page, t.runId).getByTestId('subsidy-badge')).toHaveAttribute('data-outcome', 'self');
  await expect(runCard(page, t.runId).getByTestId('subsidy-badge')).toContainText('需自费');

  // Cleared: back to the link.
  await page.goto('/courses/subsidy-check');
  await page.getByRole('button', { name: '清除我的回答' }).click();
  await expect(page).toHaveURL(/cleared=1/);
  await expect(page.getByText('已清除您的回答')).toBeVisible();
  await page.goto(`/courses/${t.courseId}`);
  await expect(runCard(page, t.runId).getByTestId('subsidy-ask')).toBeVisible();
}

test.describe('subsidy self-check', () => {
  test('answer, see badges on a course page, change, clear @phone', async ({ page }) => {
    await journey(page);
  });

  test('the same without JavaScript @nojs', async ({ page }) => {
    await journey(page);
  });

  test('the course list shows the badge once answered', async ({ page }) => {
    await page.goto('/courses');
    await expect(page.getByTestId('subsidy-check-link')).toContainText('看看我能不能免费学');
    await expect(page.getByTestId('subsidy-badge')).toHaveCount(0);
    await answer(page, { age: '35', residency: '北京居住证', work: /^在职职工/ });
    await page.goto('/courses');
    await expect(page.getByTestId('subsidy-badge').first()).toBeVisible();
    const outcomes = await page.getByTestId('subsidy-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')));
    expect(outcomes.every((o) => o === 'free' || o === 'subsidy' || o === 'self')).toBe(true);
  });

  test('bad answers change nothing and say what to fix; a damaged cookie counts as no answers', async ({ page, context, baseURL }) => {
    const res = await page.request.post('/courses/subsidy-check/answers', {
      form: { intent: 'save', age: 'abc', residency: 'mars', work: 'boss' },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(303);
    expect(res.headers()['location']).toMatch(/error=age,residency,work/);
    expect(res.headers()['set-cookie'] ?? '').not.toContain('ft_subsidy');
    await page.goto('/courses/subsidy-check?error=age,residency,work,<script>');
    await expect(page.getByRole('alert').filter({ hasText: '有几处需要改一下' })).toContainText('年龄请填写');

    const foreign = await page.request.post('/courses/subsidy-check/answers', {
      form: { intent: 'save', age: '40', residency: 'hukou', work: 'employed' },
      headers: { Origin: 'https://evil.example' },
      maxRedirects: 0,
    });
    expect(foreign.headers()['set-cookie'] ?? '').not.toContain('ft_subsidy');

    await context.addCookies([{ name: 'ft_subsidy', value: 'a%3D999%26r%3Dmoon', url: baseURL! }]);
    await page.goto('/courses/subsidy-check');
    await expect(page.getByText('之前保存的回答读不出来')).toBeVisible();
    await expect(page.getByTestId('subsidy-answers')).toHaveCount(0);
  });

  test('the self-check page passes axe, unanswered and answered', async ({ page }) => {
    await page.goto('/courses/subsidy-check');
    await expectNoA11yViolations(page);
    await answer(page, { age: '40', residency: '北京户籍', work: /^失业人员/ });
    await expectNoA11yViolations(page);
  });
});

/*
 * The badge never contradicts the price: a 68-year-old (past the free rule's 16–60) reads, on the
 * 免费班, that they cannot join it free and why, and on a 补贴班 or 自费班 the yuan they would pay.
 */
function runsFor68(): { free: Target; paid: Target & { fee: number } } {
  return withDb((db) => {
    const today = (db.prepare(`SELECT date('now', '+8 hours') AS d`).get() as { d: string }).d;
    const q = (cost: string) =>
      db
        .prepare(
          `SELECT c.id AS courseId, r.id AS runId, r.fee AS fee FROM course_runs r JOIN courses c ON c.id = r.course_id
           WHERE r.cost_type = ? AND r.fee IS ${cost === 'free' ? '' : 'NOT '}NULL AND r.publication = 'published' AND c.publication = 'published'
             AND r.deadline >= ? AND r.start_date > ? ORDER BY r.start_date, r.id LIMIT 1`,
        )
        .get(cost, today, today) as (Target & { fee: number }) | undefined;
    const free = q('free');
    const paid = q('subsidy') ?? q('self');
    expect(free && paid, 'a 免费班 and a 补贴班 or 自费班 to come').toBeTruthy();
    return { free: free!, paid: paid! };
  });
}

async function sixtyEight(page: Page) {
  const { free, paid } = runsFor68();
  await answer(page, { age: '68', residency: '北京户籍', work: /^失业人员/ });

  await page.goto(`/courses/${free.courseId}`);
  const card = runCard(page, free.runId);
  const badge = card.getByTestId('subsidy-badge');
  await expect(badge).toHaveAttribute('data-outcome', 'self');
  // Not a bare «需自费» beside «免费»: what it means for them and whom to ask, and why.
  await expect(badge).toContainText('这期免费班您不能免费参加');
  await expect(badge).toContainText('请问培训学校');
  await expect(badge).toContainText('原因：要求年龄 16–60 岁，您 68 岁');
  // Who may join it free, plainly.
  await expect(card.getByTestId('run-eligibility').first()).toContainText('年龄 16–60 岁');
  await expect(card.getByTestId('run-eligibility').first()).toContainText('北京户籍或北京居住证');

  await page.goto(`/courses/${paid.courseId}`);
  await expect(runCard(page, paid.runId).getByTestId('subsidy-badge')).toContainText(`您需自费 ${paid.fee} 元`);

  // The list cards say the same: never a badge without an amount or a reason.
  await page.goto('/courses?cost=free&status=open');
  const badges = page.getByTestId('subsidy-badge');
  await expect(badges.first()).toBeVisible();
  for (const text of await badges.allTextContents()) {
    expect(text).toMatch(/您可免费参加|不能免费参加.*请问培训学校|您需自费 \d+ 元|可补贴 \d+ 元/);
  }
}

test.describe('what a 68-year-old reads after the self-check', () => {
  test('the free class says they cannot join it free and why; paid classes say the yuan @phone @elder', async ({ page }) => {
    await sixtyEight(page);
    // axe needs JavaScript in the page, so it runs here and not in the JS-off twin.
    await expectNoA11yViolations(page);
  });

  test('the same without JavaScript @nojs', async ({ page }) => {
    await sixtyEight(page);
  });
});
