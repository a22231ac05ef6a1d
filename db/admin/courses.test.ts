/**
 * Admin course and run writes against the seeded sample data: ownership, the lenient draft and
 * strict publish rules, optimistic locking, audit rows in the same transaction, clone, delete,
 * the admin scope of the shared course filter, and that a saved change reaches the public
 * queries at once (the list cache keyed on the change stamp).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import { auditLog, courseRuns, courses, runCertificates, runTargetGroups, users } from '@/db/schema';
import type { Actor } from '@/db/auth/permissions';
import { Forbidden } from '@/db/auth/permissions';
import { Conflict, Invalid, StateError } from './errors';
import { classroomOf as fixtureClassroom, courseInput as fixtureCourse, runInput as fixtureRun } from './fixtures/course-inputs';

const db = useSeededTestDb();
const editor: Actor = { id: 2, username: 'editor', displayName: '编辑', role: 'editor', providerId: null, stationId: null };
const kangxin: Actor = { id: 3, username: 'kangxin', displayName: '康馨', role: 'provider', providerId: 4, stationId: null };
const station: Actor = { id: 4, username: 'youanmen', displayName: '右安门', role: 'station', providerId: null, stationId: 1 };

let c: typeof import('./courses');
let r: typeof import('./runs');
let q: typeof import('@/db/queries/courses');
before(async () => {
  // The actors below as accounts, so audit rows can name them (audit_log.user_id is a foreign key).
  for (const a of [editor, kangxin, station])
    db.insert(users).values({ id: a.id, username: a.username, displayName: a.displayName, passwordHash: 'x', role: a.role, providerId: a.providerId, stationId: a.stationId }).onConflictDoNothing().run();
  c = await import('./courses');
  r = await import('./runs');
  q = await import('@/db/queries/courses');
});

const courseInput = fixtureCourse;
const classroomOf = (providerId: number) => fixtureClassroom(db, providerId);
/** The fixture run, awarding 一培双证 to two target groups. */
const runInput = (courseId: number, over: Record<string, unknown> = {}) =>
  fixtureRun(db, courseId, {
    certificates: [
      { kind: 'skill', name: '养老护理员五级', issuer: '北京市职业技能鉴定中心' },
      { kind: 'licence', name: '上岗证', issuer: '丰台区民政局' },
    ],
    groups: ['unemployed', 'rural'],
    ...over,
  });

const auditCount = (entity: 'course' | 'run', id: number) =>
  db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id))).all().length;

