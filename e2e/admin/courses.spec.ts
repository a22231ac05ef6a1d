/**
 * Courses and runs in the admin console, as an editor and as a 培训机构 (kangxin, provider 4)
 * would use them. Each test makes its own records with unique titles, so tests run in parallel
 * with each other and with other slices' tests.
 */
import { expect, test, type Page } from '@playwright/test';
import { signedInContext } from '../helpers/auth';
import { scalar } from '../helpers/db';
import { expectNoA11yViolations } from '../helpers/a11y';
import { actionId as serverActionId } from '../security/actions';
import { createCourse, fillCourse } from './course-form';

const unique = (what: string) => `${what}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** Presses a lifecycle button in a region and confirms it (with the note the move asks for, if any). */
async function move(page: Page, region: ReturnType<Page['locator']>, label: string, note?: { label: string; text: string }) {
  await region.getByRole('button', { name: label, exact: true }).click();
  if (note) await page.getByRole('alertdialog').getByLabel(note.label).fill(note.text);
  await page.getByRole('alertdialog').getByRole('button', { name: label, exact: true }).click();
  await expect(region.getByText(`已${label}。`)).toBeVisible();
}

const actionId = (exportedName: string) => serverActionId('app/admin/(console)/courses/actions.ts', exportedName);

test('editor: create → publish → seen on the public page → withdraw → gone; audited', async ({ browser }) => {
  // A whole journey through several pages and dialogs: more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  const { context, page } = await signedInContext(browser, 'editor');
  const title = unique('E2E发布测试课程');
  const courseId = await createCourse(page, title, '2');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  const lifecycle = page.getByRole('region', { name: '发布状态' });
  await move(page, lifecycle, '发布');

  // A run, published under the published course.
  await page.getByRole('link', { name: '添加班期' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/courses/${courseId}/runs/new$`));
  const label = unique('E2E班');
  await page.getByLabel('班期名称').fill(label);
  await page.getByLabel('联系人').fill('王老师');
  await page.getByLabel('联系电话').fill('010-63800009');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/courses/${courseId}/runs/\\d+\\?created=1$`));
  const runId = Number(/runs\/(\d+)/.exec(page.url())![1]);
  await move(page, page.getByRole('region', { name: '发布状态' }), '发布');

  // Residents see it on the next request.
  const pub = await page.goto(`/courses/${courseId}`);
  expect(pub?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText(label).first()).toBeVisible();

  // Withdraw (撤下, with a reason since issue 17): gone.
  await page.goto(`/admin/courses/${courseId}`);
  await expect(page.locator(`#run-${runId}`)).toBeVisible();
  await move(page, page.getByRole('region', { name: '发布状态' }), '撤下', { label: '撤下原因（记入修改记录，后台可见）', text: 'E2E：测试结束' });
  const gone = await page.goto(`/courses/${courseId}`);
  expect(gone?.status()).toBe(404);

  // Audit rows for each step, with who did it.
  expect(scalar(`SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log WHERE entity = 'course' AND entity_id = ? ORDER BY id)`, courseId)).toBe('create,publish,withdraw');
  // The live run is taken down with its course (issue 17), so it never reads 已发布 under a withdrawn course.
  expect(scalar(`SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log WHERE entity = 'run' AND entity_id = ? ORDER BY id)`, runId)).toBe('create,publish,withdraw');
  expect(scalar(`SELECT COUNT(DISTINCT actor) FROM audit_log WHERE entity IN ('course', 'run') AND entity_id IN (?, ?) AND actor = 'editor'`, courseId, runId)).toBe(1);
  await context.close();
});

