/**
 * 机构与场地 as the bureau and a training provider use them: an editor adds a new school and its
 * classroom, then a course for it; a provider's new phone is on the public course page at once;
 * a 培训机构 account edits its own details (not its name) and is refused another's; a 驿站 account
 * is refused everything here; validation keeps input and links errors; two editors on the same
 * place get a conflict; a place in use cannot be deleted; no axe violations; phone width.
 *
 * Rows are checked one by one (no whole-database digests: other specs write in parallel).
 */
import { expect, test, type Page } from '@playwright/test';
import { signedInContext } from '../helpers/auth';
import { scalar } from '../helpers/db';
import { pick, pickedValue, pickerOptions } from '../helpers/combobox';
import { expectNoA11yViolations } from '../helpers/a11y';

const unique = (what: string) => `${what}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

const idFromUrl = (page: Page) => Number(/\/(\d+)(\?|$)/.exec(page.url())![1]);

test('editor creates a provider and its classroom (street centre as coordinates), then a course for it; deletes only what is unused', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  const name = unique('E2E职业技能培训学校');
  const short = name.slice(0, 12);
  const placeName = unique('E2E教学楼');
  const street = scalar<number>(`SELECT id FROM streets ORDER BY sort, id LIMIT 1`);
  const streetName = scalar<string>(`SELECT name FROM streets WHERE id = ?`, street);

  await page.goto('/admin');
  await page.getByRole('navigation', { name: '后台栏目' }).getByRole('link', { name: '机构与场地' }).click();
  await expect(page).toHaveURL(/\/admin\/orgs$/);
  await page.getByRole('link', { name: '新建培训机构' }).click();
  await page.getByLabel('机构全称').fill(name);
  await page.getByLabel('简称').fill(short);
  await page.getByLabel('联系电话').fill('010-63805555');
  await page.getByLabel('地址').fill('北京市丰台区测试路8号');
  await page.getByLabel('机构介绍').fill('端到端测试用的学校。');
  await page.getByRole('button', { name: '保存并新建' }).click();
  await expect(page).toHaveURL(/\/admin\/orgs\/providers\/\d+\?created=1$/);
  const providerId = idFromUrl(page);
  await expect(page.getByText('已新建培训机构。')).toBeVisible();
  expect(scalar<string>(`SELECT name || '|' || short_name || '|' || phone FROM providers WHERE id = ?`, providerId)).toBe(`${name}|${short}|010-63805555`);
  expect(scalar<number>(`SELECT count(*) FROM audit_log WHERE entity = 'provider' AND entity_id = ? AND action = 'create' AND after IS NOT NULL`, providerId)).toBe(1);

  // Its classroom, coordinates left empty: the street's centre is used and the page says so.
  await page.getByRole('link', { name: '为本机构新建场地' }).click();
  await expect(pickedValue(page.getByLabel('所属培训机构'), 'providerId')).toHaveValue(String(providerId));
  await expect(page.getByLabel('场地类型')).toHaveValue('classroom');
  await page.getByLabel('场地名称').fill(placeName);
  await page.getByLabel('所在街镇').selectOption(String(street));
  await page.getByLabel('地址').fill('北京市丰台区测试路8号 2层');
  await page.getByRole('button', { name: '保存并新建' }).click();
  await expect(page).toHaveURL(/\/admin\/orgs\/places\/\d+\?created=1$/);
  const placeId = idFromUrl(page);
  await expect(page.getByText('已新建场地。')).toBeVisible();
  await expect(page.getByText(`「${streetName}」的中心点`).first()).toBeVisible();
  expect(scalar<string>(`SELECT p.provider_id || '|' || (p.lat = s.lat AND p.lng = s.lng) FROM places p JOIN streets s ON s.id = p.street_id WHERE p.id = ?`, placeId)).toBe(
    `${providerId}|1`,
  );

  // The new school is offered in the course form; a course is created for it.
  await page.goto('/admin/courses/new');
  await expect((await pickerOptions(page.getByLabel('培训机构'))).filter({ hasText: name })).toHaveCount(1);
  const occupation = String(scalar(`SELECT occupation_id FROM occupation_levels WHERE level = 5 ORDER BY occupation_id LIMIT 1`));
  const courseTitle = unique('E2E新机构课程');
  await page.getByLabel('课程名称').fill(courseTitle);
  await page.getByLabel('工种').selectOption(occupation);
  await page.getByLabel('等级', { exact: false }).selectOption('5');
  await pick(page.getByLabel('培训机构'), { value: String(providerId) });
  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect(page).toHaveURL(/\/admin\/courses\/\d+\?created=1$/);
  expect(scalar<number>(`SELECT provider_id FROM courses WHERE title = ?`, courseTitle)).toBe(providerId);

  // In use now: the provider cannot be deleted, and the page says why; nothing changes.
  await page.goto(`/admin/orgs/providers/${providerId}`);
  await expect(page.getByText('1 门课程（已发布 0 门）').first()).toBeVisible();
  await page.getByRole('button', { name: '删除这家培训机构' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确定删除' }).click();
  await expect(page.getByRole('region', { name: '删除' }).getByRole('alert')).toContainText('1 门课程、1 个场地');
  expect(scalar<number>(`SELECT count(*) FROM providers WHERE id = ?`, providerId)).toBe(1);

  // The unused classroom can go, with a confirmation; the deletion is audited.
  await page.goto(`/admin/orgs/places/${placeId}`);
  await page.getByRole('button', { name: '删除这个场地' }).click();
  await expect(page.getByRole('alertdialog')).toContainText(placeName);
  await page.getByRole('alertdialog').getByRole('button', { name: '确定删除' }).click();
  await expect(page).toHaveURL(/\/admin\/orgs\/places$/);
  expect(scalar<number>(`SELECT count(*) FROM places WHERE id = ?`, placeId)).toBe(0);
  expect(scalar<number>(`SELECT count(*) FROM audit_log WHERE entity = 'place' AND entity_id = ? AND action = 'delete' AND before IS NOT NULL`, placeId)).toBe(1);

  // A place used by runs cannot be deleted.
  const used = scalar<number>(`SELECT theory_place_id FROM course_runs ORDER BY id LIMIT 1`);
  await page.goto(`/admin/orgs/places/${used}`);
  await page.getByRole('button', { name: '删除这个场地' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确定删除' }).click();
  await expect(page.getByRole('region', { name: '删除' }).getByRole('alert')).toContainText(/还在使用中（\d+ 个班期/);
  expect(scalar<number>(`SELECT count(*) FROM places WHERE id = ?`, used)).toBe(1);
  await context.close();
});

test('a provider\'s new phone shows on the public course page on the next request', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  const providerId = 5;
  const courseId = scalar<number>(`SELECT id FROM courses WHERE provider_id = ? AND publication = 'published' ORDER BY id LIMIT 1`, providerId);
  const phone = `010-6${String(Date.now()).slice(-7)}`;
  await page.goto(`/admin/orgs/providers/${providerId}`);
  await page.getByLabel('联系电话').fill(phone);
  // Its courses are published: the save asks first.
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('修改将立即对公众生效').first()).toBeVisible();
  await page.getByRole('button', { name: '确认保存并立即生效' }).click();
  await expect(page.getByText('已保存。课程页面上的机构信息已更新。')).toBeVisible();
  expect(scalar<string>(`SELECT phone FROM providers WHERE id = ?`, providerId)).toBe(phone);

  const pub = await context.newPage();
  await pub.goto(`/courses/${courseId}`);
  await expect(pub.getByText(phone).first()).toBeVisible();
  await context.close();
});

test('kangxin edits its own provider (not its name) and its places, and is refused another provider', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'kangxin');
  const ownName = scalar<string>(`SELECT name FROM providers WHERE id = 4`);
  await page.getByRole('navigation', { name: '后台栏目' }).getByRole('link', { name: '本机构信息' }).click();
  await expect(page).toHaveURL(/\/admin\/orgs\/providers\/4$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('本机构信息');
  // The name is shown, not offered for editing.
  await expect(page.getByTestId('provider-name')).toHaveText(ownName);
  await expect(page.getByLabel('机构全称')).toHaveCount(0);
  await expect(page.getByLabel('简称')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '删除这家培训机构' })).toHaveCount(0);

  const intro = unique('康馨学校介绍');
  await page.getByLabel('机构介绍').fill(intro);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  // With published courses, the change reaches residents at once: the save asks first.
  if (scalar<number>(`SELECT count(*) FROM courses WHERE provider_id = 4 AND publication = 'published'`) > 0)
    await page.getByRole('button', { name: '确认保存并立即生效' }).click();
  await expect(page.getByText('已保存。课程页面上的机构信息已更新。')).toBeVisible();
  expect(scalar<string>(`SELECT intro || '|' || name FROM providers WHERE id = 4`)).toBe(`${intro}|${ownName}`);

  // A classroom of its own: the provider is fixed.
  await page.getByRole('link', { name: '为本机构新建场地' }).click();
  await expect(page.getByLabel('所属培训机构')).toHaveCount(0);
  const placeName = unique('康馨E2E教室');
  await page.getByLabel('场地名称').fill(placeName);
  await page.getByLabel('所在街镇').selectOption({ index: 2 });
  await page.getByLabel('地址').fill('北京市丰台区康馨路1号');
  await page.getByLabel('纬度').fill('39.85');
  await page.getByLabel('经度').fill('116.30');
  await page.getByRole('button', { name: '保存并新建' }).click();
  await expect(page).toHaveURL(/\/admin\/orgs\/places\/\d+\?created=1$/);
  expect(scalar<string>(`SELECT provider_id || '|' || lat || '|' || lng FROM places WHERE name = ?`, placeName)).toBe('4|39.85|116.3');

  // Another provider, its places, the lists and the new-provider form: refused, nothing changed.
  const otherPhone = scalar<string>(`SELECT phone || '|' || version FROM providers WHERE id = 1`);
  const otherPlace = scalar<number>(`SELECT id FROM places WHERE provider_id = 1 ORDER BY id LIMIT 1`);
  for (const path of ['/admin/orgs/providers/1', `/admin/orgs/places/${otherPlace}`, '/admin/orgs/providers/new']) {
    await page.goto(path);
    await expect(page.getByTestId('refused'), path).toBeVisible();
    await expect(page.getByRole('heading', { name: '没有权限' })).toBeVisible();
    await expect(page.getByLabel('联系电话')).toHaveCount(0);
  }
  expect(scalar<string>(`SELECT phone || '|' || version FROM providers WHERE id = 1`)).toBe(otherPhone);
  // The bureau-wide lists lead a provider account back to its own page.
  await page.goto('/admin/orgs');
  await expect(page).toHaveURL(/\/admin\/orgs\/providers\/4$/);
  await page.goto('/admin/orgs/places');
  await expect(page).toHaveURL(/\/admin\/orgs\/providers\/4$/);
  await context.close();
});

test('youanmen is refused every 机构与场地 page and has no menu item for it', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'youanmen');
  const nav = page.getByRole('navigation', { name: '后台栏目' });
  await expect(nav.getByRole('link', { name: '机构与场地' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: '本机构信息' })).toHaveCount(0);
  const place = scalar<number>(`SELECT id FROM places ORDER BY id LIMIT 1`);
  for (const path of ['/admin/orgs', '/admin/orgs/places', '/admin/orgs/providers/new', '/admin/orgs/providers/1', '/admin/orgs/places/new', `/admin/orgs/places/${place}`]) {
    await page.goto(path);
    await expect(page.getByTestId('refused'), path).toBeVisible();
  }
  await context.close();
});

test('validation keeps what was typed, beside each field and linked from the summary; a duplicate name is refused kindly', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  const name = unique('E2E校验场地');
  await page.goto('/admin/orgs/places/new');
  await page.getByLabel('场地名称').fill(name);
  await page.getByLabel('地址').fill('');
  await page.getByLabel('纬度').fill('116.29');
  await page.getByLabel('经度').fill('39.86');
  await page.getByRole('button', { name: '保存并新建' }).click();
  const summary = page.getByRole('alert').filter({ hasText: '有些内容需要修改' });
  await expect(summary.getByRole('link', { name: /纬度应在 39.4 到 41.1 之间/ })).toHaveAttribute('href', '#field-lat');
  await expect(summary.getByRole('link', { name: /经度应在 115.4 到 117.6 之间/ })).toHaveAttribute('href', '#field-lng');
  await expect(summary.getByRole('link', { name: /请填写地址/ })).toHaveAttribute('href', '#field-address');
  await expect(page.locator('#field-lat-error')).toContainText('是不是把纬度和经度填反了');
  await expect(page.locator('#field-lat')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('场地名称')).toHaveValue(name);
  await expect(page.getByLabel('纬度')).toHaveValue('116.29');
  expect(scalar<number>(`SELECT count(*) FROM places WHERE name = ?`, name)).toBe(0);

  // Outside Fengtai with no coordinates: there is no street centre to use.
  await page.getByLabel('纬度').fill('');
  await page.getByLabel('经度').fill('');
  await page.getByLabel('地址').fill('北京市顺义区杨镇某村');
  await page.getByRole('button', { name: '保存并新建' }).click();
  await expect(page.locator('#field-lat-error')).toContainText('请填写坐标');
  expect(scalar<number>(`SELECT count(*) FROM places WHERE name = ?`, name)).toBe(0);

  // Another provider's exact name: the server says so beside the name, never a 500.
  const taken = scalar<string>(`SELECT name FROM providers WHERE id = 2`);
  await page.goto('/admin/orgs/providers/new');
  await page.getByLabel('机构全称').fill(taken);
  await page.getByLabel('简称').fill('重复');
  await page.getByLabel('联系电话').fill('010-63800001');
  await page.getByLabel('地址').fill('北京市丰台区某路');
  await page.getByRole('button', { name: '保存并新建' }).click();
  await expect(page.locator('#field-name-error')).toContainText('已经有一家同名的培训机构');
  await expect(page.getByLabel('简称')).toHaveValue('重复');
  expect(scalar<number>(`SELECT count(*) FROM providers WHERE name = ?`, taken)).toBe(1);
  await context.close();
});

test('two editors on the same place: a field only one changed merges; the same field shows a conflict and writes nothing', async ({ browser }) => {
  const a = await signedInContext(browser, 'editor');
  const b = await signedInContext(browser, 'admin');
  const id = scalar<number>(`SELECT id FROM places WHERE kind = 'landmark' ORDER BY id DESC LIMIT 1`);
  await a.page.goto(`/admin/orgs/places/${id}`);
  await b.page.goto(`/admin/orgs/places/${id}`);
  const fromA = unique('A 的备注');
  await a.page.getByLabel('备注').fill(fromA);
  await a.page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(a.page.getByText('已保存。', { exact: false }).first()).toBeVisible();
  expect(scalar<string>(`SELECT note FROM places WHERE id = ?`, id)).toBe(fromA);

  const addressBefore = scalar<string>(`SELECT address FROM places WHERE id = ?`, id);
  const fromB = unique('B 的备注');
  await b.page.getByLabel('地址').fill(`${addressBefore}（B 改）`);
  await b.page.getByLabel('备注').fill(fromB);
  await b.page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(b.page.getByText('您编辑期间，这条记录已被他人修改')).toBeVisible();
  await expect(b.page.getByText(/演示编辑 于 .* 修改了：备注/)).toBeVisible();
  await expect(b.page.getByLabel('地址')).toHaveValue(`${addressBefore}（B 改）`);
  await expect(b.page.getByRole('textbox', { name: '备注', exact: true })).toHaveValue(fromB);
  expect(scalar<string>(`SELECT address || '|' || note FROM places WHERE id = ?`, id)).toBe(`${addressBefore}|${fromA}`);
  await a.context.close();
  await b.context.close();
});

test('机构与场地 pages have no axe violations', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await signedInContext(browser, 'editor');
  const place = scalar<number>(`SELECT theory_place_id FROM course_runs ORDER BY id LIMIT 1`);
  const venue = scalar<number>(`SELECT place_id FROM fairs WHERE place_id IS NOT NULL ORDER BY id LIMIT 1`);
  for (const path of [
    '/admin/orgs',
    '/admin/orgs/places',
    '/admin/orgs/places?kind=venue&street=none',
    '/admin/orgs/places?q=没有这样的场地',
    '/admin/orgs/providers/new',
    '/admin/orgs/providers/1',
    '/admin/orgs/places/new',
    '/admin/orgs/places/new?provider=2',
    `/admin/orgs/places/${place}`,
    `/admin/orgs/places/${venue}`,
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expectNoA11yViolations(page);
  }
  // With errors shown, and with the delete confirmation open.
  await page.goto('/admin/orgs/places/new');
  await page.getByRole('button', { name: '保存并新建' }).click();
  await expect(page.getByRole('link', { name: /请填写场地名称/ })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto(`/admin/orgs/places/${place}`);
  await page.getByRole('button', { name: '删除这个场地' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoA11yViolations(page);
  await context.close();

  const own = await signedInContext(browser, 'kangxin');
  await own.page.goto('/admin/orgs/providers/4');
  await expectNoA11yViolations(own.page);
  await own.page.goto('/admin/orgs/places/new');
  await expectNoA11yViolations(own.page);
  await own.context.close();
});

test('the places list filters by kind, street and provider on a phone @phone', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/admin/orgs/places');
  await expect(page.getByTestId('result-count')).toContainText('个场地');
  await page.getByLabel('场地类型').selectOption('practice_base');
  await page.getByLabel('所在街镇').selectOption('none');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/kind=practice_base/);
  const expected = scalar<number>(`SELECT count(*) FROM places WHERE kind = 'practice_base' AND street_id IS NULL`);
  await expect(page.getByTestId('admin-place-row')).toHaveCount(expected);
  await expect(page.getByTestId('admin-place-row').first()).toContainText('丰台区以外');
  // Nothing wider than the screen; the controls are big enough to tap.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const name of ['筛选']) {
    const box = await page.getByRole('button', { name }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
  }
  const select = await page.getByLabel('场地类型').boundingBox();
  expect(select!.height).toBeGreaterThanOrEqual(48);

  await page.getByRole('link', { name: '培训机构', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/orgs$/);
  await expect(page.getByTestId('admin-provider-row').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});