describe('courses', () => {
  it('a 培训机构 creates only for its own provider, and only with a level the occupation certifies', async () => {
    assert.throws(() => c.createCourse(db, kangxin, courseInput({ providerId: '1' })), Forbidden);
    assert.throws(() => c.createCourse(db, station, courseInput()), Forbidden);
    assert.throws(
      () => c.createCourse(db, kangxin, courseInput({ title: '  ' })),
      (e: unknown) => e instanceof Invalid && e.fieldErrors.title === 'required',
    );
    const occWithoutLevel1 = db.$client
      .prepare(`SELECT id FROM occupations WHERE id NOT IN (SELECT occupation_id FROM occupation_levels WHERE level = 1) LIMIT 1`)
      .pluck()
      .get() as number | undefined;
    if (occWithoutLevel1 !== undefined) {
      assert.throws(
        () => c.createCourse(db, kangxin, courseInput({ occupationId: String(occWithoutLevel1), level: '1' })),
        (e: unknown) => e instanceof Invalid && e.fieldErrors.level === 'levelNotOffered',
      );
    }
  });

  it('create, update (audited before/after), stale update is a conflict naming the field, nothing written', async () => {
    const { id, version } = c.createCourse(db, kangxin, courseInput({ title: '冲突测试课程' }));
    assert.equal(version, 1);
    assert.equal(auditCount('course', id), 1);
    const u = c.updateCourse(db, kangxin, { ...courseInput({ title: '冲突测试课程（改）' }), id, version: 1 });
    assert.equal(u.version, 2);
    const row = db.select().from(auditLog).where(and(eq(auditLog.entity, 'course'), eq(auditLog.entityId, id), eq(auditLog.action, 'update'))).get()!;
    assert.equal(row.before?.title, '冲突测试课程');
    assert.equal(row.after?.title, '冲突测试课程（改）');
    assert.equal(row.entityVersion, 2);
    assert.throws(
      () => c.updateCourse(db, editor, { ...courseInput({ summary: '旧副本' }), id, version: 1 }),
      (e: unknown) => e instanceof Conflict && e.info.changes.some((ch) => ch.fields.includes('title')),
    );
    assert.equal(db.select().from(courses).where(eq(courses.id, id)).get()!.summary, '学会基本操作');
  });

  it('a 培训机构 cannot touch another provider’s course, and cannot publish its own', async () => {
    const other = db.select().from(courses).where(eq(courses.providerId, 1)).get()!;
    assert.throws(() => c.updateCourse(db, kangxin, { ...courseInput({ providerId: '1' }), id: other.id, version: other.version }), Forbidden);
    assert.throws(() => c.transitionCourse(db, kangxin, { id: other.id, version: other.version, move: 'withdraw' }), Forbidden);
    assert.throws(() => c.deleteCourse(db, kangxin, { id: other.id, version: other.version }), Forbidden);
    const { id } = c.createCourse(db, kangxin, courseInput({ title: '提交审核测试' }));
    const s = c.transitionCourse(db, kangxin, { id, version: 1, move: 'submit' });
    assert.equal(db.select().from(courses).where(eq(courses.id, id)).get()!.publication, 'review');
    assert.throws(() => c.transitionCourse(db, kangxin, { id, version: s.version, move: 'publish' }), Forbidden);
    // Nor move its own course to another provider.
    assert.throws(() => c.updateCourse(db, kangxin, { ...courseInput({ providerId: '1' }), id, version: s.version }), Forbidden);
  });

  it('publishing is strict: an incomplete draft saves but cannot be published', async () => {
    const { id } = c.createCourse(db, editor, courseInput({ title: '不完整草稿', content: '', durationDays: '' }));
    assert.throws(
      () => c.transitionCourse(db, editor, { id, version: 1, move: 'publish' }),
      (e: unknown) => e instanceof Invalid && e.fieldErrors.content === 'contentNeeded' && e.fieldErrors.durationDays === 'durationNeeded',
    );
    assert.equal(db.select().from(courses).where(eq(courses.id, id)).get()!.publication, 'draft');
  });

  it('only never-published drafts are deleted', async () => {
    const { id } = c.createCourse(db, kangxin, courseInput({ title: '要删的草稿' }));
    c.deleteCourse(db, kangxin, { id, version: 1 });
    assert.equal(db.select().from(courses).where(eq(courses.id, id)).get(), undefined);
    assert.equal(db.select().from(auditLog).where(and(eq(auditLog.entity, 'course'), eq(auditLog.entityId, id), eq(auditLog.action, 'delete'))).all().length, 1);
    const published = db.select().from(courses).where(and(eq(courses.providerId, 4), eq(courses.publication, 'published'))).get()!;
    assert.throws(() => c.deleteCourse(db, kangxin, { id: published.id, version: published.version }), StateError);
  });
});

