/**
 * The dashboard on the seeded sample data (TEST_TODAY, a Monday), at a fixed Beijing instant,
 * for each role: what it lists, that each item meets its rule, and that scoped roles see only
 * their own records.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { TEST_TODAY, useSeededTestDb } from '../test-helpers';
import { calendarDays, courseRuns, stationExceptions, stations } from '../schema';
import { addDays } from '../domain/time';
import type { Actor } from '../auth/permissions';
import { FEW_SEATS_RATIO, SOON_DAYS, STALE_DAYS, dashboardFor, type Dashboard } from './dashboard';

const db = useSeededTestDb();
const NOW = new Date(`${TEST_TODAY}T10:00:00+08:00`);

const admin: Actor = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', providerId: null, stationId: null };
const editor: Actor = { ...admin, id: 2, username: 'editor', role: 'editor' };
const provider: Actor = { id: 3, username: 'kangxin', displayName: '康馨', role: 'provider', providerId: 4, stationId: null };
const station: Actor = { id: 4, username: 'youanmen', displayName: '右安门', role: 'station', providerId: null, stationId: 1 };

const n = (q: ReturnType<typeof sql>) => db.all<{ n: number }>(q)[0]!.n;

describe('dashboard for 管理员 and 编辑', () => {
  let d: Dashboard;
  before(async () => {
    d = await dashboardFor(db, editor, NOW);
  });

  it('counts every table by publication, matching the database', async () => {
    assert.deepEqual(d.counts.map((c) => c.table), ['course', 'run', 'station', 'fair']);
    const course = d.counts.find((c) => c.table === 'course')!;
    assert.equal(course.counts.published, n(sql`SELECT count(*) AS n FROM courses WHERE publication = 'published'`));
    assert.equal(course.counts.review, n(sql`SELECT count(*) AS n FROM courses WHERE publication = 'review'`));
    assert.equal(course.total, n(sql`SELECT count(*) AS n FROM courses`));
    assert.equal(d.counts.find((c) => c.table === 'station')!.total, n(sql`SELECT count(*) AS n FROM stations`));
  });

  it('lists everything awaiting review, the seeded 育婴员 course among it, with links to the admin page', async () => {
    assert.ok(d.review.length >= 1);
    assert.ok(d.review.every((r) => r.publication === 'review'));
    const yuying = d.review.find((r) => r.kind === 'course' && r.title.includes('育婴员'));
    assert.ok(yuying, 'the seeded course in review');
    assert.equal(yuying.href, `/admin/courses/${yuying.id}`);
  });

  it('run alerts: published, not started, and few seats within 14 days or past the deadline with seats left', async () => {
    assert.ok(d.runAlerts.length > 0, 'the sample data has runs that need a look');
    for (const r of d.runAlerts) {
      assert.equal(r.publication, 'published');
      assert.ok(r.startDate > TEST_TODAY, 'not started yet');
      if (r.reason === 'few_seats') {
        assert.ok(r.startDate <= addDays(TEST_TODAY, SOON_DAYS));
        assert.ok(r.seatsLeft <= r.seats * FEW_SEATS_RATIO);
      } else {
        assert.ok(r.deadline < TEST_TODAY && r.seatsLeft > 0);
      }
      assert.equal(r.href, `/admin/courses/${r.courseId}#run-${r.runId}`);
    }
    assert.ok(d.runAlerts.some((r) => r.reason === 'past_deadline'), 'the seed has a run whose deadline passed with seats left');
  });

  it('a run filling up shows at once; one with plenty of seats does not', async () => {
    const run = db.all<{ id: number; seats: number }>(sql`SELECT id, seats FROM course_runs WHERE publication = 'published'
      AND start_date > ${TEST_TODAY} AND start_date <= ${addDays(TEST_TODAY, SOON_DAYS)} AND deadline >= ${TEST_TODAY} AND seats >= 10 LIMIT 1`)[0]!;
    db.update(courseRuns).set({ seatsLeft: run.seats }).where(eq(courseRuns.id, run.id)).run();
    assert.equal((await dashboardFor(db, editor, NOW)).runAlerts.some((r) => r.runId === run.id), false);
    db.update(courseRuns).set({ seatsLeft: Math.floor(run.seats * 0.2) }).where(eq(courseRuns.id, run.id)).run();
    const alert = (await dashboardFor(db, editor, NOW)).runAlerts.find((r) => r.runId === run.id);
    assert.equal(alert?.reason, 'few_seats');
  });

  it('stale stations: last verified 90 days ago or more, oldest first', async () => {
    assert.ok(d.staleStations.length > 0, 'the sample data has stale stations');
    for (const s of d.staleStations) assert.ok(s.days >= STALE_DAYS, `${s.name} ${s.days}`);
    const days = d.staleStations.map((s) => s.days);
    assert.deepEqual(days, [...days].sort((a, b) => b - a));
  });

  it('fairs on during the 14 days from today: starting in them or already under way', async () => {
    const last = addDays(TEST_TODAY, SOON_DAYS - 1);
    for (const f of d.fairs) {
      assert.ok(f.startsAt.slice(0, 10) <= last, f.startsAt);
      assert.equal(f.href, `/admin/fairs/${f.id}`);
    }
    assert.equal(d.fairs.length, n(sql`SELECT count(*) AS n FROM fairs WHERE publication <> 'archived'
      AND substr(starts_at, 1, 10) <= ${last} AND substr(ends_at, 1, 10) >= ${TEST_TODAY}`));
    const underWay = n(sql`SELECT count(*) AS n FROM fairs WHERE publication <> 'archived'
      AND substr(starts_at, 1, 10) < ${TEST_TODAY} AND substr(ends_at, 1, 10) >= ${TEST_TODAY}`);
    assert.ok(underWay > 0, 'the sample data has a fair under way (the standing 零工市场)');
    assert.equal(d.fairs.filter((f) => f.startsAt.slice(0, 10) < TEST_TODAY).length, underWay);
  });

  it("today's closures come from exceptions covering today; a holiday today is named", async () => {
    db.insert(stationExceptions).values({ stationId: 2, startDate: TEST_TODAY, endDate: TEST_TODAY, closed: true, sessions: [], reason: '停电检修，今天不开门' }).run();
    db.insert(calendarDays).values({ date: TEST_TODAY, kind: 'holiday', name: '测试假日', asWeekday: null }).run();
    const now = await dashboardFor(db, admin, NOW);
    const c = now.closures.find((x) => x.stationId === 2);
    assert.ok(c);
    assert.equal(c.closed, true);
    assert.equal(c.reason, '停电检修，今天不开门');
    assert.equal(c.href, '/admin/stations/2');
    assert.deepEqual(now.calendarToday, { kind: 'holiday', name: '测试假日' });
    db.delete(calendarDays).where(eq(calendarDays.date, TEST_TODAY)).run();
  });
});

describe('dashboard for a 培训机构', () => {
  let d: Dashboard;
  before(async () => {
    d = await dashboardFor(db, provider, NOW);
  });
  it('counts and lists only its own courses and runs', async () => {
    assert.deepEqual(d.counts.map((c) => c.table), ['course', 'run']);
    assert.equal(d.counts[0]!.total, n(sql`SELECT count(*) AS n FROM courses WHERE provider_id = 4`));
    const ownCourses = new Set(db.all<{ id: number }>(sql`SELECT id FROM courses WHERE provider_id = 4`).map((r) => r.id));
    assert.ok(d.review.every((r) => ownCourses.has(r.courseId)));
    assert.ok(d.review.every((r) => ['draft', 'review', 'withdrawn'].includes(r.publication)));
    assert.ok(d.review.some((r) => r.publication === 'review'), 'its submission in review shows its state');
    assert.ok(d.runAlerts.every((r) => ownCourses.has(r.courseId)));
  });
  it('sees no stations, fairs or closures', async () => {
    assert.deepEqual([d.staleStations, d.fairs, d.closures, d.station], [[], [], [], null]);
  });
});

describe('dashboard for a 驿站', () => {
  it("shows its own station's state, today's hours and today's exception only", async () => {
    db.insert(stationExceptions).values({ stationId: 1, startDate: TEST_TODAY, endDate: TEST_TODAY, closed: true, sessions: [], reason: '工作人员培训' }).run();
    const d = await dashboardFor(db, station, NOW);
    assert.equal(d.station?.id, 1);
    assert.equal(d.station?.href, '/admin/stations/1');
    assert.equal(d.station?.todayHours, '');
    assert.match(d.station?.openText ?? '', /今日休息/);
    assert.deepEqual(d.closures.map((c) => c.stationId), [1]);
    assert.deepEqual([d.counts, d.review, d.runAlerts, d.fairs], [[], [], [], []]);
    assert.ok(d.staleStations.every((s) => s.id === 1));
  });
  it("reports its own station's hours on an ordinary day", async () => {
    db.delete(stationExceptions).where(eq(stationExceptions.stationId, 1)).run();
    const d = await dashboardFor(db, station, NOW);
    const name = db.select({ name: stations.name }).from(stations).where(eq(stations.id, 1)).get()!.name;
    assert.equal(d.station?.name, name);
    assert.ok(d.station!.todayHours.length > 0, 'a Monday has hours');
  });
});
