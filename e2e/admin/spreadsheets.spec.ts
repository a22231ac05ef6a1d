import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';
import { signedInContext } from '../helpers/auth';
import { fingerprint, scalar, withDb } from '../helpers/db';

/*
 * Spreadsheet export and import as a bureau clerk uses them: downloads with a BOM and Chinese
 * headers, an Excel file that opens with the right rows, an import with bad rows that shows
 * every problem by row and column and writes nothing, a good import that previews, writes on
 * 确认导入 and shows on the public station page, and scoped accounts refused everywhere.
 */

test.describe.configure({ mode: 'serial' });

const BOM = [0xef, 0xbb, 0xbf];

function csvLine(cells: (string | number)[]): string {
  return cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
}

async function upload(page: Page, kind: '驿站和每周开放时间' | '课程班期', name: string, body: string | Buffer) {
  await page.goto('/admin/spreadsheets/import');
  await page.getByLabel(kind).check();
  await page.getByLabel('选择文件').setInputFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream', buffer: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8') });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page).toHaveURL(/\/admin\/spreadsheets\/import\/[A-Za-z0-9_-]{10,}$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('导入预览');
}

test('export: CSV starts with the BOM and Chinese headers, XLSX opens with the right rows', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  try {
    await page.goto('/admin/spreadsheets');
    await expect(page.getByTestId('export-list').getByRole('listitem')).toHaveCount(10);
    await expectNoA11yViolations(page);

    const csv = await page.request.get('/admin/spreadsheets/export/stations?format=csv');
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^驿站编号,驿站名称,承办类型,承办单位,所在街镇,地址/);
    expect(csv.headers()['content-disposition']).toMatch(/filename\*=UTF-8''%E9%A9%BF%E7%AB%99-\d{4}-\d{2}-\d{2}\.csv/);
    expect(text).toContain('右安门街道便民服务中心医保服务驿站');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}/);

    const runsCsv = (await (await page.request.get('/admin/spreadsheets/export/runs?format=csv')).body()).subarray(3).toString('utf8');
    expect(runsCsv).toMatch(/^班期编号,课程编号,课程名称,期次/);
    expect(runsCsv).toContain('职业技能等级证书：');
    expect(runsCsv).toMatch(/免费|补贴|自费/);

    const xlsx = await page.request.get('/admin/spreadsheets/export/runs?format=xlsx');
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('班期编号');
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]?.state).toBe('frozen');
    expect(ws.actualRowCount - 1).toBe(scalar<number>('SELECT count(*) FROM course_runs'));
    const firstId = scalar<number>('SELECT id FROM course_runs ORDER BY course_id, start_date, id LIMIT 1');
    expect(ws.getRow(2).getCell(1).value).toBe(firstId);

    for (const table of ['courses', 'station-hours', 'station-exceptions', 'station-services', 'fairs', 'fair-employers', 'positions', 'calendar']) {
      const r = await page.request.get(`/admin/spreadsheets/export/${table}?format=csv`);
      expect(r.status(), table).toBe(200);
      expect([...(await r.body()).subarray(0, 3)], table).toEqual(BOM);
    }
  } finally {
    await context.close();
  }
});

test('an import with bad rows lists every problem by row and column and writes nothing', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  try {
    await page.goto('/admin/spreadsheets/import');
    await expectNoA11yViolations(page);
    const template = await page.request.get('/admin/spreadsheets/template/stations?format=csv');
    const header = (await template.body()).subarray(3).toString('utf8').split('\r\n')[0]!.split(',');
    expect(header).toContain('窗口周日');
    const row = (o: Record<string, string>) => csvLine(header.map((h) => o[h] ?? ''));
    const good = { 驿站名称: '导入测试驿站甲', 承办类型: '街镇便民服务中心', 承办单位: '测试中心', 所在街镇: '右安门街道', 地址: '测试路1号', 联系电话: '010-5555-0101', 周一: '09:00-17:00' };
    const csv = [
      header.join(','),
      row(good),
      row({ ...good, 驿站名称: '导入测试驿站乙', 周三: '9点到5点' }),
      row({ ...good, 驿站名称: '导入测试驿站丙', 联系电话: '' }),
      row({ ...good, 驿站名称: '导入测试驿站丁', 驿站编号: '99999' }),
    ].join('\r\n');

    const before = fingerprint();
    await upload(page, '驿站和每周开放时间', '有错误的驿站.csv', csv);
    const errors = page.getByTestId('import-errors');
    await expect(errors).toContainText('有 3 处需要改正');
    await expect(errors).toContainText('第 3 行「周三」：时间应写成 09:00-17:00');
    await expect(errors).toContainText('第 4 行「联系电话」：请填写联系电话');
    await expect(errors).toContainText('第 5 行「驿站编号」：没有编号为 99999 的驿站');
    await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);
    await expectNoA11yViolations(page);
    expect(fingerprint(), 'nothing written').toBe(before);
    expect(scalar<number>(`SELECT count(*) FROM stations WHERE name LIKE '导入测试驿站%'`)).toBe(0);

    // Not a spreadsheet at all: a clear message, nothing written.
    await page.goto('/admin/spreadsheets/import');
    await page.getByLabel('选择文件').setInputFiles({ name: '通知.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await page.getByRole('button', { name: '上传并预览' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '只能导入 .xlsx 或 .csv 文件' })).toBeVisible();
    expect(fingerprint()).toBe(before);
  } finally {
    await context.close();
  }
});

