import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';
import { signedInContext } from '../helpers/auth';
import { withDb } from '../helpers/db';

/*
 * 事项目录: a 编辑 corrects what a service needs and where on the phone it can be done, and the
 * station page a resident opens says so at once; a 驿站 account cannot reach the catalogue.
 */

/** A service no other test reads the words of, offered at a published station: the last in the catalogue that is. */
function target(): { serviceId: number; name: string; stationId: number } {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT v.id AS serviceId, v.name AS name, min(s.id) AS stationId FROM services v
           JOIN station_services ss ON ss.service_id = v.id JOIN stations s ON s.id = ss.station_id AND s.publication = 'published'
           WHERE v.name <> '异地就医备案' GROUP BY v.id ORDER BY v.sort DESC, v.id DESC LIMIT 1`,
        )
        .get() as { serviceId: number; name: string; stationId: number },
  );
}

test('编辑 changes a service’s 办理需带 and 手机可办, and the station page shows it', async ({ browser, page }) => {
  const t = target();
  const { context, page: editor } = await signedInContext(browser, 'editor');
  try {
    await editor.getByRole('navigation', { name: '后台栏目' }).getByRole('link', { name: '事项目录' }).click();
    await expect(editor.getByRole('heading', { name: '事项目录', level: 1 })).toBeVisible();
    await expect(editor.getByTestId('service-row').first()).toContainText('办理需带：');
    await expectNoA11yViolations(editor);
    await editor.getByRole('link', { name: `修改“${t.name}”` }).click();
    await expect(editor).toHaveURL(new RegExp(`/admin/services/${t.serviceId}$`));

    const materials = editor.getByLabel('办理需带的材料');
    // Too many items: refused with a message saying what to do, and what was typed stays.
    const many = Array.from({ length: 11 }, (_, i) => `材料${i + 1}`).join('\n');
    await materials.fill(many);
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.getByRole('button', { name: '确认保存并立即生效' }).click();
    await expect(editor.getByText('办理需带的材料最多写 10 样，请合并或删去不常用的').first()).toBeVisible();
    await expect(materials).toHaveValue(many);
    await expect(materials).toHaveAttribute('aria-invalid', 'true');

    await materials.fill('本人身份证\n\n  测试用材料甲  \n本人身份证');
    await expect(editor.getByTestId('materials-preview')).toHaveText(/办理需带：本人身份证、测试用材料甲$/);
    const online = editor.getByRole('checkbox', { name: '这件事也可以在手机上办' });
    await online.check();
    await editor.getByLabel('在手机上哪里办').fill('测试平台App');
    await editor.getByRole('button', { name: '保存' }).click();
    // Saving reaches every station page at once: it asks first.
    await editor.getByRole('button', { name: '确认保存并立即生效' }).click();
    await expect(editor.getByText('已保存，驿站页面和办事卡已更新')).toBeVisible();
    await expectNoA11yViolations(editor);

    const saved = withDb((db) => db.prepare(`SELECT materials, online, online_note AS note, version FROM services WHERE id = ?`).get(t.serviceId)) as {
      materials: string;
      online: number;
      note: string;
      version: number;
    };
    expect(JSON.parse(saved.materials)).toEqual(['本人身份证', '测试用材料甲']);
    expect(saved).toMatchObject({ online: 1, note: '测试平台App' });
    expect(saved.version).toBeGreaterThan(1);
  } finally {
    await context.close();
  }

  // The resident's station page, and the card printed for that service.
  await page.goto(`/stations/${t.stationId}`);
  const row = page.getByRole('region', { name: '可办事项' }).getByTestId('station-service').filter({ hasText: t.name }).first();
  await expect(row.getByTestId('service-materials')).toHaveText('办理需带：本人身份证、测试用材料甲');
  await expect(row).toContainText('手机可办');
  await expect(row).toContainText('也可以在手机上办：测试平台App');
  await page.goto(`/stations/${t.stationId}/card?service=${t.serviceId}`);
  await expect(page.getByTestId('print-card').locator('dl > div').first()).toContainText('办理需带：本人身份证、测试用材料甲');
  await expect(page.getByTestId('print-card').locator('dl > div').first()).toContainText('也可在手机上办：测试平台App');
});

test('a 驿站 account cannot open the catalogue, and its menu does not offer it', async ({ browser }) => {
  const t = target();
  const { context, page } = await signedInContext(browser, 'youanmen');
  try {
    await expect(page.getByRole('navigation', { name: '后台栏目' }).getByRole('link', { name: '事项目录' })).toHaveCount(0);
    for (const path of ['/admin/services', `/admin/services/${t.serviceId}`]) {
      await page.goto(path);
      await expect(page.getByTestId('refused')).toBeVisible();
      await expect(page.getByLabel('办理需带的材料')).toHaveCount(0);
    }
  } finally {
    await context.close();
  }
});