describe('runs', () => {
  let courseId: number;
  before(() => {
    courseId = c.createCourse(db, editor, courseInput({ title: '班期测试课程' })).id;
  });

  it('draft save keeps the table rules (结课日期不能早于开课日期, seats left within seats)', async () => {
    assert.throws(
      () => r.createRun(db, editor, runInput(courseId, { endDate: '2026-12-01' })),
      (e: unknown) => e instanceof Invalid && e.fieldErrors.endDate === 'endBeforeStart',
    );
    assert.throws(
      () => r.createRun(db, editor, runInput(courseId, { seatsLeft: '31' })),
      (e: unknown) => e instanceof Invalid && e.fieldErrors.seatsLeft === 'seatsLeftOver',
    );
    assert.throws(
      () => r.createRun(db, editor, runInput(courseId, { theoryPlaceId: classroomOf(1) })),
      (e: unknown) => e instanceof Invalid && e.fieldErrors.theoryPlaceId === 'theoryPlaceMissing',
    );
  });

  it('a run of an unpublished course is refused at publish with a clear message; strict rules after', async () => {
    // A deadline after the last class day is refused on every save; after the first, only at publish.
    assert.throws(
      () => r.createRun(db, editor, runInput(courseId, { costType: 'self', deadline: '2026-12-20', contactName: '' })),
      (e: unknown) => e instanceof Invalid && e.fieldErrors.deadline === 'deadlineAfterEnd',
    );
    const { id } = r.createRun(db, editor, runInput(courseId, { costType: 'self', deadline: '2026-12-16', contactName: '' }));
    assert.throws(() => r.transitionRunOn(TEST_TODAY)(db, editor, { id, version: 1, move: 'publish' }), (e: unknown) => e instanceof StateError && e.message === 'courseNotPublished');
    c.transitionCourse(db, editor, { id: courseId, version: 1, move: 'publish' });
    assert.throws(
      () => r.transitionRunOn(TEST_TODAY)(db, editor, { id, version: 1, move: 'publish' }),
      (e: unknown) =>
        e instanceof Invalid &&
        e.fieldErrors.deadline === 'deadlineAfterStart' &&
        e.fieldErrors.fee === 'feeNeededSelf' &&
        e.fieldErrors.contactName === 'contactNameNeeded',
    );
    const u = r.updateRun(db, editor, { ...runInput(courseId, { costType: 'self', fee: '800' }), courseId: undefined, id, version: 1 });
    const p = r.transitionRunOn(TEST_TODAY)(db, editor, { id, version: u.version, move: 'publish' });
    assert.equal(db.select().from(courseRuns).where(eq(courseRuns.id, id)).get()!.publication, 'published');
    // It is on the public course page at once.
    const detail = (await q.getCourseDetail(courseId, new Date(`${TEST_TODAY}T10:00:00+08:00`)))!;
    assert.ok(detail.runs.some((x) => x.id === id && x.fee === 800 && x.dual));
    // A published run stays strict on every save.
    assert.throws(
      () => r.updateRun(db, editor, { ...runInput(courseId, { costType: 'self', fee: '' }), courseId: undefined, id, version: p.version }),
      (e: unknown) => e instanceof Invalid && 'fee' in e.fieldErrors,
    );
  });

  it('clone shifts the dates, resets seats, copies certificates and groups, and is a draft', async () => {
    const src = r.createRun(db, editor, runInput(courseId, { seatsLeft: '3' }));
    const copy = r.cloneRun(db, editor, { id: src.id, startDate: '2027-01-11', label: '2027年第1期' });
    const row = db.select().from(courseRuns).where(eq(courseRuns.id, copy.id)).get()!;
    assert.deepEqual([row.startDate, row.endDate, row.deadline, row.seatsLeft, row.publication], ['2027-01-11', '2027-01-15', '2027-01-07', 30, 'draft']);
    assert.equal(db.select().from(runCertificates).where(eq(runCertificates.runId, copy.id)).all().length, 2);
    assert.equal(db.select().from(runTargetGroups).where(eq(runTargetGroups.runId, copy.id)).all().length, 2);
    assert.equal(auditCount('run', copy.id), 1);
  });

  it('a 培训机构 cannot create, clone, edit, move or delete another provider’s runs', async () => {
    const other = db.$client
      .prepare(`SELECT r.id, r.version, r.course_id AS courseId FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE c.provider_id = 1 LIMIT 1`)
      .get() as { id: number; version: number; courseId: number };
    assert.throws(() => r.createRun(db, kangxin, runInput(other.courseId)), Forbidden);
    assert.throws(() => r.cloneRun(db, kangxin, { id: other.id, startDate: '2027-01-11', label: 'x' }), Forbidden);
    assert.throws(() => r.updateRun(db, kangxin, { ...runInput(other.courseId), id: other.id, version: other.version }), Forbidden);
    assert.throws(() => r.transitionRun(db, kangxin, { id: other.id, version: other.version, move: 'withdraw' }), Forbidden);
    assert.throws(() => r.deleteRun(db, kangxin, { id: other.id, version: other.version }), Forbidden);
  });
});