/** 东高地街道's station: no other test touches it. */
const STATION = 6;

test('a good import previews, writes on 确认导入, and the public station page shows the new hours', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'admin');
  try {
    // Export stations as Excel, change 东高地's Saturday hours in the workbook, add a new station.
    // Only the header, that row and the new one are uploaded: other tests edit other stations
    // meanwhile, and a whole-table file would (rightly) be refused as changed since the preview.
    const res = await page.request.get('/admin/spreadsheets/export/stations?format=xlsx');
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const source = exported.worksheets[0]!;
    const headers = (source.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    let target = 0;
    source.eachRow((r, n) => {
      if (n > 1 && r.getCell(col('驿站编号')).value === STATION) target = n;
    });
    expect(target).toBeGreaterThan(1);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(source.name);
    ws.addRow(headers);
    ws.addRow((source.getRow(target).values as unknown[]).slice(1));
    ws.getRow(2).getCell(col('周六')).value = '08:10-11:50';
    const added = ws.addRow([]);
    const set = (h: string, v: string) => (added.getCell(col(h)).value = v);
    set('驿站名称', '导入测试新驿站');
    set('承办类型', '社区卫生服务中心');
    set('承办单位', '测试社区卫生服务中心');
    set('所在街镇', '东高地街道');
    set('地址', '北京市丰台区测试路2号');
    set('联系电话', '010-5555-0202');
    for (const d of ['周一', '周二', '周三', '周四', '周五']) set(d, '08:00-12:00,13:00-16:30');
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const v1 = scalar<number>(`SELECT version FROM stations WHERE id = ${STATION}`);
    const auditBefore = scalar<number>('SELECT count(*) FROM audit_log');
    await upload(page, '驿站和每周开放时间', '驿站修改.xlsx', file);
    await expect(page.getByTestId('import-errors')).toHaveCount(0);
    const items = page.getByTestId('import-items');
    await expect(items.getByRole('listitem')).toHaveCount(2);
    await expect(items).toContainText('导入测试新驿站');
    await expect(items).toContainText(`修改（编号 ${STATION}）`);
    await expect(items).toContainText('开放时间');
    await expect(items).toContainText('已发布，导入后立即对公众生效');
    await expectNoA11yViolations(page);
    // Still nothing written before the confirmation.
    expect(scalar<number>(`SELECT version FROM stations WHERE id = ${STATION}`)).toBe(v1);

    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByTestId('import-result')).toContainText('新建 1 条，修改 1 条');
    expect(scalar<number>(`SELECT version FROM stations WHERE id = ${STATION}`)).toBe(v1 + 1);
    expect(scalar<string>(`SELECT publication FROM stations WHERE name = '导入测试新驿站'`)).toBe('draft');
    expect(scalar<number>(`SELECT count(*) FROM station_hours WHERE station_id = ${STATION} AND weekday = 6 AND opens = '08:10' AND closes = '11:50'`)).toBe(1);
    // One audit row per record plus the import summary.
    expect(scalar<number>('SELECT count(*) FROM audit_log')).toBe(auditBefore + 3);
    expect(scalar<number>(`SELECT count(*) FROM audit_log WHERE entity = 'import' AND summary LIKE '%驿站修改.xlsx%'`)).toBe(1);

    // Reloading the page shows the result, not a second import.
    await page.reload();
    await expect(page.getByTestId('import-result')).toBeVisible();
    await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);

    const pub = await browser.newPage();
    await pub.goto(`/stations/${STATION}`);
    await expect(pub.locator('main')).toContainText('8:10–11:50');
    await pub.close();
    // The new station is a draft: residents do not see it.
    const newId = scalar<number>(`SELECT id FROM stations WHERE name = '导入测试新驿站'`);
    const hidden = await page.request.get(`/stations/${newId}`);
    expect(hidden.status()).toBe(404);
  } finally {
    await context.close();
  }
});