test('培训机构: edits its own course, submits it for review, cannot publish it (no button, and the action refuses)', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'kangxin');
  const title = unique('E2E机构课程');
  const courseId = await createCourse(page, title);
  expect(scalar(`SELECT provider_id FROM courses WHERE id = ?`, courseId)).toBe(4);

  // Edit and save.
  await page.getByLabel('一句话简介').fill('改过的简介');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').getByText('已保存。')).toBeVisible();
  expect(scalar(`SELECT summary FROM courses WHERE id = ?`, courseId)).toBe('改过的简介');
  expect(scalar(`SELECT COUNT(*) FROM audit_log WHERE entity = 'course' AND entity_id = ? AND action = 'update' AND actor = 'kangxin'`, courseId)).toBe(1);
  // 提交审核 right after the save, before the page has refreshed: the button sends the saved version.

  const lifecycle = page.getByRole('region', { name: '发布状态' });
  await expect(lifecycle.getByRole('button', { name: '发布', exact: true })).toHaveCount(0);
  await move(page, lifecycle, '提交审核');
  expect(scalar(`SELECT publication FROM courses WHERE id = ?`, courseId)).toBe('review');
  await expect(lifecycle.getByRole('button', { name: '发布', exact: true })).toHaveCount(0);

  // Calling the publish action directly with this account's cookie is refused; nothing changes.
  const version = scalar<number>(`SELECT version FROM courses WHERE id = ?`, courseId);
  const res = await page.request.post('/', {
    headers: { 'Next-Action': actionId('transitionCourseAction'), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify([{ id: courseId, version, move: 'publish' }]),
  });
  expect(await res.text()).toContain('"code":"forbidden"');
  expect(scalar(`SELECT publication FROM courses WHERE id = ?`, courseId)).toBe('review');
  expect(scalar(`SELECT version FROM courses WHERE id = ?`, courseId)).toBe(version);
  await context.close();
});

test('培训机构: another provider’s course, run and preview show the refusal page', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'kangxin');
  const other = scalar<number>(`SELECT id FROM courses WHERE provider_id = 1 ORDER BY id LIMIT 1`);
  const run = scalar<number>(`SELECT id FROM course_runs WHERE course_id = ? LIMIT 1`, other);
  for (const url of [`/admin/courses/${other}`, `/admin/courses/${other}/preview`, `/admin/courses/${other}/runs/${run}`, `/admin/courses/${other}/runs/new`]) {
    await page.goto(url);
    await expect(page.getByTestId('refused'), url).toBeVisible();
    await expect(page.getByRole('heading', { name: '没有权限' })).toBeVisible();
  }
  // The list only holds its own provider's courses, whatever the address asks for.
  await page.goto('/admin/courses?provider=1');
  const count = scalar<number>(`SELECT COUNT(*) FROM courses WHERE provider_id = 4`);
  await expect(page.getByTestId('result-count')).toHaveText(`共 ${count} 门课程`);
  await context.close();
});

test('validation: errors keep the input, the summary links to each field, aria-invalid is set', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  await page.goto('/admin/courses/new');
  const title = unique('E2E校验课程');
  await page.getByLabel('课程名称').fill(title);
  await page.getByLabel('培训天数').fill('很多天');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  const summary = page.getByRole('alert').filter({ hasText: '有些内容需要修改' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: /工种：请选择工种/ })).toHaveAttribute('href', '#field-occupationId');
  await expect(summary.getByRole('link', { name: /培训天数：培训天数请填写数字/ })).toBeVisible();
  await expect(page.getByLabel('工种')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('培训天数')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('课程名称')).toHaveValue(title);
  await expect(page.getByLabel('培训天数')).toHaveValue('很多天');
  expect(scalar(`SELECT COUNT(*) FROM courses WHERE title = ?`, title)).toBe(0);

  // A run with its end before its start: the message says what to do, the link reaches the field.
  const courseId = await createCourse(page, title, '1');
  await page.goto(`/admin/courses/${courseId}/runs/new`);
  await page.getByLabel('班期名称').fill('校验测试班');
  await page.getByLabel('开课日期').fill('2030-05-10');
  await page.getByLabel('结课日期').fill('2030-05-01');
  await page.getByLabel('剩余名额').fill('99');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  const runSummary = page.getByRole('alert').filter({ hasText: '有些内容需要修改' });
  const link = runSummary.getByRole('link', { name: '结课日期：结课日期不能早于开课日期' });
  await expect(link).toBeVisible();
  await expect(runSummary.getByRole('link', { name: '剩余名额：剩余名额不能多于总名额' })).toBeVisible();
  await link.click();
  await expect(page.getByLabel('结课日期')).toBeFocused();
  await expect(page.getByLabel('结课日期')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('结课日期')).toHaveValue('2030-05-01');
  await expect(page.getByLabel('班期名称')).toHaveValue('校验测试班');
  expect(scalar(`SELECT COUNT(*) FROM course_runs WHERE course_id = ?`, courseId)).toBe(0);

  // Publishing a run under a course that is not published is refused with a plain reason.
  await page.getByLabel('结课日期').fill('2030-05-14');
  await page.getByLabel('剩余名额').fill('30');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page).toHaveURL(/runs\/\d+\?created=1$/);
  const lifecycle = page.getByRole('region', { name: '发布状态' });
  await lifecycle.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '发布', exact: true }).click();
  await expect(lifecycle.getByRole('alert')).toContainText('请先发布课程');
  expect(scalar(`SELECT publication FROM course_runs WHERE course_id = ?`, courseId)).toBe('draft');
  await context.close();
});

