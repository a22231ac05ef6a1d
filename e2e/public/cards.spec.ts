import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expectNoA11yViolations } from '../helpers/a11y';
import { scalar, withDb } from '../helpers/db';
import { readIcs } from '../helpers/ical';

/**
 * Printable 办事卡 with QR codes, the course-run calendar file and the Atom feeds. The QR code
 * is read back from a screenshot, and the card printed as an A6 PDF must be one page.
 */

const firstStation = () => scalar(`SELECT id FROM stations WHERE publication = 'published' AND status = 'operating' ORDER BY id LIMIT 1`);
const firstFair = () => scalar(`SELECT id FROM fairs WHERE publication = 'published' ORDER BY id LIMIT 1`);

/** A published run of a published course whose start date is one of its class days. */
function firstRun(): { courseId: number; runId: number; startDate: string; dailyStart: string } {
  const rows = withDb((db) =>
    db
      .prepare(
        `SELECT r.course_id AS courseId, r.id AS runId, r.start_date AS startDate, r.daily_start AS dailyStart, r.class_days AS classDays
         FROM course_runs r JOIN courses c ON c.id = r.course_id
         WHERE r.publication = 'published' AND c.publication = 'published' AND r.end_date >= date('now', '+8 hours') ORDER BY r.id`,
      )
      .all() as { courseId: number; runId: number; startDate: string; dailyStart: string; classDays: string }[],
  );
  const run = rows.find((r) => {
    const day = ((new Date(`${r.startDate}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    return r.classDays.split(',').map(Number).includes(day);
  });
  if (!run) throw new Error('no published run starting on a class day');
  return run;
}

/** Reads the QR code on the card from a screenshot of it. */
async function readQr(page: Page): Promise<string | null> {
  const png = PNG.sync.read(await page.getByTestId('card-qr').screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** The number of pages in a PDF (page objects, not the /Pages tree node). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

async function checkCard(page: Page, path: string, detailPath: string) {
  const res = await page.goto(path);
  expect(res?.status()).toBe(200);
  const origin = new URL(page.url()).origin;
  await expect(page.getByTestId('print-card')).toBeVisible();
  expect(await readQr(page)).toBe(`${origin}${detailPath}`);
  await expect(page.getByTestId('print-card')).toContainText(`${origin}${detailPath}`);
  const pdf = await page.pdf({ format: 'A6', preferCSSPageSize: true, printBackground: true });
  expect(pdfPages(pdf)).toBe(1);
  // The printed card holds no site header or footer: print media shows only the card.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('body > header, footer').first()).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  const box = await page.getByTestId('print-card').boundingBox();
  // 93 × 135 mm at 96 px per inch.
  expect(Math.round(box!.width)).toBe(Math.round((93 / 25.4) * 96));
  await page.emulateMedia({ media: 'screen' });
}

test.describe('办事卡 and QR codes', () => {
  test('a station card: QR to the station page, one A6 page, print button, back link, no axe violations', async ({ page }) => {
    const id = firstStation();
    await page.goto(`/stations/${id}`);
    await page.getByRole('link', { name: '打印办事卡 / 二维码' }).click();
    await expect(page).toHaveURL(new RegExp(`/stations/${id}/card$`));
    await expect(page.getByTestId('print-card')).toContainText('今天起7天开放时间');
    await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
    await checkCard(page, `/stations/${id}/card`, `/stations/${id}`);
    await expectNoA11yViolations(page);
    await page.getByRole('link', { name: '返回详情页' }).click();
    await expect(page).toHaveURL(new RegExp(`/stations/${id}$`));
  });

  test('a card printed from a search for one service shows that service and what to bring first, still one A6 page @elder', async ({ page }) => {
    // 异地就医备案, reached as a resident does: search for it, open the first station, print.
    const { serviceId, materials } = withDb(
      (db) => db.prepare(`SELECT id AS serviceId, materials FROM services WHERE name = '异地就医备案'`).get() as { serviceId: number; materials: string },
    );
    const items = JSON.parse(materials) as string[];
    expect(items.length).toBeGreaterThan(0);
    await page.goto(`/stations?service=${serviceId}`);
    const link = page.getByRole('list', { name: '查找结果' }).getByRole('heading').getByRole('link').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/stations/\\d+\\?service=${serviceId}$`));
    const stationId = Number(/^\/stations\/(\d+)/.exec(href)![1]);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/stations/${stationId}\\?service=${serviceId}$`));
    await page.getByRole('link', { name: '打印办事卡 / 二维码' }).click();
    await expect(page).toHaveURL(new RegExp(`/stations/${stationId}/card\\?service=${serviceId}$`));
    const card = page.getByTestId('print-card');
    // The first row is the service searched for, with what to bring; it also leads the services.
    const first = card.locator('dl > div').first();
    await expect(first.locator('dt')).toHaveText('要办的事');
    await expect(first.locator('dd').first()).toHaveText('异地就医备案');
    await expect(first).toContainText(`办理需带：${items.join('、')}`);
    await expect(card.locator('dl > div').filter({ has: page.locator('dt', { hasText: '主要服务' }) }).locator('dd')).toHaveText(/^异地就医备案、/);
    // The QR code opens the station page on the same service.
    await checkCard(page, `/stations/${stationId}/card?service=${serviceId}`, `/stations/${stationId}?service=${serviceId}`);
    // The extra rows still leave the phone number and the QR code inside the printed card's border.
    await page.emulateMedia({ media: 'print' });
    const cardBox = (await card.boundingBox())!;
    for (const part of [card.locator('.pc-phone'), page.getByTestId('card-qr')]) {
      const b = (await part.boundingBox())!;
      expect(b.y + b.height).toBeLessThanOrEqual(cardBox.y + cardBox.height);
    }
    await page.emulateMedia({ media: 'screen' });
    await expectNoA11yViolations(page);
    await page.screenshot({ path: test.info().outputPath('station-card-service.png'), fullPage: true });
  });

  test('a course run card: QR to the run on the course page, one A6 page', async ({ page }) => {
    const run = firstRun();
    await page.goto(`/courses/${run.courseId}`);
    await expect(page.locator(`a[href="/courses/${run.courseId}/runs/${run.runId}/card"]`)).toBeVisible();
    await checkCard(page, `/courses/${run.courseId}/runs/${run.runId}/card`, `/courses/${run.courseId}#run-${run.runId}`);
    await expect(page.getByTestId('print-card')).toContainText('报名截止');
    await expectNoA11yViolations(page);
  });

  test('a fair card: QR to the fair page, employer count, one A6 page', async ({ page }) => {
    const id = firstFair();
    const employers = scalar(`SELECT count(*) FROM fair_employers WHERE fair_id = ?`, id);
    await page.goto(`/fairs/${id}`);
    await expect(page.getByRole('link', { name: '打印办事卡 / 二维码' })).toHaveAttribute('href', `/fairs/${id}/card`);
    await checkCard(page, `/fairs/${id}/card`, `/fairs/${id}`);
    await expect(page.getByTestId('print-card')).toContainText(`${employers} 家单位`);
  });

  test('cards of unpublished, unknown or garbled records are the 404 page', async ({ request }) => {
    const hiddenStation = scalar(`SELECT id FROM stations WHERE publication <> 'published' ORDER BY id LIMIT 1`);
    const hiddenFair = scalar(`SELECT id FROM fairs WHERE publication <> 'published' ORDER BY id LIMIT 1`);
    const hiddenRun = withDb(
      (db) =>
        db.prepare(`SELECT course_id AS c, id AS r FROM course_runs WHERE publication <> 'published' ORDER BY id LIMIT 1`).get() as
          | { c: number; r: number }
          | undefined,
    );
    const run = firstRun();
    const otherCourse = scalar(`SELECT id FROM courses WHERE publication = 'published' AND id <> ? ORDER BY id LIMIT 1`, run.courseId);
    const paths = [
      `/stations/${hiddenStation}/card`,
      `/fairs/${hiddenFair}/card`,
      '/stations/abc/card',
      '/stations/99999999/card',
      '/fairs/1e3/card',
      `/courses/${otherCourse}/runs/${run.runId}/card`,
      `/courses/${run.courseId}/runs/x/card`,
      `/courses/${otherCourse}/runs/${run.runId}/calendar`,
      ...(hiddenRun ? [`/courses/${hiddenRun.c}/runs/${hiddenRun.r}/card`, `/courses/${hiddenRun.c}/runs/${hiddenRun.r}/calendar`] : []),
    ];
    for (const p of paths) {
      const res = await request.get(p);
      expect(res.status(), p).toBe(404);
      expect(await res.text(), p).not.toMatch(/at \w+ \(|Error:/);
    }
  });

  test('without JavaScript the card says to use the browser print menu @nojs', async ({ page }) => {
    const id = firstStation();
    await page.goto(`/stations/${id}/card`);
    await expect(page.getByTestId('print-card')).toBeVisible();
    await expect(page.getByText('请使用浏览器菜单中的「打印」功能')).toBeVisible();
    await expect(page.getByRole('button', { name: '打印' })).toHaveCount(0);
  });

  test('on a phone the card fits the screen and the print button is big @phone', async ({ page }) => {
    const id = firstFair();
    await page.goto(`/fairs/${id}/card`);
    const button = page.getByRole('button', { name: '打印' });
    await expect(button).toBeVisible();
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await readQr(page)).toBe(`${new URL(page.url()).origin}/fairs/${id}`);
  });
});

