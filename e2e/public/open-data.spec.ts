import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { expectNoA11yViolations } from '../helpers/a11y';
import { scalar, withDb } from '../helpers/db';

/**
 * Open data: the read-only JSON API (/api/v1), the CSV downloads, schema.org JSON-LD on the
 * detail pages, sitemap.xml and robots.txt, and the /open-data page. Published rows only, ever.
 */

const count = (sql: string) => scalar<number>(sql);
const unpublished = (table: string) => scalar<number>(`SELECT id FROM ${table} WHERE publication <> 'published' ORDER BY id LIMIT 1`);
const published = (table: string) => scalar<number>(`SELECT id FROM ${table} WHERE publication = 'published' ORDER BY id LIMIT 1`);

async function okJson(res: APIResponse) {
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/json; charset=utf-8');
  expect(res.headers()['access-control-allow-origin']).toBe('*');
  expect(res.headers()['cache-control']).toBe('public, max-age=60');
  return res.json();
}

/** Every id a list endpoint returns, page by page at the largest page size. */
async function allIds(request: import('@playwright/test').APIRequestContext, path: string): Promise<number[]> {
  const out: number[] = [];
  for (let page = 1; page < 50; page++) {
    const body = await okJson(await request.get(`${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`));
    out.push(...body.items.map((i: { id: number }) => i.id));
    if (page >= body.total_pages) break;
  }
  return out;
}

async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return texts.map((t) => JSON.parse(t));
}