// Both change the same field (a change to another field merges: e2e/admin/conflicts.spec.ts).
test('two editors save the same field of a course: the second sees a conflict naming the change, nothing written', async ({ browser }) => {
  const a = await signedInContext(browser, 'editor');
  const b = await signedInContext(browser, 'admin');
  const courseId = await createCourse(a.page, unique('E2E冲突课程'), '3');
  await b.page.goto(`/admin/courses/${courseId}`);
  await a.page.getByLabel('一句话简介').fill('编辑先改的简介');
  await a.page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(a.page.getByRole('status').getByText('已保存。')).toBeVisible();
  await b.page.getByLabel('报名条件').fill('管理员后改的条件');
  await b.page.getByLabel('一句话简介').fill('管理员后改的简介');
  await b.page.getByRole('button', { name: '保存', exact: true }).click();
  const conflict = b.page.getByRole('alert').filter({ hasText: '已被他人修改' });
  await expect(conflict).toContainText('演示编辑');
  await expect(conflict).toContainText('一句话简介');
  await expect(b.page.getByLabel('报名条件')).toHaveValue('管理员后改的条件');
  await expect(b.page.getByLabel('一句话简介', { exact: true })).toHaveValue('管理员后改的简介');
  expect(scalar(`SELECT requirements FROM courses WHERE id = ?`, courseId)).toBe('年满 18 周岁');
  expect(scalar(`SELECT summary FROM courses WHERE id = ?`, courseId)).toBe('编辑先改的简介');
  await a.context.close();
  await b.context.close();
});

test('clone a run with new dates, preview the draft as residents would see it', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  const src = scalar<number>(`SELECT r.id FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE c.publication = 'published' AND r.publication = 'published' ORDER BY r.id LIMIT 1`);
  const courseId = scalar<number>(`SELECT course_id FROM course_runs WHERE id = ?`, src);
  await page.goto(`/admin/courses/${courseId}/runs/${src}`);
  const label = unique('E2E复制班');
  await page.getByLabel('新班期的开课日期').fill('2031-03-03');
  await page.getByLabel('新班期名称').fill(label);
  await page.getByRole('button', { name: '复制为新班期' }).click();
  await expect(page).toHaveURL(/runs\/\d+\?created=1$/);
  const copy = Number(/runs\/(\d+)/.exec(page.url())![1]);
  const row = scalar<string>(`SELECT publication || ' ' || start_date || ' ' || (seats_left = seats) FROM course_runs WHERE id = ?`, copy);
  expect(row).toBe('draft 2031-03-03 1');

  await page.goto(`/admin/courses/${courseId}/preview`);
  await expect(page.getByTestId('preview-banner')).toContainText('预览');
  await expect(page.getByText(label).first()).toBeVisible();
  // Residents do not see the draft run.
  await page.goto(`/courses/${courseId}`);
  await expect(page.getByText(label)).toHaveCount(0);

  // A new draft course previews with the draft banner.
  const draftId = await createCourse(page, unique('E2E预览课程'), '5');
  await page.goto(`/admin/courses/${draftId}/preview`);
  await expect(page.getByTestId('preview-banner')).toContainText('预览：居民还看不到这条草稿');
  await context.close();
});

test('axe finds no violations on the course list, edit, run and preview pages @phone', async ({ browser }, info) => {
  test.setTimeout(120_000);
  const { context, page } = await signedInContext(browser, 'editor');
  if (info.project.name === 'phone') await page.setViewportSize({ width: 390, height: 844 });
  const run = scalar<number>(`SELECT id FROM course_runs WHERE publication = 'published' ORDER BY id LIMIT 1`);
  const courseId = scalar<number>(`SELECT course_id FROM course_runs WHERE id = ?`, run);
  for (const url of ['/admin/courses', '/admin/courses/new', `/admin/courses/${courseId}`, `/admin/courses/${courseId}/runs/${run}`, `/admin/courses/${courseId}/runs/new`, `/admin/courses/${courseId}/preview`]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoA11yViolations(page);
  }
  // And with the error summary showing.
  await page.goto('/admin/courses/new');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expectNoA11yViolations(page);
  await context.close();
});
