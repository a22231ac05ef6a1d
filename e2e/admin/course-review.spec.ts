/**
 * Review with reasons and publishing that residents never see half-done (issue 17, points 1–2),
 * as the 培训机构 kangxin (provider 4) and the editor would do it: the school submits a course with
 * its runs in one step after a checklist of what is missing, the editor returns it with a note the
 * school reads, then publishes course and runs together; withdrawing asks why and takes the runs
 * down with the course. Each test counts the screens and actions of its task (logged for the
 * closing note).
 */
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signedInContext } from '../helpers/auth';
import { scalar } from '../helpers/db';
import { expectNoA11yViolations } from '../helpers/a11y';
import { actionId as serverActionId } from '../security/actions';
import { createCourse } from './course-form';

const unique = (what: string) => `${what}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const RETURN_NOTE = '需要修改什么（培训机构会看到这段话）';
const WITHDRAW_NOTE = '撤下原因（记入修改记录，后台可见）';

/** Screens (page loads, client navigations included) and actions (clicks that do something) of one task. */
function tally(page: Page) {
  const t = { screens: 0, actions: 0 };
  let last = '';
  page.on('framenavigated', (f) => {
    if (f !== page.mainFrame()) return;
    const url = f.url().split('#')[0]!;
    if (url !== last) t.screens += 1;
    last = url;
  });
  return {
    t,
    click: async (l: Locator) => {
      t.actions += 1;
      await l.click();
    },
  };
}


async function addRun(page: Page, courseId: number, label: string, cost: { type: 'free' | 'subsidy'; fee?: string; subsidy?: string }): Promise<number> {
  await page.goto(`/admin/courses/${courseId}/runs/new`);
  await page.getByLabel('班期名称').fill(label);
  await page.getByLabel('费用类型').selectOption(cost.type);
  if (cost.fee !== undefined) await page.getByLabel('费用（元）').fill(cost.fee);
  if (cost.subsidy !== undefined) await page.getByLabel('补贴（元）').fill(cost.subsidy);
  await page.getByLabel('联系人').fill('王老师');
  await page.getByLabel('联系电话').fill('010-63800009');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/courses/${courseId}/runs/\\d+\\?created=1$`));
  return Number(/runs\/(\d+)/.exec(page.url())![1]);
}