test('a changed record between preview and confirm is refused as a conflict; a course-run import lands as drafts', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  try {
    const template = await page.request.get('/admin/spreadsheets/template/runs?format=csv');
    const header = (await template.body()).subarray(3).toString('utf8').split('\r\n')[0]!.split(',');
    const course = withDb((db) => db.prepare(`SELECT id, title FROM courses WHERE provider_id <> 4 ORDER BY id LIMIT 1`).get() as { id: number; title: string });
    const place = scalar<string>(`SELECT name FROM places WHERE kind = 'classroom' ORDER BY id LIMIT 1`);
    const row = (o: Record<string, string>) => csvLine(header.map((h) => o[h] ?? ''));
    const csv = [
      header.join(','),
      row({ 课程名称: course.title, 期次: '导入测试第1期', 开课日期: '2027-03-01', 结课日期: '2027-03-05', 报名截止: '2027-02-25', 上课地点: place, 总名额: '20', 费用类型: '免费', 联系人: '王老师', 联系电话: '010-5555-0303', 适合人群: '失业人员' }),
    ].join('\r\n');
    await upload(page, '课程班期', '班期.csv', csv);
    await expect(page.getByTestId('import-items')).toContainText('导入测试第1期');
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByTestId('import-result')).toContainText('新建 1 条');
    expect(scalar<string>(`SELECT publication FROM course_runs WHERE label = '导入测试第1期'`)).toBe('draft');

    // Preview an update of that run, then someone else changes it, then confirm: refused.
    const runId = scalar<number>(`SELECT id FROM course_runs WHERE label = '导入测试第1期'`);
    const update = [header.join(','), row({ 班期编号: String(runId), 课程编号: String(course.id), 期次: '导入测试第1期', 开课日期: '2027-03-01', 结课日期: '2027-03-05', 报名截止: '2027-02-26', 上课地点: place, 总名额: '20', 费用类型: '免费', 联系人: '王老师', 联系电话: '010-5555-0303' })].join('\r\n');
    await upload(page, '课程班期', '班期修改.csv', update);
    await expect(page.getByTestId('import-items')).toContainText(`修改（编号 ${runId}）`);
    // A second editor saves the same run through an import of their own.
    const other = await signedInContext(browser, 'admin');
    await upload(other.page, '课程班期', '另一人的修改.csv', update.replace('2027-02-26', '2027-02-24'));
    await other.page.getByRole('button', { name: '确认导入' }).click();
    await expect(other.page.getByTestId('import-result')).toContainText('修改 1 条');
    await other.context.close();

    const before = fingerprint();
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '已被他人修改' })).toBeVisible();
    expect(fingerprint(), 'nothing written').toBe(before);
  } finally {
    await context.close();
  }
});

test('a 5000-row file shows progress and a full preview', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await signedInContext(browser, 'editor');
  try {
    const template = await page.request.get('/admin/spreadsheets/template/stations?format=csv');
    const header = (await template.body()).subarray(3).toString('utf8').split('\r\n')[0]!.split(',');
    const lines = [header.join(',')];
    for (let i = 1; i <= 5000; i++) {
      const o: Record<string, string> = { 驿站名称: `批量驿站${i}`, 承办类型: '银行网点', 承办单位: '测试银行', 所在街镇: '丰台街道', 地址: `测试路${i}号`, 联系电话: '010-5555-0404', 周一: '09:00-17:00' };
      if (i % 1000 === 0) o['周二'] = '25:00-26:00';
      lines.push(csvLine(header.map((h) => o[h] ?? '')));
    }
    const before = fingerprint();
    await page.goto('/admin/spreadsheets/import');
    await page.getByLabel('选择文件').setInputFiles({ name: '批量.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'utf8') });
    await page.getByRole('button', { name: '上传并预览' }).click();
    await expect(page.locator('progress')).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/spreadsheets\/import\/[A-Za-z0-9_-]{10,}$/, { timeout: 60_000 });
    await expect(page.getByTestId('import-counts')).toContainText('5000');
    await expect(page.getByTestId('import-errors')).toContainText('有 5 处需要改正');
    await expect(page.getByTestId('import-errors')).toContainText('第 1001 行「周二」');
    expect(fingerprint()).toBe(before);
  } finally {
    await context.close();
  }
});