/** The run whose phone and contact make the widest line on its card. */
function longestContactRun(): { courseId: number; runId: number; phone: string; name: string } {
  return withDb(
    (db) =>
      db
        .prepare(
          `SELECT r.course_id AS courseId, r.id AS runId, r.contact_phone AS phone, r.contact_name AS name
           FROM course_runs r JOIN courses c ON c.id = r.course_id
           WHERE r.publication = 'published' AND c.publication = 'published'
           ORDER BY length(r.contact_phone) + 2 * length(r.contact_name) DESC, r.id LIMIT 1`,
        )
        .get() as { courseId: number; runId: number; phone: string; name: string },
  );
}

/** Every box inside the card lies within its border (1 px of rounding allowed). */
async function expectInsideCard(page: Page) {
  const card = (await page.getByTestId('print-card').boundingBox())!;
  for (const el of [page.getByTestId('card-phone'), page.getByTestId('card-qr')]) {
    const b = (await el.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(card.x - 1);
    expect(b.y).toBeGreaterThanOrEqual(card.y - 1);
    expect(b.x + b.width).toBeLessThanOrEqual(card.x + card.width + 1);
    expect(b.y + b.height).toBeLessThanOrEqual(card.y + card.height + 1);
  }
  // Nothing inside the card is wider than its box (overflow would be clipped or spill).
  const spill = await page.getByTestId('print-card').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(spill).toBeLessThanOrEqual(0);
}

test.describe('the course card keeps its phone inside the A6 border', () => {
  test('at print size and on screen, with the contact on its own line @phone @elder', async ({ page }) => {
    const run = longestContactRun();
    await page.goto(`/courses/${run.courseId}/runs/${run.runId}/card`);
    await expect(page.getByTestId('card-phone')).toHaveText(run.phone);
    await expect(page.getByTestId('print-card')).toContainText(`联系人：${run.name}`);
    await expectInsideCard(page);
    await page.emulateMedia({ media: 'print' });
    // 93 × 135 mm at 96 px per inch: the printed card's own size.
    const box = (await page.getByTestId('print-card').boundingBox())!;
    expect(Math.round(box.width)).toBe(Math.round((93 / 25.4) * 96));
    expect(Math.round(box.height)).toBe(Math.round((135 / 25.4) * 96));
    await expectInsideCard(page);
    const pdf = await page.pdf({ format: 'A6', preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(pdf)).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });
});

test.describe('calendar file for a course run', () => {
  test('downloads one class VEVENT starting at the Beijing class time (plus the deadline while registration is open)', async ({ page, request }) => {
    const run = firstRun();
    await page.goto(`/courses/${run.courseId}`);
    const link = page.locator(`a[href="/courses/${run.courseId}/runs/${run.runId}/calendar"]`);
    await expect(link).toHaveText(/添加到日历/);
    const res = await request.get(`/courses/${run.courseId}/runs/${run.runId}/calendar`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/calendar');
    expect(res.headers()['content-disposition']).toContain('.ics');
    const text = await res.text();
    // Read with a real iCalendar parser: one class series; anything else is the one deadline event.
    const events = readIcs(text);
    expect(events.filter((e) => e.uid === `course-run-${run.runId}@fengtai-portal`)).toHaveLength(1);
    expect(events.filter((e) => e.uid !== `course-run-${run.runId}@fengtai-portal`).map((e) => e.uid)).toEqual(
      events.length > 1 ? [`course-run-${run.runId}-deadline@fengtai-portal`] : [],
    );
    const [y, m, d] = run.startDate.split('-').map(Number) as [number, number, number];
    const [hh, mm] = run.dailyStart.split(':').map(Number) as [number, number];
    // Beijing is UTC+8: 9:00 in Beijing is 01:00Z.
    const utc = new Date(Date.UTC(y, m - 1, d, hh - 8, mm)).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(text).toContain(`DTSTART:${utc}`);
  });
});

test.describe('Atom feeds', () => {
  async function parse(page: Page, xml: string) {
    return page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.nodeName,
        links: [...doc.querySelectorAll('entry > link')].map((l) => l.getAttribute('href') ?? ''),
        updated: [...doc.querySelectorAll('updated, published')].map((u) => u.textContent ?? ''),
      };
    }, xml);
  }

  test('courses and fairs feeds are well-formed and list only published items with absolute links', async ({ page, request }) => {
    await page.goto('/courses');
    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveAttribute('href', /\/feeds\/courses\.xml$/);
    const origin = new URL(page.url()).origin;

    const courses = await request.get('/feeds/courses.xml');
    expect(courses.status()).toBe(200);
    expect(courses.headers()['content-type']).toContain('application/atom+xml');
    const c = await parse(page, await courses.text());
    expect(c.error).toBe(0);
    expect(c.root).toBe('feed');
    const published = withDb((db) => (db.prepare(`SELECT id FROM courses WHERE publication = 'published'`).all() as { id: number }[]).map((r) => r.id));
    expect(c.links.length).toBe(Math.min(50, published.length));
    for (const href of c.links) {
      expect(href.startsWith(`${origin}/courses/`)).toBe(true);
      expect(published).toContain(Number(href.split('/').pop()));
    }
    for (const u of c.updated) expect(u).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);

    await page.goto('/fairs');
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/feeds\/fairs\.xml$/);
    const fairs = await request.get('/feeds/fairs.xml');
    const f = await parse(page, await fairs.text());
    expect(f.error).toBe(0);
    const publishedFairs = withDb((db) => (db.prepare(`SELECT id FROM fairs WHERE publication = 'published'`).all() as { id: number }[]).map((r) => r.id));
    expect(f.links.length).toBeGreaterThan(0);
    for (const href of f.links) expect(publishedFairs).toContain(Number(href.split('/').pop()));
  });

  test('filters narrow the feeds; bad filter values get a plain 400', async ({ page, request }) => {
    const occupation = scalar(`SELECT occupation_id FROM courses WHERE publication = 'published' ORDER BY id LIMIT 1`);
    const expected = scalar(`SELECT count(*) FROM courses WHERE publication = 'published' AND occupation_id = ?`, occupation);
    const narrowed = await request.get(`/feeds/courses.xml?occupation=${occupation}`);
    await page.goto('/');
    expect((await parse(page, await narrowed.text())).links.length).toBe(Math.min(50, expected));

    const type = scalar<string>(`SELECT type FROM fairs WHERE publication = 'published' ORDER BY id LIMIT 1`);
    const typed = await request.get(`/feeds/fairs.xml?type=${type}`);
    expect(typed.status()).toBe(200);
    for (const [path, words] of [
      ['/feeds/courses.xml?occupation=abc', 'occupation'],
      ['/feeds/courses.xml?occupation=99999999', 'occupation'],
      ['/feeds/fairs.xml?type=%3Cscript%3E', 'type'],
    ] as const) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(res.headers()['content-type']).toContain('text/plain');
      const text = await res.text();
      expect(text).toContain('订阅地址有误');
      expect(text).toContain(words);
    }
  });
});
