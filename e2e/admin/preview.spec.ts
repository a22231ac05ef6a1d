/**
 * Preview that tells the truth: 编辑 and a 培训机构 preview a draft at desktop width and at phone
 * width (the page in a 390-pixel frame of its own, so it gets the phone layout), and every link
 * in it stays in admin — 添加到日历 and 打印办事卡 open admin-only preview copies, since the
 * public ones are 404 until the draft is published. A school sees only its own course's preview.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signedInContext } from '../helpers/auth';
import { expectNoA11yViolations } from '../helpers/a11y';
import { scalar } from '../helpers/db';

/** An unpublished course with a run still to come, of `provider` (or of anyone but `notProvider`). */
function draftCourse(where: string): { course: number; run: number } {
  const course = scalar<number>(
    `SELECT c.id FROM courses c JOIN course_runs r ON r.course_id = c.id
      WHERE c.publication IN ('draft', 'review') AND r.publication IN ('draft', 'review') AND r.end_date >= date('now') AND ${where}
      ORDER BY c.id LIMIT 1`,
  );
  const run = scalar<number>(`SELECT id FROM course_runs WHERE course_id = ? AND publication IN ('draft', 'review') AND end_date >= date('now') ORDER BY start_date LIMIT 1`, course);
  return { course, run };
}
const KANGXIN = 4;

/** Every link on the page part: same-site ones lead into admin (tel: and other sites are fine). */
async function expectLinksStayInAdmin(area: Locator, page: Page) {
  const origin = new URL(page.url()).origin;
  const hrefs = await area.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(3);
  const leaving = hrefs.filter((h) => h.startsWith(origin) && !new URL(h).pathname.startsWith('/admin/'));
  expect(leaving, 'links that leave admin').toEqual([]);
}

/** The calendar file the preview offers is there for a signed-in account (the public one is a 404 for a draft). */
async function expectCalendarFile(page: Page, link: Locator, title: string) {
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/admin\//);
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/calendar');
  const body = await res.text();
  expect(body).toContain('BEGIN:VEVENT');
  expect(body.replace(/\r\n[ \t]/g, '')).toContain(title.slice(0, 8));
}