/** For looking at the screens by eye: only when SHOTS_DIR is set (never into the repository). */
async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}-${test.info().project.name}.png`), fullPage: true });
}

/** A task's count, kept with the test's result and printed for the closing note. */
function measure(description: string) {
  test.info().annotations.push({ type: 'measure', description });
  console.log(`MEASURE ${test.info().project.name}: ${description}`);
}

const pub = (table: 'courses' | 'course_runs', id: number) => scalar<string>(`SELECT publication FROM ${table} WHERE id = ?`, id);

test('培训机构 submits a course with its runs after a checklist; the editor returns it with a note; then publishes course and runs together @phone', async ({ browser }) => {
  test.setTimeout(180_000);
  const school = await signedInContext(browser, 'kangxin');
  const title = unique('E2E审核课程');
  const courseId = await createCourse(school.page, title);
  const bad = await addRun(school.page, courseId, unique('补贴班'), { type: 'subsidy', fee: '1200' });
  const good = await addRun(school.page, courseId, unique('免费班'), { type: 'free' });

  // (b) the school submits: one button; what is missing is listed first, each a link to its field.
  const s = tally(school.page);
  await school.page.goto(`/admin/courses/${courseId}`);
  const lifecycle = school.page.getByRole('region', { name: '发布状态' });
  await s.click(lifecycle.getByRole('button', { name: '提交审核', exact: true }));
  const dialog = school.page.getByRole('alertdialog');
  await expect(dialog).toContainText('还不能提交审核：请先改好以下 1 项');
  await expect(dialog.getByRole('button', { name: '提交审核', exact: true })).toHaveCount(0);
  await expectNoA11yViolations(school.page);
  await shot(school.page, 'submit-checklist');
  await s.click(dialog.getByRole('link', { name: /补贴（元）：补贴班期请填写补贴金额/ }));
  await expect(school.page).toHaveURL(new RegExp(`/admin/courses/${courseId}/runs/${bad}#field-subsidy$`));
  expect(pub('courses', courseId)).toBe('draft');
  await school.page.getByLabel('补贴（元）').fill('900');
  await s.click(school.page.getByRole('button', { name: '保存', exact: true }));
  await expect(school.page.getByRole('status').getByText('已保存。')).toBeVisible();
  await s.click(school.page.getByRole('link', { name: '← 返回课程' }));
  await expect(school.page).toHaveURL(new RegExp(`/admin/courses/${courseId}#run-${bad}$`));
  await s.click(lifecycle.getByRole('button', { name: '提交审核', exact: true }));
  await expect(dialog).toContainText('课程和 2 个班期一起提交');
  await s.click(dialog.getByRole('button', { name: '提交审核', exact: true }));
  await expect(lifecycle.getByText('已提交审核。')).toBeVisible();
  expect([pub('courses', courseId), pub('course_runs', bad), pub('course_runs', good)]).toEqual(['review', 'review', 'review']);
  // Taking it back is 撤回提交, not 撤下.
  await expect(lifecycle.getByRole('button', { name: '撤回提交', exact: true })).toBeVisible();
  await expect(lifecycle.getByRole('button', { name: '撤下', exact: true })).toHaveCount(0);
  measure(`school submits (with one fix): ${s.t.screens} screens, ${s.t.actions} actions`);

  // (b) the editor opens it from the dashboard and returns it with what to fix.
  const editor = await signedInContext(browser, 'editor');
  const e = tally(editor.page);
  await editor.page.goto('/admin');
  await e.click(editor.page.getByTestId('dash-review').getByRole('link', { name: title, exact: true }));
  await expect(editor.page.getByRole('heading', { level: 1 })).toContainText(title);
  const eLifecycle = editor.page.getByRole('region', { name: '发布状态' });
  await e.click(eLifecycle.getByRole('button', { name: '退回修改', exact: true }));
  const eDialog = editor.page.getByRole('alertdialog');
  // The note is required: nothing is sent without it.
  await eDialog.getByRole('button', { name: '退回修改', exact: true }).click();
  await expect(eDialog.getByText('请写明需要修改什么，培训机构会看到这段话')).toBeVisible();
  await expect(eDialog.getByLabel(RETURN_NOTE)).toHaveAttribute('aria-invalid', 'true');
  expect(pub('courses', courseId)).toBe('review');
  await eDialog.getByLabel(RETURN_NOTE).fill('请把实操地点写清楚，补贴金额请与人社局核对。');
  await expectNoA11yViolations(editor.page);
  await shot(editor.page, 'return-note');
  await e.click(eDialog.getByRole('button', { name: '退回修改', exact: true }));
  await expect(eLifecycle.getByText('已退回修改。')).toBeVisible();
  expect([pub('courses', courseId), pub('course_runs', bad), pub('course_runs', good)]).toEqual(['draft', 'draft', 'draft']);
  expect(scalar(`SELECT state_note FROM courses WHERE id = ?`, courseId)).toBe('请把实操地点写清楚，补贴金额请与人社局核对。');
  expect(scalar(`SELECT COUNT(*) FROM audit_log WHERE entity = 'course' AND entity_id = ? AND action = 'return' AND summary LIKE '%补贴金额请与人社局核对%'`, courseId)).toBe(1);
  measure(`editor returns with a note: ${e.t.screens} screens, ${e.t.actions} actions`);

  // The school reads the note on its dashboard and on the course.
  await school.page.goto('/admin');
  // Said once, on the course, though the course and both runs came back with it.
  await expect(school.page.getByTestId('dash-mine').getByTestId('dash-note').filter({ hasText: '编辑的修改意见：请把实操地点写清楚' })).toHaveCount(1);
  await shot(school.page, 'school-dashboard');
  const r = tally(school.page);
  await school.page.goto(`/admin/courses/${courseId}`);
  await expect(school.page.getByTestId('state-note')).toContainText('编辑退回修改的意见');
  await expect(school.page.getByTestId('state-note')).toContainText('请把实操地点写清楚');
  await expectNoA11yViolations(school.page);
  await shot(school.page, 'school-course-returned');
  await r.click(lifecycle.getByRole('button', { name: '提交审核', exact: true }));
  await r.click(dialog.getByRole('button', { name: '提交审核', exact: true }));
  await expect(lifecycle.getByText('已提交审核。')).toBeVisible();
  await expect(school.page.getByTestId('state-note')).toHaveCount(0);
  measure(`school resubmits a complete course with two runs: ${r.t.screens} screens, ${r.t.actions} actions`);

  // (a) the editor publishes course and both runs in one action.
  const p = tally(editor.page);
  await editor.page.goto(`/admin/courses/${courseId}`);
  await p.click(eLifecycle.getByRole('button', { name: '发布', exact: true }));
  await expect(eDialog).toContainText('将和 2 个班期一起发布');
  await shot(editor.page, 'publish-with-runs');
  await p.click(eDialog.getByRole('button', { name: '发布', exact: true }));
  await expect(eLifecycle.getByText('已发布。')).toBeVisible();
  expect([pub('courses', courseId), pub('course_runs', bad), pub('course_runs', good)]).toEqual(['published', 'published', 'published']);
  measure(`editor publishes a course with two runs: ${p.t.screens} screens, ${p.t.actions} actions`);
  await expect(editor.page.getByRole('link', { name: '在居民网站上查看这门课程' })).toHaveAttribute('href', `/courses/${courseId}`);
  const resident = await school.context.newPage();
  await resident.goto(`/courses/${courseId}`);
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(resident.locator(`#run-${bad}`)).toBeVisible();
  await expect(resident.locator(`#run-${good}`)).toBeVisible();
  await school.context.close();
  await editor.context.close();
});

