/**
 * Two people editing the same course at once (an editor and an admin, each in their own
 * browser): edits to different fields merge and the form says whose; the same field changed by
 * both shows the other person's value beside what was typed, with a choice, and nothing typed is
 * lost. A forged or missing version, or a forged decision, sent straight to the action is
 * refused and writes nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { signedInContext } from '../helpers/auth';
import { scalar } from '../helpers/db';
import { expectNoA11yViolations } from '../helpers/a11y';
import { actionId as serverActionId } from '../security/actions';
import { createCourse } from './course-form';

const unique = (what: string) => `${what}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;


const actionId = (exportedName: string) => serverActionId('app/admin/(console)/courses/actions.ts', exportedName);

test('editor and admin edit one course at once: other fields merge, the same field offers both values and keeps what was typed', async ({ browser }) => {
  // Two accounts signed in, four saves, axe twice and two widths: longer than one form's test.
  test.setTimeout(120_000);
  const editor = await signedInContext(browser, 'editor');
  const admin = await signedInContext(browser, 'admin');
  try {
    const title = unique('E2E合并测试课程');
    const id = await createCourse(editor.page, title, '2');
    await editor.page.goto(`/admin/courses/${id}`);
    await admin.page.goto(`/admin/courses/${id}`);

    // The admin changes the summary and saves first.
    await admin.page.getByLabel('一句话简介').fill('管理员改过的简介。');
    await admin.page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(admin.page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

    // The editor, on the page loaded before that, changes the title: merged, and told so.
    const editorTitle = `${title}（编辑改）`;
    await editor.page.getByLabel('课程名称').fill(editorTitle);
    await editor.page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(editor.page.getByRole('status').filter({ hasText: /已与演示管理员 \d{2}:\d{2} 的修改合并：对方改了一句话简介，您改了课程名称。/ })).toBeVisible();
    // The admin's summary is in the editor's form now, so the next save keeps it.
    await expect(editor.page.getByLabel('一句话简介')).toHaveValue('管理员改过的简介。');
    await expectNoA11yViolations(editor.page);
    await editor.page.screenshot({ path: test.info().outputPath('merged-notice-1280.png') });
    expect(scalar(`SELECT title FROM courses WHERE id = ?`, id)).toBe(editorTitle);
    expect(scalar(`SELECT summary FROM courses WHERE id = ?`, id)).toBe('管理员改过的简介。');

    // Now the admin, from the version before the editor's save, changes the title too.
    const adminTitle = `${title}（管理员改）`;
    const field = admin.page.getByLabel('课程名称');
    await field.fill(adminTitle);
    await admin.page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(admin.page.getByRole('alert').filter({ hasText: '您编辑期间，这条记录已被他人修改' })).toBeVisible();
    const choice = admin.page.getByRole('group', { name: '课程名称', exact: true });
    await expect(choice.getByTestId('conflict-theirs-title')).toHaveText(editorTitle);
    await expect(choice.getByTestId('conflict-mine-title')).toHaveText(adminTitle);
    await expect(field).toHaveValue(adminTitle);
    expect(scalar(`SELECT title FROM courses WHERE id = ?`, id)).toBe(editorTitle);
    await expectNoA11yViolations(admin.page);
    await admin.page.screenshot({ path: test.info().outputPath('conflict-choices-1280.png'), fullPage: true });
    // The same choices on a phone: nothing cut off, still labelled.
    await admin.page.setViewportSize({ width: 390, height: 844 });
    await expect(choice.getByRole('radio', { name: /^您的：/ })).toBeVisible();
    await expectNoA11yViolations(admin.page);
    await admin.page.screenshot({ path: test.info().outputPath('conflict-choices-390.png'), fullPage: true });
    await admin.page.setViewportSize({ width: 1280, height: 900 });

    // Saving again before choosing asks for a choice; nothing is written.
    await admin.page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(choice).toContainText('请选择保留哪一个「课程名称」');
    expect(scalar(`SELECT title FROM courses WHERE id = ?`, id)).toBe(editorTitle);

    // Trying the other's value fills the field; going back restores exactly what was typed.
    await choice.getByRole('radio', { name: /^演示编辑的：/ }).check();
    await expect(field).toHaveValue(editorTitle);
    await choice.getByRole('radio', { name: /^您的：/ }).check();
    await expect(field).toHaveValue(adminTitle);
    await admin.page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(admin.page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
    expect(scalar(`SELECT title FROM courses WHERE id = ?`, id)).toBe(adminTitle);
    expect(scalar(`SELECT summary FROM courses WHERE id = ?`, id)).toBe('管理员改过的简介。');
    await expectNoA11yViolations(admin.page);
  } finally {
    await editor.context.close();
    await admin.context.close();
  }
});

test('a forged or missing version, or a forged decision, sent straight to the action is refused and writes nothing', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  try {
    const title = unique('E2E伪造版本课程');
    const id = await createCourse(page, title, '2');
    await page.goto(`/admin/courses/${id}`);
    await page.getByLabel('一句话简介').fill('第二版的简介。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
    const course = {
      id,
      title: '伪造的标题',
      occupationId: String(scalar(`SELECT occupation_id FROM courses WHERE id = ?`, id)),
      level: '5',
      providerId: '2',
      durationDays: '',
      summary: '伪造的简介',
      suitableFor: '',
      requirements: '',
      content: '',
      method: '',
      materials: '',
      assessment: '',
      outcomes: '',
    };
    const call = async (input: Record<string, unknown>) => {
      const res = await page.request.post('/', {
        headers: { 'Next-Action': actionId('updateCourseAction'), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
        data: JSON.stringify([input]),
        maxRedirects: 0,
      });
      expect(res.status()).toBeLessThan(500);
      return res.text();
    };
    // Other tests write in parallel: "nothing written" is this course's row and its audit rows.
    const state = () => JSON.stringify([
      scalar(`SELECT json_array(title, summary, version, updated_at) FROM courses WHERE id = ?`, id),
      scalar(`SELECT COUNT(*) FROM audit_log WHERE entity = 'course' AND entity_id = ?`, id),
    ]);
    const before = state();
    // No version: a plain Chinese refusal.
    expect(await call(course)).toMatch(/"code":"invalid".*缺少版本号/s);
    // A version from the future: a conflict, nothing compared.
    expect(await call({ ...course, version: 99 })).toContain('"code":"conflict"');
    // The old version with a "decision" against a version the server never showed: still a conflict on both fields.
    const stale = await call({ ...course, version: 1, resolved: { against: 1, fields: ['title', 'summary'] } });
    expect(stale).toContain('"code":"conflict"');
    expect(stale).toContain('第二版的简介。');
    expect(await call({ ...course, version: 1, resolved: 'all' })).toContain('"code":"conflict"');
    expect(state(), 'nothing written').toBe(before);
    expect(scalar(`SELECT title FROM courses WHERE id = ?`, id)).toBe(title);
  } finally {
    await context.close();
  }
});