test.describe('JSON API', () => {
  test('index names the version, every endpoint, the licence and the docs', async ({ request }) => {
    const body = await okJson(await request.get('/api/v1'));
    expect(body.version).toBe('v1');
    expect(body.documentation).toMatch(/\/open-data$/);
    expect(body.licence).toContain('请注明来源');
    expect(body.endpoints.map((e: { path: string }) => e.path)).toEqual([
      '/api/v1/stations',
      '/api/v1/stations/{id}',
      '/api/v1/courses',
      '/api/v1/courses/{id}',
      '/api/v1/runs',
      '/api/v1/fairs',
      '/api/v1/fairs/{id}',
      '/api/v1/jobs',
    ]);
  });

  test('stations: shape, paging and totals, open_now, detail with hours', async ({ request }) => {
    const total = count(`SELECT COUNT(*) FROM stations WHERE publication = 'published'`);
    const p1 = await okJson(await request.get('/api/v1/stations?per_page=5'));
    expect(p1).toMatchObject({ version: 'v1', page: 1, per_page: 5, total, total_pages: Math.ceil(total / 5) });
    expect(p1.items).toHaveLength(5);
    const p2 = await okJson(await request.get('/api/v1/stations?per_page=5&page=2'));
    expect(p2.items[0].id).not.toBe(p1.items[0].id);
    const s = p1.items[0];
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining(['id', 'name', 'url', 'street', 'address', 'phone', 'location', 'status', 'open_now', 'open_state', 'facilities']),
    );
    expect(typeof s.open_now).toBe('boolean');
    expect(s.url).toMatch(new RegExp(`/stations/${s.id}$`));
    const open = await okJson(await request.get('/api/v1/stations?open_now=true&per_page=100'));
    expect(open.items.every((x: { open_now: boolean }) => x.open_now)).toBe(true);

    const d = await okJson(await request.get(`/api/v1/stations/${s.id}`));
    expect(d.weekly_hours).toHaveLength(7);
    expect(d.weekly_hours[0]).toMatchObject({ weekday: 1, weekday_name: '周一' });
    for (const w of d.weekly_hours) for (const x of w.sessions) expect(`${x.opens}-${x.closes}`).toMatch(/^\d{2}:\d{2}-\d{2}:\d{2}$/);
    expect(Array.isArray(d.exceptions)).toBe(true);
    expect(Array.isArray(d.special_days)).toBe(true);
    expect(d.services.length).toBeGreaterThan(0);
    expect(d).toHaveProperty('counter_hours');
  });

  test('courses and runs: shape, paging, a course with its runs, run statuses', async ({ request }) => {
    const total = count(`SELECT COUNT(*) FROM courses WHERE publication = 'published'`);
    const list = await okJson(await request.get('/api/v1/courses?per_page=3'));
    expect(list).toMatchObject({ total, per_page: 3, page: 1 });
    const c = list.items[0];
    expect(c).toMatchObject({ id: expect.any(Number), title: expect.any(String), occupation: { id: expect.any(Number) }, provider: { name: expect.any(String) } });
    if (c.published_at !== null) expect(c.published_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);

    const runsTotal = count(
      `SELECT COUNT(*) FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE r.publication = 'published' AND c.publication = 'published'`,
    );
    const runs = await okJson(await request.get('/api/v1/runs?per_page=100'));
    expect(runs.total).toBe(runsTotal);
    const r = runs.items[0];
    expect(r.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.daily_start).toMatch(/^\d{2}:\d{2}$/);
    expect(['报名中', '已满', '已截止', '进行中', '已结束']).toContain(r.status_label);
    const openRuns = await okJson(await request.get('/api/v1/runs?status=open&per_page=100'));
    expect(openRuns.items.every((x: { status: string }) => x.status === 'open')).toBe(true);

    const detail = await okJson(await request.get(`/api/v1/courses/${r.course_id}`));
    expect(detail.id).toBe(r.course_id);
    expect(detail.runs.map((x: { id: number }) => x.id)).toContain(r.id);
    expect(detail.sections).toHaveProperty('content');
  });

  test('fairs: shape, when=all, detail with employers and positions', async ({ request }) => {
    const total = count(`SELECT COUNT(*) FROM fairs WHERE publication = 'published'`);
    const all = await okJson(await request.get('/api/v1/fairs?when=all&per_page=100'));
    expect(all.total).toBe(total);
    const f = all.items[0];
    expect(f.starts_at).toMatch(/\+08:00$/);
    expect(['offline', 'online', 'mixed']).toContain(f.attendance_mode);
    const fairWithJobs = scalar<number>(
      `SELECT f.id FROM fairs f JOIN fair_employers e ON e.fair_id = f.id JOIN fair_positions p ON p.employer_id = e.id WHERE f.publication = 'published' ORDER BY f.id LIMIT 1`,
    );
    const d = await okJson(await request.get(`/api/v1/fairs/${fairWithJobs}`));
    expect(d.employers.length).toBeGreaterThan(0);
    expect(d.employers[0].positions[0]).toMatchObject({ title: expect.any(String), headcount: expect.any(Number), pay_unit: expect.any(String) });
  });

  test('unpublished records never appear in lists and their ids give a JSON 404', async ({ request }) => {
    for (const [table, path] of [
      ['stations', '/api/v1/stations'],
      ['courses', '/api/v1/courses'],
      ['fairs', '/api/v1/fairs?when=all'],
    ] as const) {
      const hidden = unpublished(table);
      const listed = await allIds(request, path);
      expect(listed.length).toBe(count(`SELECT COUNT(*) FROM ${table} WHERE publication = 'published'`));
      expect(listed).not.toContain(hidden);
      const res = await request.get(`/api/v1/${table}/${hidden}`);
      expect(res.status()).toBe(404);
      expect(res.headers()['content-type']).toBe('application/json; charset=utf-8');
      const body = await res.json();
      expect(body.error.code).toBe('not_found');
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const hiddenRun = scalar<number>(
      `SELECT r.id FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE r.publication <> 'published' OR c.publication <> 'published' ORDER BY r.id LIMIT 1`,
    );
    expect(await allIds(request, '/api/v1/runs')).not.toContain(hiddenRun);
    for (const path of ['/api/v1/stations/0', '/api/v1/courses/abc', '/api/v1/fairs/99999999', '/api/v1/nothing-here', '/api/v1/stations/1/extra']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });

  test('bad parameters give 400 with a Chinese message, never a 500', async ({ request }) => {
    for (const path of [
      '/api/v1/stations?per_page=101',
      '/api/v1/stations?page=0',
      '/api/v1/stations?open_now=perhaps',
      '/api/v1/stations?street=999999',
      '/api/v1/courses?level=9',
      '/api/v1/courses?cost=%E5%85%8D',
      '/api/v1/runs?status=soon',
      '/api/v1/runs?start_from=2026-02-30',
      '/api/v1/fairs?type=party',
      '/api/v1/fairs?when=%ZZ',
      `/api/v1/fairs?q=${'长'.repeat(120)}`,
    ]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(res.headers()['content-type']).toBe('application/json; charset=utf-8');
      const body = await res.json();
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message, path).toMatch(/[\u4e00-\u9fff]/);
    }
    // Odd but harmless input is simply read.
    for (const path of ['/api/v1/stations?q=%3Cscript%3E', '/api/v1/courses?q=%22%27%20OR%201%3D1', '/api/v1/runs?page=500', '/api/v1/fairs?unknown=1']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
    }
  });
});

