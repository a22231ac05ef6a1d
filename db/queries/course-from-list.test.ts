/**
 * A course page opened from the filtered resident list: which of its runs the list's filters
 * matched, the origin kept, the link back; the other open courses of the same 工种 when none of
 * its runs is open; and the list's facet counts counting courses, the unit of its total.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import { courseRuns, courses as coursesTable, places } from '@/db/schema';
import { runStatus } from '@/db/domain/course-run';

const db = useSeededTestDb();
let q: typeof import('./courses');
before(async () => {
  q = await import('./courses');
});

const today = TEST_TODAY;
const published = new Set(db.select().from(coursesTable).all().filter((c) => c.publication === 'published').map((c) => c.id));
const runs = db.select().from(courseRuns).all().filter((r) => r.publication === 'published' && published.has(r.courseId));
const placeStreet = new Map(db.select().from(places).all().map((p) => [p.id, p.streetId]));
const status = (r: (typeof runs)[number]) => runStatus(r, today);

describe('courseListContext: the runs a filtered list matched', () => {
  it('free + 报名中: exactly this course\u2019s published runs that are both, and the list query without the page', async () => {
    const course = runs.find((r) => r.costType === 'free' && status(r) === 'open')!.courseId;
    const ctx = await q.courseListContext(course, 'cost=free&status=open&page=2', { today });
    const want = runs.filter((r) => r.courseId === course && r.costType === 'free' && status(r) === 'open').map((r) => r.id);
    assert.deepEqual([...ctx.matchedRunIds!].sort((a, b) => a - b), want.sort((a, b) => a - b));
    assert.equal(ctx.filtered, true);
    assert.equal(ctx.listQuery, 'cost=free&status=open');
    assert.equal(ctx.origin, null);
  });

  it('a street filter matches runs taught there only; a course with no such run matches none', async () => {
    const run = runs.find((r) => status(r) === 'open' && placeStreet.get(r.theoryPlaceId) !== null)!;
    const street = placeStreet.get(run.theoryPlaceId)!;
    const ctx = await q.courseListContext(run.courseId, `street=${street}`, { today });
    for (const id of ctx.matchedRunIds!) {
      const r = runs.find((x) => x.id === id)!;
      assert.equal(placeStreet.get(r.theoryPlaceId), street);
    }
    assert.ok(ctx.matchedRunIds!.includes(run.id));
    const elsewhere = runs.find((r) => !runs.some((x) => x.courseId === r.courseId && placeStreet.get(x.theoryPlaceId) === street))!;
    assert.deepEqual((await q.courseListContext(elsewhere.courseId, `street=${street}`, { today })).matchedRunIds, []);
  });

  it('no filters: nothing matched or marked; an origin alone is kept for the distance', async () => {
    const course = runs[0]!.courseId;
    const none = await q.courseListContext(course, '', { today });
    assert.deepEqual([none.matchedRunIds, none.filtered, none.listQuery, none.origin], [null, false, '', null]);
    const street = placeStreet.get(runs[0]!.theoryPlaceId) ?? 1;
    const near = await q.courseListContext(course, `near=s${street}&sort=near`, { today });
    assert.equal(near.matchedRunIds, null);
    assert.ok(near.origin && Number.isFinite(near.origin.lat) && near.origin.name);
    assert.equal(near.listQuery, `sort=near&near=s${street}`);
  });

  it('bad values fall back rather than fail', async () => {
    const ctx = await q.courseListContext(runs[0]!.courseId, 'cost=gold&street=abc&near=zz', { today });
    assert.equal(ctx.filtered, false);
    assert.equal(ctx.matchedRunIds, null);
  });
});

describe('openCoursesOfOccupation: where to go when every run is full or closed', () => {
  it('other courses of the same 工种 with a run open, never the course itself', async () => {
    const all = db.select().from(coursesTable).all();
    const openCourses = new Set(runs.filter((r) => status(r) === 'open').map((r) => r.courseId));
    // A course whose 工种 has another course open, so the answer is not empty.
    const course = all.find((c) => published.has(c.id) && all.some((o) => o.id !== c.id && o.occupationId === c.occupationId && openCourses.has(o.id)))!;
    const found = await q.openCoursesOfOccupation(course.occupationId, course.id, { today });
    const want = new Set(runs.filter((r) => r.courseId !== course.id && status(r) === 'open').map((r) => r.courseId));
    const sameOccupation = new Set(db.select().from(coursesTable).all().filter((c) => c.occupationId === course.occupationId).map((c) => c.id));
    for (const c of found) {
      assert.ok(sameOccupation.has(c.id));
      assert.ok(want.has(c.id));
      assert.notEqual(c.id, course.id);
      assert.equal(c.run.status, 'open');
      assert.ok(c.run.seatsLeft > 0);
    }
    assert.ok(found.length > 0);
    assert.equal(found.length, Math.min(10, [...want].filter((id) => sameOccupation.has(id)).length));
  });
});

describe('facet counts count courses, the unit of the total', () => {
  it('every option of 费用, 班期状态 and 上课街镇 promises the total it gives', async () => {
    const all = await q.searchCourses('', { today });
    for (const key of ['cost', 'status', 'street'] as const) {
      for (const option of all.facets[key] ?? []) {
        if (option.count === 0) continue;
        const got = await q.searchCourses(`${key}=${option.value}`, { today });
        assert.equal(got.total, option.count, `${key}=${option.value}`);
      }
    }
  });
});
