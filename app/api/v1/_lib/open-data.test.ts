/**
 * Open-data reads on the seeded sample data (TEST_TODAY = Monday 2026-11-23): published rows
 * only, totals and paging, open-now from the hours engine, and the CSV files.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import { parseApiParams, type ApiListKind, type ApiParams } from './params';

const db = useSeededTestDb();
const BASE = 'http://test.local';
const NOW = new Date(`${TEST_TODAY}T10:00:00+08:00`);

// The modules read the database when first imported, so after the test database is set up.
let q: typeof import('@/db/queries/open-data') & typeof import('./stations') & typeof import('./courses') & typeof import('./fairs');
let csv: typeof import('./csv');
let stationDetail: typeof import('@/db/queries/stations').getStationDetail;

before(async () => {
  q = { ...(await import('@/db/queries/open-data')), ...(await import('./stations')), ...(await import('./courses')), ...(await import('./fairs')) };
  csv = await import('./csv');
  stationDetail = (await import('@/db/queries/stations')).getStationDetail;
});

function params<K extends ApiListKind>(kind: K, qs = ''): ApiParams<K> {
  const r = parseApiParams(kind, new URLSearchParams(qs));
  assert.ok(r.ok, qs);
  return r.values;
}

function ids(table: string, published: boolean): number[] {
  return db
    .all<{ id: number }>(sql`SELECT id FROM ${sql.raw(table)} WHERE ${published ? sql`publication = 'published'` : sql`publication <> 'published'`} ORDER BY id`)
    .map((r) => r.id);
}

describe('stations', () => {
  it('lists every published station and nothing else, with paging', async () => {
    const all = await q.listApiStations(params('stations'), 'all', BASE, NOW);
    assert.deepEqual(all.items.map((s) => s.id).sort((a, b) => a - b), ids('stations', true));
    assert.equal(all.total, ids('stations', true).length);
    const page2 = await q.listApiStations(params('stations'), { page: 2, perPage: 5 }, BASE, NOW);
    assert.equal(page2.total, all.total);
    assert.deepEqual(page2.items.map((s) => s.id), all.items.slice(5, 10).map((s) => s.id));
    for (const id of ids('stations', false)) assert.equal(await q.getApiStation(id, BASE, NOW), null);
  });

  it('open_now agrees with the station page and splits the list', async () => {
    const all = await q.listApiStations(params('stations'), 'all', BASE, NOW);
    for (const s of all.items.slice(0, 10)) assert.equal(s.open_now, (await stationDetail(s.id, NOW))!.status.open, s.name);
    const open = await q.listApiStations(params('stations', 'open_now=true'), 'all', BASE, NOW);
    const closed = await q.listApiStations(params('stations', 'open_now=false'), 'all', BASE, NOW);
    assert.equal(open.total + closed.total, all.total);
    assert.ok(open.items.every((s) => s.open_now));
  });

  it('gives a station its week, services and dated changes', async () => {
    const id = ids('stations', true)[0]!;
    const d = (await q.getApiStation(id, BASE, NOW))!.detail;
    assert.equal(d.weekly_hours.length, 7);
    assert.ok(d.weekly_hours.every((w) => w.sessions.every((s) => /^\d{2}:\d{2}$/.test(s.opens) && /^\d{2}:\d{2}$/.test(s.closes))));
    assert.ok(d.services.length > 0);
    // What to bring, per service, as the station page says it; a phone note only where a phone will do.
    assert.ok(d.services.every((s) => s.materials.length > 0 && s.materials.every((m) => typeof m === 'string' && m !== '')));
    assert.ok(d.services.every((s) => (s.online_note !== '') === s.online));
    assert.ok(d.exceptions.every((e) => e.end_date >= TEST_TODAY));
  });
});

describe('courses and runs', () => {
  it('lists published courses only and filters like the pages', async () => {
    const all = await q.listApiCourses(params('courses'), 'all', BASE, NOW);
    assert.deepEqual(all.items.map((c) => c.id), ids('courses', true));
    for (const id of ids('courses', false)) assert.equal(await q.getApiCourse(id, BASE, NOW), null);
    const level4 = await q.listApiCourses(params('courses', 'level=4'), 'all', BASE, NOW);
    assert.ok(level4.total > 0 && level4.total < all.total);
    assert.ok(level4.items.every((c) => c.level === 4));
  });

  it('lists published runs of published courses with their status', async () => {
    const runs = await q.listApiRuns(params('runs'), 'all', BASE, NOW);
    const expected = db.get<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE r.publication = 'published' AND c.publication = 'published'`,
    )!.n;
    assert.equal(runs.total, expected);
    const open = await q.listApiRuns(params('runs', 'status=open'), 'all', BASE, NOW);
    assert.ok(open.total > 0);
    assert.ok(open.items.every((r) => r.status === 'open' && r.status_label === '报名中'));
    const course = runs.items[0]!.course_id;
    const one = await q.listApiRuns(params('runs', `course=${course}`), 'all', BASE, NOW);
    assert.ok(one.items.every((r) => r.course_id === course));
    assert.deepEqual(
      (await q.getApiCourse(course, BASE, NOW))!.runs.map((r) => r.id).sort((a, b) => a - b),
      one.items.map((r) => r.id).sort((a, b) => a - b),
    );
  });
});

describe('fairs', () => {
  it('lists published fairs only; upcoming and past make all', async () => {
    const all = await q.listApiFairs(params('fairs', 'when=all'), 'all', BASE, NOW);
    assert.deepEqual(all.items.map((f) => f.id).sort((a, b) => a - b), ids('fairs', true));
    const up = await q.listApiFairs(params('fairs'), 'all', BASE, NOW);
    const past = await q.listApiFairs(params('fairs', 'when=past'), 'all', BASE, NOW);
    assert.equal(up.total + past.total, all.total);
    for (const id of ids('fairs', false)) assert.equal(await q.getApiFair(id, BASE), null);
    const details = await Promise.all(all.items.map(async (f) => (await q.getApiFair(f.id, BASE))!));
    const withEmployers = details.find((f) => f.employers.length > 0);
    assert.ok(withEmployers && withEmployers.employers[0]!.positions.length > 0);
  });
});

describe('csv and sitemap', () => {
  it('writes CSVs with a BOM, a header and one row per published record', async () => {
    const text = await csv.stationsCsv(BASE, NOW);
    assert.ok(text.startsWith('\uFEFF编号,名称'));
    assert.match(text.split('\r\n')[0]!, /周一开放时间.*周日开放时间.*周一人工窗口时间/);
    assert.equal(text.trim().split('\r\n').length, ids('stations', true).length + 1);
    assert.equal((await csv.coursesCsv(BASE, NOW)).trim().split('\r\n').length, ids('courses', true).length + 1);
    assert.ok((await csv.runsCsv(BASE, NOW)).startsWith('\uFEFF班期编号'));
    assert.equal((await csv.fairsCsv(BASE, NOW)).trim().split('\r\n').length, ids('fairs', true).length + 1);
  });

  it('names every published detail page and no other', async () => {
    const entries = await q.publishedDetailIds();
    for (const kind of ['stations', 'courses', 'fairs'] as const) {
      assert.deepEqual(entries.filter((e) => e.kind === kind).map((e) => e.id), ids(kind, true));
    }
  });
});
