/**
 * The admin fair pages as a bureau editor uses them: create a fair, add an employer and a
 * position linked to a course (短训快聘), publish, see it on the resident pages, change it live,
 * withdraw it; clone; validation that keeps input; conflicts between two editors; scoped
 * accounts refused; no axe violations.
 */
import { expect, test, type Page } from '@playwright/test';
import { signedInContext } from '../helpers/auth';
import { scalar } from '../helpers/db';
import { expectNoA11yViolations } from '../helpers/a11y';

function unique(label: string) {
  return `${label}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** A day some weeks ahead (Beijing), 'YYYY-MM-DD'. */
function daysAhead(n: number) {
  return new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

async function confirmMove(page: Page, move: string) {
  await page.getByRole('button', { name: move, exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: move, exact: true }).click();
  await expect(page.getByText(`已${move}。`)).toBeVisible();
}

test('editor creates a fair with an employer and a course-linked position, publishes, changes it live, withdraws', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  const title = unique('E2E短训快聘招聘会');
  const employer = unique('E2E物流公司');
  const position = unique('分拣员');
  const venue = scalar<number>(`SELECT id FROM places WHERE kind = 'venue' ORDER BY id LIMIT 1`);
  const courseId = scalar<number>(`SELECT id FROM courses WHERE publication = 'published' ORDER BY id LIMIT 1`);
  const courseTitle = scalar<string>(`SELECT title FROM courses WHERE id = ?`, courseId);
  const day = daysAhead(30);

  await page.goto('/admin/fairs');
  await page.getByRole('link', { name: '新建招聘会' }).click();
  await page.getByLabel('招聘会名称').fill(title);
  await page.getByLabel('类型').selectOption('short_training');
  await page.getByLabel('举办场地').selectOption(String(venue));
  await page.getByLabel('开始时间').fill(`${day}T09:00`);
  await page.getByLabel('结束时间').fill(`${day}T12:00`);
  await page.getByLabel('如何参加').fill('带身份证和简历，免费入场。');
  await page.getByLabel('联系电话').fill('010-63801234');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page).toHaveURL(/\/admin\/fairs\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  expect(scalar<string>(`SELECT publication FROM fairs WHERE id = ?`, id)).toBe('draft');
  // Not complete yet: the page says what is missing before publishing.
  await expect(page.getByText('发布前请至少添加一家参展单位').first()).toBeVisible();

  await page.getByRole('button', { name: '添加参展单位' }).click();
  await page.getByLabel('单位名称').fill(employer);
  await page.getByLabel('所属行业').fill('物流');
  await page.getByLabel('展位号').fill('B12');
  await page.getByRole('button', { name: '保存单位' }).click();
  await expect(page.getByText('单位已保存。')).toBeVisible();
  await expect(page.getByRole('heading', { name: employer, exact: true })).toBeVisible();

  await page.getByRole('button', { name: /添加岗位/ }).click();
  await page.getByLabel('岗位名称').fill(position);
  await page.getByLabel('招聘人数').fill('6');
  await page.getByLabel('最低工资（元）').fill('5500');
  await page.getByLabel('最高工资（元）').fill('7000');
  await page.getByLabel('按课程名称查找').fill(courseTitle.slice(0, 3));
  await page.getByLabel('选择课程').selectOption(String(courseId));
  await page.getByRole('button', { name: '保存岗位' }).click();
  await expect(page.getByText('岗位已保存。')).toBeVisible();
  await expect(page.getByText(`对应课程：${courseTitle}`)).toBeVisible();

  await confirmMove(page, '发布');
  expect(scalar<string>(`SELECT publication FROM fairs WHERE id = ?`, id)).toBe('published');

  // Residents see it, with the employer, the position and its course.
  const pub = await context.newPage();
  await pub.goto(`/fairs/${id}`);
  await expect(pub.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(pub.getByRole('heading', { name: employer })).toBeVisible();
  await expect(pub.getByText(position).first()).toBeVisible();
  await expect(pub.getByRole('link', { name: new RegExp(courseTitle) })).toHaveAttribute('href', `/courses/${courseId}`);
  // …and the course page lists the job.
  await pub.goto(`/courses/${courseId}`);
  await expect(pub.getByRole('link', { name: title })).toBeVisible();

  // Editing a published fair asks first, then is live on the next request.
  await page.getByLabel('如何参加').fill('带身份证、简历和职业资格证书。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('修改将立即对公众生效').first()).toBeVisible();
  await page.getByRole('button', { name: '确认保存并立即生效' }).click();
  await expect(page.getByText('已保存。', { exact: true })).toBeVisible();
  await pub.goto(`/fairs/${id}`);
  await expect(pub.getByText('带身份证、简历和职业资格证书。')).toBeVisible();

  // 撤下 (was 撤回): taking a live record off the site is worded apart from 撤回提交 (issue 17).
  await confirmMove(page, '撤下');
  const gone = await pub.goto(`/fairs/${id}`);
  expect(gone?.status()).toBe(404);
  await expect(pub.getByRole('heading', { name: '页面没有找到' })).toBeVisible();

  // Every step is in the audit log with its before and after.
  const actions = scalar<string>(`SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log WHERE entity = 'fair' AND entity_id = ? ORDER BY id)`, id);
  expect(actions.split(',')).toEqual(['create', 'create', 'create', 'publish', 'update', 'withdraw']);
  expect(scalar<number>(`SELECT count(*) FROM audit_log WHERE entity = 'fair' AND entity_id = ? AND after IS NULL`, id)).toBe(0);
  await context.close();
});

test('validation errors keep what was typed, beside the field and linked from the summary', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  const title = unique('E2E校验招聘会');
  const day = daysAhead(20);
  await page.goto('/admin/fairs/new');
  await page.getByLabel('招聘会名称').fill(title);
  await page.getByLabel('开始时间').fill(`${day}T14:00`);
  await page.getByLabel('结束时间').fill(`${day}T09:00`);
  await page.getByLabel('联系电话').fill('打这个号码');
  await page.getByRole('button', { name: '保存为草稿' }).click();

  const summary = page.getByRole('alert').filter({ hasText: '有些内容需要修改' });
  await expect(summary.getByRole('link', { name: /结束时间不能早于开始时间/ })).toHaveAttribute('href', '#field-endsAt');
  await expect(summary.getByRole('link', { name: /联系电话只能包含数字/ })).toHaveAttribute('href', '#field-contactPhone');
  await expect(page.locator('#field-endsAt-error')).toContainText('结束时间不能早于开始时间');
  await expect(page.locator('#field-endsAt')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('招聘会名称')).toHaveValue(title);
  await expect(page.getByLabel('结束时间')).toHaveValue(`${day}T09:00`);
  expect(scalar<number>(`SELECT count(*) FROM fairs WHERE title = ?`, title)).toBe(0);

  // A postponed fair needs a note for residents.
  await page.getByLabel('结束时间').fill(`${day}T17:00`);
  await page.getByLabel('联系电话').fill('010-63801234');
  await page.getByLabel('举办状态', { exact: false }).first().selectOption('postponed');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page.locator('#field-statusNote-error')).toContainText('请写明原因和新的安排');
  await page.getByLabel('情况说明').fill('因场地检修延期，新日期另行通知。');
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page).toHaveURL(/\/admin\/fairs\/\d+$/);

  // The server holds publishing to the stricter rules: an empty draft cannot go out.
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '发布', exact: true }).click();
  const refusal = page.getByRole('alert').filter({ hasText: '发布前还需要补全或改正以下内容' });
  await expect(refusal.getByRole('link', { name: /发布前请至少添加一家参展单位/ })).toBeVisible();
  await expect(refusal.getByRole('link', { name: /发布前请选择举办场地/ })).toHaveAttribute('href', '#field-placeId');
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  expect(scalar<string>(`SELECT publication FROM fairs WHERE id = ?`, id)).toBe('draft');

  // Position pay: max below min is refused beside the field, input kept.
  await page.getByRole('button', { name: '添加参展单位' }).click();
  await page.getByLabel('单位名称').fill('E2E测试单位');
  await page.getByLabel('所属行业').fill('餐饮');
  await page.getByRole('button', { name: '保存单位' }).click();
  await expect(page.getByText('单位已保存。')).toBeVisible();
  await page.getByRole('button', { name: /添加岗位/ }).click();
  await page.getByLabel('岗位名称').fill('厨师');
  await page.getByLabel('招聘人数').fill('2');
  await page.getByLabel('最低工资（元）').fill('8000');
  await page.getByLabel('最高工资（元）').fill('6000');
  await page.getByRole('button', { name: '保存岗位' }).click();
  await expect(page.getByRole('link', { name: /最高工资不能低于最低工资/ })).toBeVisible();
  await expect(page.getByLabel('最高工资（元）')).toHaveValue('6000');
  expect(scalar<number>(`SELECT count(*) FROM fair_positions p JOIN fair_employers e ON e.id = p.employer_id WHERE e.fair_id = ?`, id)).toBe(0);
  await context.close();
});

test('clone copies employers and positions into a new draft at new dates', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  const src = scalar<number>(
    `SELECT f.id FROM fairs f WHERE f.publication = 'published' AND f.recurrence IS NULL AND (SELECT count(*) FROM fair_employers e WHERE e.fair_id = f.id) >= 3 ORDER BY f.id LIMIT 1`,
  );
  const employers = scalar<number>(`SELECT count(*) FROM fair_employers WHERE fair_id = ?`, src);
  const title = unique('E2E复制招聘会');
  const day = daysAhead(60);
  await page.goto(`/admin/fairs/${src}`);
  await page.getByRole('link', { name: '复制为新招聘会' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/fairs/${src}/clone$`));
  await page.getByLabel('新招聘会名称').fill(title);
  await page.getByLabel('新的开始时间').fill(`${day}T09:00`);
  await page.getByLabel('新的结束时间').fill(`${day}T11:30`);
  await page.getByRole('button', { name: '复制并打开新招聘会' }).click();
  await expect(page).toHaveURL(/\/admin\/fairs\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  expect(id).not.toBe(src);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(page.getByTestId('admin-employer')).toHaveCount(employers);
  expect(scalar<string>(`SELECT publication || ' ' || starts_at || ' ' || ends_at FROM fairs WHERE id = ?`, id)).toBe(`draft ${day}T09:00 ${day}T11:30`);
  const pub = await page.request.get(`/fairs/${id}`);
  expect(pub.status()).toBe(404);
  // The preview shows the resident page as a draft.
  await page.getByRole('link', { name: '预览居民看到的页面' }).click();
  await expect(page.getByTestId('preview-banner')).toContainText('草稿');
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await context.close();
});