test('editor withdraws a live course: asked why, warned about its live runs; the runs read 已撤下 and say the course was taken down @phone', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await signedInContext(browser, 'editor');
  const title = unique('E2E撤下课程');
  const courseId = await createCourse(page, title, '2');
  const runId = await addRun(page, courseId, unique('撤下班'), { type: 'free' });
  await page.goto(`/admin/courses/${courseId}`);
  await expect(page.getByTestId('public-link')).toHaveText('居民网站上看不到这门课程（草稿）。');
  const lifecycle = page.getByRole('region', { name: '发布状态' });
  await lifecycle.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '发布', exact: true }).click();
  await expect(lifecycle.getByText('已发布。')).toBeVisible();
  expect(pub('course_runs', runId)).toBe('published');

  await lifecycle.getByRole('button', { name: '撤下', exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('这门课有 1 个班期正在居民网站上显示，撤下后会一起消失');
  await dialog.getByRole('button', { name: '撤下', exact: true }).click();
  await expect(dialog.getByText('请写明撤下的原因，会记入修改记录')).toBeVisible();
  expect(pub('courses', courseId)).toBe('published');
  await dialog.getByLabel(WITHDRAW_NOTE).fill('机构场地整改，暂停招生。');
  await shot(page, 'withdraw-dialog');
  await dialog.getByRole('button', { name: '撤下', exact: true }).click();
  await expect(lifecycle.getByText('已撤下。')).toBeVisible();
  expect([pub('courses', courseId), pub('course_runs', runId)]).toEqual(['withdrawn', 'withdrawn']);
  expect((await page.request.get(`/courses/${courseId}`)).status()).toBe(404);

  await page.reload();
  await expect(page.getByTestId('state-note')).toContainText('撤下原因');
  await expect(page.getByTestId('state-note')).toContainText('机构场地整改，暂停招生。');
  await expect(page.locator(`#run-${runId}`).getByText('已撤下', { exact: true })).toBeVisible();
  await shot(page, 'course-withdrawn');
  await page.goto(`/admin/courses/${courseId}/runs/${runId}`);
  await expect(page.getByText('所属课程已撤下，居民看不到')).toBeVisible();
  await expect(page.getByText('所属课程还没有发布')).toHaveCount(0);
  await expect(page.getByTestId('public-link')).toHaveText('居民网站上看不到这个班期。');
  await expectNoA11yViolations(page);
  await shot(page, 'run-under-withdrawn-course');
  expect(scalar(`SELECT COUNT(*) FROM audit_log WHERE entity = 'run' AND entity_id = ? AND action = 'withdraw' AND summary LIKE '%随课程撤下%机构场地整改%'`, runId)).toBe(1);
  await context.close();
});

test('a course with no run ready warns that residents will see no run before publishing', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  const courseId = await createCourse(page, unique('E2E无班期课程'), '2');
  await page.goto(`/admin/courses/${courseId}`);
  const lifecycle = page.getByRole('region', { name: '发布状态' });
  await lifecycle.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toContainText('居民会看到「这门课暂时没有班期」');
  await page.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
  expect(pub('courses', courseId)).toBe('draft');
  await context.close();
});

test('培训机构 takes a submission back (撤回提交): a draft again, not 已撤下', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'kangxin');
  const courseId = await createCourse(page, unique('E2E撤回提交'));
  const lifecycle = page.getByRole('region', { name: '发布状态' });
  await lifecycle.getByRole('button', { name: '提交审核', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '提交审核', exact: true }).click();
  await expect(lifecycle.getByText('已提交审核。')).toBeVisible();
  await lifecycle.getByRole('button', { name: '撤回提交', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toContainText('回到草稿');
  await page.getByRole('alertdialog').getByRole('button', { name: '撤回提交', exact: true }).click();
  await expect(lifecycle.getByText('已撤回提交。')).toBeVisible();
  expect(pub('courses', courseId)).toBe('draft');
  await context.close();
});

const actionId = (exportedName: string) => serverActionId('app/admin/(console)/courses/actions.ts', exportedName);

test('called directly, 退回修改 without a note and 撤下 without a reason are refused in words; nothing moves', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  const review = scalar<number>(`SELECT id FROM courses WHERE publication = 'review' ORDER BY id LIMIT 1`);
  const live = scalar<number>(`SELECT id FROM courses WHERE publication = 'published' ORDER BY id LIMIT 1`);
  for (const [id, move, words] of [
    [review, 'return', '请写明需要修改什么'],
    [live, 'withdraw', '请写明撤下的原因'],
  ] as const) {
    const before = scalar<string>(`SELECT publication || ' ' || version FROM courses WHERE id = ?`, id);
    const version = scalar<number>(`SELECT version FROM courses WHERE id = ?`, id);
    const res = await page.request.post('/', {
      headers: { 'Next-Action': actionId('transitionCourseAction'), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
      data: JSON.stringify([{ id, version, move, note: '   ' }]),
    });
    expect(res.status()).toBeLessThan(500);
    const text = await res.text();
    expect(text).toContain('"code":"invalid"');
    expect(text).toContain(words);
    expect(scalar<string>(`SELECT publication || ' ' || version FROM courses WHERE id = ?`, id)).toBe(before);
  }
  await context.close();
});