test.describe('CSV downloads', () => {
  for (const [slug, header, table] of [
    ['stations', '编号,名称', 'stations'],
    ['courses', '编号,课程名称', 'courses'],
    ['runs', '班期编号,课程编号', null],
    ['fairs', '编号,名称', 'fairs'],
  ] as const) {
    test(`${slug}.csv has a BOM, the header row and one row per published record`, async ({ request }) => {
      const res = await request.get(`/api/v1/${slug}.csv`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
      const bytes = await res.body();
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      expect(lines[0]!.startsWith(header)).toBe(true);
      if (slug === 'stations') expect(lines[0]).toContain('周一开放时间');
      if (table) expect(lines.length - 1).toBe(count(`SELECT COUNT(*) FROM ${table} WHERE publication = 'published'`));
    });
  }
});

test.describe('JSON-LD on detail pages', () => {
  test('a course is a Course with a provider and course instances', async ({ page }) => {
    const id = scalar<number>(
      // A run still to come (the JSON-LD lists those; Beijing's date is UTC + 8 hours).
      `SELECT c.id FROM courses c JOIN course_runs r ON r.course_id = c.id WHERE c.publication = 'published' AND r.publication = 'published'
         AND r.end_date >= date('now', '+8 hours') ORDER BY c.id LIMIT 1`,
    );
    await page.goto(`/courses/${id}`);
    const [ld] = await jsonLd(page);
    expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'Course', provider: { '@type': 'Organization' } });
    const instances = ld!.hasCourseInstance as Record<string, unknown>[];
    expect(instances.length).toBeGreaterThan(0);
    expect(instances[0]).toMatchObject({
      '@type': 'CourseInstance',
      startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      location: { '@type': 'Place', address: { '@type': 'PostalAddress' } },
      offers: { '@type': 'Offer', priceCurrency: 'CNY' },
    });
  });

  test('a fair is an Event with status, attendance mode, location and organizer', async ({ page }) => {
    const id = published('fairs');
    await page.goto(`/fairs/${id}`);
    const [ld] = await jsonLd(page);
    expect(ld).toMatchObject({ '@type': 'Event', organizer: { '@type': 'Organization' } });
    expect(ld!.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
    expect(ld!.eventStatus).toMatch(/^https:\/\/schema\.org\/Event(Scheduled|Postponed|Cancelled)$/);
    expect(ld!.eventAttendanceMode).toMatch(/^https:\/\/schema\.org\/(Offline|Online|Mixed)EventAttendanceMode$/);
    expect(ld!.location).toBeTruthy();
  });

  test('a station is a GovernmentService at a Place with opening hours', async ({ page }) => {
    const id = scalar<number>(`SELECT id FROM stations WHERE publication = 'published' AND status = 'operating' ORDER BY id LIMIT 1`);
    await page.goto(`/stations/${id}`);
    const [ld] = await jsonLd(page);
    expect(ld!['@type']).toBe('GovernmentService');
    const place = (ld!.availableChannel as Record<string, Record<string, unknown>>).serviceLocation!;
    expect(place['@type']).toBe('Place');
    const hours = place.openingHoursSpecification as Record<string, string>[];
    expect(hours.length).toBeGreaterThan(0);
    expect(hours[0]!.dayOfWeek).toMatch(/^https:\/\/schema\.org\/(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/);
    expect(hours[0]!.opens).toMatch(/^\d{2}:\d{2}$/);
  });

  test('a station with a closure coming up lists it as special opening hours', async ({ page }) => {
    const id = withDb((db) =>
      (
        db
          .prepare(
            `SELECT s.id FROM stations s JOIN station_exceptions e ON e.station_id = s.id
             WHERE s.publication = 'published' AND s.status = 'operating' AND e.closed = 1
               AND e.end_date >= date('now', '+8 hours') AND e.start_date <= date('now', '+8 hours', '+29 days') ORDER BY s.id LIMIT 1`,
          )
          .get() as { id: number } | undefined
      )?.id,
    );
    expect(id, 'the sample data has a station closed on some day of the next 30').toBeDefined();
    await page.goto(`/stations/${id}`);
    const [ld] = await jsonLd(page);
    const place = (ld!.availableChannel as Record<string, Record<string, unknown>>).serviceLocation!;
    const special = place.specialOpeningHoursSpecification as Record<string, string>[];
    expect(special.some((s) => s.opens === '00:00' && s.closes === '00:00' && /^\d{4}-\d{2}-\d{2}$/.test(s.validFrom!))).toBe(true);
  });
});

test.describe('sitemap and robots', () => {
  test('sitemap.xml lists published details and no unpublished ids', async ({ request }) => {
    const res = await request.get('/sitemap.xml');
    expect(res.status()).toBe(200);
    const xml = await res.text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs).toContain('/');
    expect(locs).toContain('/open-data');
    for (const table of ['stations', 'courses', 'fairs']) {
      expect(locs).toContain(`/${table}`);
      const pub = withDb((db) => db.prepare(`SELECT id FROM ${table} WHERE publication = 'published'`).all() as { id: number }[]);
      for (const { id } of pub) expect(locs).toContain(`/${table}/${id}`);
      expect(locs).not.toContain(`/${table}/${unpublished(table)}`);
    }
  });

  test('robots.txt disallows /admin and points to the sitemap', async ({ request }) => {
    const res = await request.get('/robots.txt');
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^Disallow: \/admin$/m);
    expect(text).toMatch(/^Allow: \/$/m);
    expect(text).toMatch(/^Sitemap: https?:\/\/.+\/sitemap\.xml$/m);
  });
});

test.describe('/open-data page', () => {
  test('explains the data, links the CSVs and is reachable from the footer @phone', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: '开放数据' }).click();
    await expect(page).toHaveURL(/\/open-data$/);
    await expect(page.getByRole('heading', { level: 1, name: '开放数据' })).toBeVisible();
    await expect(page.getByText('政府公开数据，可自由使用，请注明来源')).toBeVisible();
    await expect(page.getByText('字段只会增加，不会改名或删除')).toBeVisible();
    for (const slug of ['stations', 'courses', 'runs', 'fairs']) {
      await expect(page.locator(`a[href="/api/v1/${slug}.csv"]`)).toBeVisible();
    }
    await expect(page.getByRole('link', { name: '/api/v1/stations?open_now=true&per_page=5' })).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