test('two editors on the same fair: a different field merges; the same field shows a conflict and writes nothing', async ({ browser }) => {
  const a = await signedInContext(browser, 'editor');
  const b = await signedInContext(browser, 'admin');
  const id = scalar<number>(`SELECT id FROM fairs WHERE publication = 'draft' ORDER BY id LIMIT 1`);
  await a.page.goto(`/admin/fairs/${id}`);
  await b.page.goto(`/admin/fairs/${id}`);
  const fromA = unique('A 的介绍');
  await a.page.getByLabel('招聘会介绍').fill(fromA);
  await a.page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(a.page.getByText('已保存。', { exact: true })).toBeVisible();

  // B, still on the version before A's save, changes the same field: refused, both values shown.
  const fromB = unique('B 的介绍');
  await b.page.getByLabel('招聘会介绍').fill(fromB);
  await b.page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(b.page.getByText('您编辑期间，这条记录已被他人修改')).toBeVisible();
  await expect(b.page.getByText(/演示编辑 于 .* 修改了：招聘会介绍/)).toBeVisible();
  await expect(b.page.getByLabel('招聘会介绍')).toHaveValue(fromB);
  expect(scalar<string>(`SELECT description FROM fairs WHERE id = ?`, id)).toBe(fromA);
  await a.context.close();
  await b.context.close();
});