test('编辑 previews a draft course at desktop and phone width; its calendar file, card and links stay in admin', async ({ browser }) => {
  const { course, run } = draftCourse('1 = 1');
  const title = scalar<string>('SELECT title FROM courses WHERE id = ?', course);
  const { context, page } = await signedInContext(browser, 'editor');
  await page.goto(`/admin/courses/${course}/preview`);
  await expect(page.getByTestId('preview-banner')).toContainText('预览');
  const widths = page.getByRole('navigation', { name: '预览宽度' });
  await expect(widths.getByRole('link', { name: '电脑宽度' })).toHaveAttribute('aria-current', 'page');
  const desktop = page.getByTestId('preview-desktop');
  await expect(desktop.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectLinksStayInAdmin(desktop, page);
  await expectNoA11yViolations(page);
  // The public addresses are 404 for a draft; the preview's own copies are not.
  expect((await page.request.get(`/courses/${course}/runs/${run}/calendar`)).status()).toBe(404);
  await expectCalendarFile(page, desktop.getByRole('link', { name: '添加到日历' }).first(), title);

  // Desktop width: the run's two links side by side.
  const cal = desktop.getByRole('link', { name: '添加到日历' }).first();
  const card = desktop.getByRole('link', { name: /打印办事卡/ }).first();
  expect(Math.abs((await cal.boundingBox())!.y - (await card.boundingBox())!.y)).toBeLessThan(4);

  // Phone width: the same page in a 390-pixel frame, where the phone layout stacks them.
  await widths.getByRole('link', { name: '手机宽度（390 像素）' }).click();
  await expect(page).toHaveURL(/width=phone/);
  const frameEl = page.getByTitle(`手机宽度预览：${title}`);
  await expect(frameEl).toBeVisible();
  expect(Math.round((await frameEl.boundingBox())!.width)).toBe(390);
  const frame = page.frameLocator('iframe[title^="手机宽度预览"]');
  await expect(frame.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const fcal = frame.getByRole('link', { name: '添加到日历' }).first();
  const fcard = frame.getByRole('link', { name: /打印办事卡/ }).first();
  expect((await fcard.boundingBox())!.y).toBeGreaterThan((await fcal.boundingBox())!.y + 20);
  await expectLinksStayInAdmin(frame.locator('main'), page);
  await expectNoA11yViolations(page);

  // 打印办事卡 from inside the frame opens the preview card in the whole window, and leads back.
  await fcard.click();
  await expect(page).toHaveURL(new RegExp(`/admin/courses/${course}/preview/runs/${run}/card$`));
  await expect(page.getByTestId('print-card')).toContainText(title);
  await expect(page.getByTestId('print-card')).toContainText('草稿预览');
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: /返回/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/admin/courses/${course}/preview$`));
  await context.close();
});

test('培训机构 previews its own course at both widths, and is refused another school’s draft preview, frame, card and calendar file @phone', async ({ browser }) => {
  const own = draftCourse(`c.provider_id = ${KANGXIN}`);
  const other = draftCourse(`c.provider_id <> ${KANGXIN}`);
  const title = scalar<string>('SELECT title FROM courses WHERE id = ?', own.course);
  const { context, page } = await signedInContext(browser, 'kangxin');
  await page.goto(`/admin/courses/${own.course}/preview`);
  const desktop = page.getByTestId('preview-desktop');
  await expect(desktop.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectLinksStayInAdmin(desktop, page);
  await expectCalendarFile(page, desktop.getByRole('link', { name: '添加到日历' }).first(), title);
  await expectNoA11yViolations(page);
  await page.getByRole('navigation', { name: '预览宽度' }).getByRole('link', { name: '手机宽度（390 像素）' }).click();
  const frame = page.frameLocator('iframe[title^="手机宽度预览"]');
  await expect(frame.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectLinksStayInAdmin(frame.locator('main'), page);
  await expectNoA11yViolations(page);
  await page.goto(`/admin/courses/${own.course}/preview/runs/${own.run}/card`);
  await expect(page.getByTestId('print-card')).toContainText(title);

  for (const url of [
    `/admin/courses/${other.course}/preview`,
    `/admin/courses/${other.course}/preview?width=phone`,
    `/admin/courses/${other.course}/preview/frame`,
    `/admin/courses/${other.course}/preview/runs/${other.run}/card`,
  ]) {
    await page.goto(url);
    await expect(page.getByTestId('refused'), url).toBeVisible();
  }
  const ics = await page.request.get(`/admin/courses/${other.course}/preview/runs/${other.run}/calendar`);
  expect(ics.status()).toBe(403);
  expect(await ics.text()).toContain('没有权限');
  await context.close();
});

test('编辑 previews a draft fair at both widths; 添加到日历 and 打印办事卡 work and every link stays in admin @phone', async ({ browser }) => {
  const fair = scalar<number>(`SELECT id FROM fairs WHERE publication = 'draft' AND status = 'scheduled' AND ends_at >= strftime('%Y-%m-%dT%H:%M', 'now') ORDER BY id LIMIT 1`);
  const title = scalar<string>('SELECT title FROM fairs WHERE id = ?', fair);
  const { context, page } = await signedInContext(browser, 'editor');
  await page.goto(`/admin/fairs/${fair}/preview`);
  const desktop = page.getByTestId('preview-desktop');
  await expect(desktop.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectLinksStayInAdmin(desktop, page);
  expect((await page.request.get(`/fairs/${fair}/calendar`)).status()).toBe(404);
  await expectCalendarFile(page, desktop.getByRole('link', { name: '添加到日历' }), title);
  await expectNoA11yViolations(page);
  await desktop.getByRole('link', { name: /打印办事卡/ }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/fairs/${fair}/preview/card$`));
  await expect(page.getByTestId('print-card')).toContainText(title);
  await page.getByRole('link', { name: /返回/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/admin/fairs/${fair}/preview$`));

  await page.getByRole('navigation', { name: '预览宽度' }).getByRole('link', { name: '手机宽度（390 像素）' }).click();
  const frame = page.frameLocator('iframe[title^="手机宽度预览"]');
  await expect(frame.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectLinksStayInAdmin(frame.locator('main'), page);
  await expectNoA11yViolations(page);
  // The list link inside the frame goes to the admin list in the whole window.
  await frame.getByRole('link', { name: /返回招聘会列表|招聘会列表/ }).first().click();
  await expect(page).toHaveURL(/\/admin\/fairs$/);
  await context.close();
});