test('files over 5 MB or 5000 rows are refused with a clear message and nothing written, with and without JavaScript', async ({ browser }) => {
  test.setTimeout(90_000);
  const template = async (page: Page) => {
    const t = await page.request.get('/admin/spreadsheets/template/stations?format=csv');
    return (await t.body()).subarray(3).toString('utf8').split('\r\n')[0]!.split(',');
  };
  const rowsCsv = (header: string[], n: number) => {
    const lines = [header.join(',')];
    for (let i = 1; i <= n; i++) lines.push(csvLine(header.map((h) => (h === '驿站名称' ? `超限驿站${i}` : h === '周一' ? '09:00-17:00' : ''))));
    return Buffer.from(lines.join('\r\n'), 'utf8');
  };
  const tooBig = '文件超过 5 MB';
  const tooMany = '文件超过 5000 行数据';
  for (const js of [true, false]) {
    const { context, page } = await signedInContext(browser, 'editor', { javaScriptEnabled: js });
    try {
      const header = await template(page);
      const big = Buffer.concat([rowsCsv(header, 1), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
      const before = fingerprint(); // after signing in, which itself writes
      for (const [name, body, message] of [
        ['太大.csv', big, tooBig],
        ['太多行.csv', rowsCsv(header, 5001), tooMany],
      ] as const) {
        await page.goto('/admin/spreadsheets/import');
        await page.getByLabel('选择文件').setInputFiles({ name, mimeType: 'text/csv', buffer: body });
        await page.getByRole('button', { name: '上传并预览' }).click();
        await expect(page.getByText(message)).toBeVisible({ timeout: 30_000 });
        await expect(page).toHaveURL(/\/admin\/spreadsheets\/import(\?error=\w+)?$/);
      }
      expect(fingerprint(), `nothing written (JavaScript ${js ? 'on' : 'off'})`).toBe(before);
    } finally {
      await context.close();
    }
  }
  expect(scalar<number>(`SELECT count(*) FROM stations WHERE name LIKE '超限驿站%'`)).toBe(0);
});

test('培训机构 and 驿站 accounts are refused: pages, downloads, templates and uploads', async ({ browser, request }) => {
  const anon = await request.get('/admin/spreadsheets/export/stations?format=csv', { maxRedirects: 0 });
  expect([307, 303]).toContain(anon.status());
  // Past the proxy (a dead cookie), the handler refuses by itself.
  const dead = await request.get('/admin/spreadsheets/export/stations?format=csv', { headers: { cookie: 'authjs.session-token=garbage' }, maxRedirects: 0 });
  expect(dead.status()).toBe(401);
  expect(await dead.text()).toContain('登录已失效');
  for (const who of ['kangxin', 'youanmen'] as const) {
    const { context, page } = await signedInContext(browser, who);
    try {
      await expect(page.getByRole('link', { name: '导入导出' })).toHaveCount(0);
      await page.goto('/admin/spreadsheets');
      await expect(page.getByTestId('refused')).toBeVisible();
      await page.goto('/admin/spreadsheets/import');
      await expect(page.getByTestId('refused')).toBeVisible();
      for (const table of ['courses', 'runs', 'stations', 'station-hours', 'calendar']) {
        const r = await page.request.get(`/admin/spreadsheets/export/${table}?format=csv`);
        expect(r.status(), `${who} ${table}`).toBe(403);
        expect(await r.text()).toContain('不能导出');
      }
      expect((await page.request.get('/admin/spreadsheets/template/runs?format=xlsx')).status()).toBe(403);
      const before = fingerprint();
      const up = await page.request.post('/admin/spreadsheets/import/upload', {
        headers: { 'X-Import-Progress': '1' },
        multipart: { kind: 'runs', file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('班期编号\n1\n') } },
      });
      expect(up.status()).toBe(403);
      expect(await up.text()).toContain('不能导入');
      expect(fingerprint()).toBe(before);
    } finally {
      await context.close();
    }
  }
});

test('the import page works on a phone', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor');
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin/spreadsheets/import');
    await expect(page.getByRole('button', { name: '上传并预览' })).toBeVisible();
    const box = await page.getByRole('button', { name: '上传并预览' }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await expectNoA11yViolations(page);
  } finally {
    await context.close();
  }
});

test('without JavaScript the upload still reaches the preview', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, 'editor', { javaScriptEnabled: false });
  try {
    const template = await page.request.get('/admin/spreadsheets/template/stations?format=csv');
    const header = (await template.body()).subarray(3).toString('utf8').split('\r\n')[0]!.split(',');
    const csv = [header.join(','), csvLine(header.map((h) => (h === '驿站名称' ? '无脚本测试驿站' : h === '周一' ? '9点' : '')))].join('\r\n');
    const before = fingerprint();
    await page.goto('/admin/spreadsheets/import');
    await page.getByLabel('选择文件').setInputFiles({ name: '无脚本.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: '上传并预览' }).click();
    await expect(page).toHaveURL(/\/admin\/spreadsheets\/import\/[A-Za-z0-9_-]{10,}$/);
    await expect(page.getByTestId('import-errors')).toContainText('第 2 行「周一」');
    // A file of the wrong kind comes back to the form with the reason.
    await page.goto('/admin/spreadsheets/import');
    await page.getByLabel('选择文件').setInputFiles({ name: '旧表.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('not a sheet') });
    await page.getByRole('button', { name: '上传并预览' }).click();
    await expect(page.getByText('只能导入 .xlsx 或 .csv 文件')).toBeVisible();
    expect(fingerprint()).toBe(before);
  } finally {
    await context.close();
  }
});