for (const who of ['kangxin', 'youanmen'] as const) {
  test(`${who} gets the refusal page on every fair page`, async ({ browser }) => {
    const { context, page } = await signedInContext(browser, who);
    const id = scalar<number>(`SELECT id FROM fairs ORDER BY id LIMIT 1`);
    await expect(page.getByRole('navigation', { name: '后台栏目' }).getByRole('link', { name: '招聘会' })).toHaveCount(0);
    for (const path of ['/admin/fairs', '/admin/fairs/new', `/admin/fairs/${id}`, `/admin/fairs/${id}/preview`, `/admin/fairs/${id}/clone`]) {
      await page.goto(path);
      await expect(page.getByTestId('refused'), path).toBeVisible();
      await expect(page.getByRole('heading', { name: '没有权限' })).toBeVisible();
    }
    await context.close();
  });
}

test('admin fair pages have no axe violations', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await signedInContext(browser, 'editor');
  const id = scalar<number>(`SELECT id FROM fairs WHERE type = 'gig_market' AND publication = 'published' ORDER BY id LIMIT 1`);
  for (const path of ['/admin/fairs', '/admin/fairs?pub=published&when=upcoming', '/admin/fairs/new', `/admin/fairs/${id}`, `/admin/fairs/${id}/preview`, `/admin/fairs/${id}/clone`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expectNoA11yViolations(page);
  }
  // With the forms open and errors shown.
  await page.goto(`/admin/fairs/${id}`);
  await page.getByRole('button', { name: '添加参展单位' }).click();
  await page.getByRole('button', { name: '保存单位' }).click();
  // A published fair: the save asks first, then the browser check shows what is missing.
  await page.getByRole('button', { name: '确认保存并立即生效' }).click();
  await expect(page.getByRole('link', { name: /请填写单位名称/ })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: /添加岗位/ }).first().click();
  await expectNoA11yViolations(page);
  await context.close();
});

test('the admin list filters like the public one, plus publication and status @phone', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  await page.goto('/admin/fairs');
  await expect(page.getByTestId('result-count')).toContainText('场招聘会');
  await page.getByLabel('发布状态').selectOption('draft');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/pub=draft/);
  const rows = page.getByTestId('admin-fair-row');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText('草稿');
  await page.goto('/admin/fairs?status=cancelled');
  const cancelled = scalar<number>(`SELECT count(*) FROM fairs WHERE status = 'cancelled'`);
  await expect(page.getByTestId('admin-fair-row')).toHaveCount(Math.min(cancelled, 20));
  await expect(page.getByTestId('admin-fair-row').first()).toContainText('已取消');
  await page.goto('/admin/fairs?pub=bogus');
  await expect(page.getByText('有的筛选条件无法识别')).toBeVisible();
  await context.close();
});