describe('one filter builder, two scopes', () => {
  it('the admin scope sees drafts; a 培训机构 only its own provider whatever it asks for', async () => {
    const all = (await q.listCoursesForAdmin(editor, 'publication=review', { today: TEST_TODAY }));
    assert.ok(all.items.length >= 1 && all.items.every((x) => x.publication === 'review'));
    const mine = (await q.listCoursesForAdmin(kangxin, 'provider=1', { today: TEST_TODAY }));
    const ids = new Set(db.select({ id: courses.id }).from(courses).where(eq(courses.providerId, 4)).all().map((x) => x.id));
    assert.equal(mine.total, ids.size);
    assert.ok(mine.items.every((x) => ids.has(x.id)));
    assert.equal((await q.listCoursesForAdmin(station, '', { today: TEST_TODAY })).total, 0);
  });

  it('public filters mean the same in the admin list (occupation, cost)', async () => {
    const occ = db.select().from(courses).where(eq(courses.publication, 'published')).get()!.occupationId;
    const pub = (await q.searchCourses(`occupation=${occ}`, { today: TEST_TODAY }));
    const adm = (await q.listCoursesForAdmin(editor, `occupation=${occ}&publication=published`, { today: TEST_TODAY }));
    // The admin list also counts published courses whose runs are all past; it is never smaller.
    assert.ok(adm.total >= pub.total);
    for (const card of pub.items) assert.ok(adm.total > 0 && card.occupation === pub.items[0]!.occupation);
    const free = (await q.listCoursesForAdmin(editor, 'cost=self', { today: TEST_TODAY }));
    const expected = db.$client.prepare(`SELECT COUNT(DISTINCT course_id) FROM course_runs WHERE cost_type = 'self'`).pluck().get() as number;
    assert.equal(free.total, expected);
  });

  it('a keyword finds a new draft in the admin list (reindexed in the same transaction)', async () => {
    c.createCourse(db, editor, courseInput({ title: '独一无二的蜂蜜课程' }));
    assert.equal((await q.listCoursesForAdmin(editor, 'q=蜂蜜课程', { today: TEST_TODAY })).total, 1);
    assert.equal((await q.searchCourses('q=蜂蜜课程', { today: TEST_TODAY })).total, 0);
  });

  it('an admin save empties the public list cache at once', async () => {
    const first = (await q.searchCourses('', { today: TEST_TODAY }));
    const card = first.items[0]!;
    const row = db.select().from(courses).where(eq(courses.id, card.id)).get()!;
    // Read twice so the second answer comes from the cache.
    assert.equal((await q.searchCourses('', { today: TEST_TODAY })).total, first.total);
    // 撤下 asks for a reason (issue 17); the cache still empties at once.
    c.transitionCourse(db, editor, { id: row.id, version: row.version, move: 'withdraw', note: '单元测试：撤下' });
    const after = (await q.searchCourses('', { today: TEST_TODAY }));
    assert.equal(after.total, first.total - 1);
    assert.ok(!after.items.some((x) => x.id === card.id));
    assert.equal(await q.getCourseDetail(row.id), null);
    assert.ok(await q.getCourseDetail(row.id, new Date(), { includeUnpublished: true }));
  });
});
