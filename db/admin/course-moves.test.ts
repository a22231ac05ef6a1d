/**
 * A course and its runs moving together (issue 17): a school submits both in one step after the
 * publish checks, an editor returns them with a note or publishes them together, a withdrawal
 * asks why and takes the live runs down with the course, and 撤回提交 is not 撤下.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq } from 'drizzle-orm';
import { TEST_TODAY, useSeededTestDb } from '@/db/test-helpers';
import { auditLog, courseRuns, courses, users } from '@/db/schema';
import { Forbidden, type Actor } from '@/db/auth/permissions';
import { Invalid, StateError } from './errors';
import { courseInput as fixtureCourse, runInput as fixtureRun } from './fixtures/course-inputs';

const db = useSeededTestDb();
const editor: Actor = { id: 2, username: 'editor', displayName: '编辑小王', role: 'editor', providerId: null, stationId: null };
const kangxin: Actor = { id: 3, username: 'kangxin', displayName: '康馨', role: 'provider', providerId: 4, stationId: null };

let c: typeof import('./courses');
let r: typeof import('./runs');
let m: typeof import('./course-moves');
let moveCourse: ReturnType<typeof import('./courses').transitionCourseOn>;
let moveRun: ReturnType<typeof import('./runs').transitionRunOn>;
before(async () => {
  for (const a of [editor, kangxin])
    db.insert(users).values({ id: a.id, username: a.username, displayName: a.displayName, passwordHash: 'x', role: a.role, providerId: a.providerId, stationId: a.stationId }).onConflictDoNothing().run();
  c = await import('./courses');
  r = await import('./runs');
  m = await import('./course-moves');
  moveCourse = c.transitionCourseOn(TEST_TODAY);
  moveRun = r.transitionRunOn(TEST_TODAY);
});

const courseInput = (title: string) => fixtureCourse({ title });
const runInput = (courseId: number, over: Record<string, unknown> = {}) => fixtureRun(db, courseId, { label: '2026年12月班', ...over });

const course = (id: number) => db.select().from(courses).where(eq(courses.id, id)).get()!;
const run = (id: number) => db.select().from(courseRuns).where(eq(courseRuns.id, id)).get()!;
const actions = (entity: 'course' | 'run', id: number) =>
  db
    .select({ action: auditLog.action, summary: auditLog.summary, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id))
    .all();

describe('a school submits a course with its runs in one step', () => {
  it('a 补贴 run with no fee or subsidy is caught at submit, with the course’s own gaps; nothing moves', () => {
    const { id } = c.createCourse(db, kangxin, { ...courseInput('一步提交测试课'), content: '' });
    const bad = r.createRun(db, kangxin, runInput(id, { costType: 'subsidy', label: '缺费用班' }));
    const good = r.createRun(db, kangxin, runInput(id, { label: '完整班' }));
    assert.throws(
      () => moveCourse(db, kangxin, { id, version: 1, move: 'submit' }),
      (e: unknown) =>
        e instanceof Invalid &&
        e.fieldErrors.content === 'contentNeeded' &&
        e.fieldErrors[`runs.${bad.id}.fee`] === 'feeNeededSubsidy' &&
        e.fieldErrors[`runs.${bad.id}.subsidy`] === 'subsidyNeeded' &&
        !Object.keys(e.fieldErrors).some((k) => k.startsWith(`runs.${good.id}.`)),
    );
    assert.equal(course(id).publication, 'draft');
    assert.equal(run(bad.id).publication, 'draft');
    assert.deepEqual(actions('course', id).map((a) => a.action), ['create']);

    // The checklist the page shows is the same list.
    const plan = m.coursePlanIn(db, id, TEST_TODAY)!;
    assert.deepEqual(Object.keys(m.submitProblems(plan)).sort(), ['content', `runs.${bad.id}.fee`, `runs.${bad.id}.subsidy`].sort());

    c.updateCourse(db, kangxin, { ...courseInput('一步提交测试课'), id, version: 1 });
    r.updateRun(db, kangxin, { ...runInput(id, { costType: 'subsidy', label: '缺费用班', fee: '1200', subsidy: '900' }), courseId: undefined, id: bad.id, version: 1 });
    const s = moveCourse(db, kangxin, { id, version: 2, move: 'submit' });
    assert.equal(s.runs, 2);
    assert.equal(course(id).publication, 'review');
    assert.deepEqual([run(bad.id).publication, run(good.id).publication], ['review', 'review']);
    assert.match(actions('course', id).at(-1)!.summary, /提交审核课程《一步提交测试课》及其 2 个班期/);
    assert.match(actions('run', good.id).at(-1)!.summary, /随课程一起提交/);
  });

  it('a run submitted on its own is checked too (补贴 without subsidy)', () => {
    const { id } = c.createCourse(db, kangxin, courseInput('单独提交班期'));
    const one = r.createRun(db, kangxin, runInput(id, { costType: 'subsidy', fee: '800' }));
    assert.throws(
      () => moveRun(db, kangxin, { id: one.id, version: 1, move: 'submit' }),
      (e: unknown) => e instanceof Invalid && e.fieldErrors.subsidy === 'subsidyNeeded' && !('course' in e.fieldErrors),
    );
    assert.equal(run(one.id).publication, 'draft');
  });
});

describe('the editor returns with a note, or publishes course and runs together', () => {
  let id: number;
  let runs: number[];
  before(() => {
    id = c.createCourse(db, kangxin, courseInput('审核测试课')).id;
    runs = [r.createRun(db, kangxin, runInput(id, { label: '一班' })).id, r.createRun(db, kangxin, runInput(id, { label: '二班', startDate: '2027-01-04', endDate: '2027-01-08', deadline: '2026-12-30' })).id];
    moveCourse(db, kangxin, { id, version: 1, move: 'submit' });
  });

  it('退回修改 needs a note; the note is kept with the draft, on the runs, and in the audit', () => {
    const v = course(id).version;
    assert.throws(() => moveCourse(db, editor, { id, version: v, move: 'return', note: '  ' }), (e: unknown) => e instanceof Invalid && e.fieldErrors.note === 'returnNoteNeeded');
    assert.equal(course(id).publication, 'review');
    moveCourse(db, editor, { id, version: v, move: 'return', note: '请补充实操地点和考核安排。' });
    const row = course(id);
    assert.equal(row.publication, 'draft');
    assert.equal(row.stateNote, '请补充实操地点和考核安排。');
    assert.equal(row.stateNoteBy, '编辑小王');
    assert.ok(row.stateNoteAt instanceof Date);
    assert.deepEqual(runs.map((x) => run(x).publication), ['draft', 'draft']);
    const last = actions('course', id).at(-1)!;
    assert.equal(last.action, 'return');
    assert.equal(last.after?.note, '请补充实操地点和考核安排。');
    assert.match(last.summary, /退回修改课程《审核测试课》及其 2 个班期：请补充实操地点和考核安排。/);

    // Sent again: the note is cleared from the record; the audit still has it.
    moveCourse(db, kangxin, { id, version: row.version, move: 'submit' });
    assert.equal(course(id).stateNote, '');
    assert.equal(course(id).stateNoteBy, null);
    assert.ok(actions('course', id).some((a) => a.after?.note === '请补充实操地点和考核安排。'));
  });

  it('发布 puts the course live with its complete runs, one audit line each', () => {
    const draft = r.createRun(db, editor, runInput(id, { label: '不完整班', costType: 'self' }));
    const p = moveCourse(db, editor, { id, version: course(id).version, move: 'publish' });
    assert.equal(p.runs, 2);
    assert.equal(course(id).publication, 'published');
    assert.deepEqual(runs.map((x) => run(x).publication), ['published', 'published']);
    assert.equal(run(draft.id).publication, 'draft', 'an incomplete run stays behind');
    for (const x of runs) assert.equal(actions('run', x).at(-1)!.action, 'publish');
    assert.match(actions('course', id).at(-1)!.summary, /发布课程《审核测试课》及其 2 个班期/);
  });

  it('撤下 asks why, takes the live runs down with the course, and a run cannot go live alone under it', () => {
    const v = course(id).version;
    assert.throws(() => moveCourse(db, editor, { id, version: v, move: 'withdraw' }), (e: unknown) => e instanceof Invalid && e.fieldErrors.note === 'withdrawReasonNeeded');
    assert.equal(course(id).publication, 'published');
    const w = moveCourse(db, editor, { id, version: v, move: 'withdraw', note: '机构场地整改，暂停招生。' });
    assert.equal(w.runs, 2);
    assert.equal(course(id).publication, 'withdrawn');
    assert.equal(course(id).stateNote, '机构场地整改，暂停招生。');
    assert.deepEqual(runs.map((x) => run(x).publication), ['withdrawn', 'withdrawn']);
    assert.match(actions('run', runs[0]!).at(-1)!.summary, /（随课程撤下）：机构场地整改，暂停招生。/);
    // The run says the course was taken down, not that it was never published.
    const draft = db.select().from(courseRuns).where(and(eq(courseRuns.courseId, id), eq(courseRuns.publication, 'draft'))).get()!;
    assert.throws(() => moveRun(db, editor, { id: draft.id, version: draft.version, move: 'publish' }), (e: unknown) => e instanceof StateError && e.message === 'courseWithdrawn');
    // Published again, the runs taken down with it come back.
    const again = moveCourse(db, editor, { id, version: course(id).version, move: 'publish' });
    assert.equal(again.runs, 2);
    assert.deepEqual(runs.map((x) => run(x).publication), ['published', 'published']);
    assert.equal(course(id).stateNote, '');
  });
});

describe('撤回提交 is not 撤下', () => {
  it('a school takes its submission back to a draft (still deletable), and cannot 撤下 a submission', () => {
    const { id } = c.createCourse(db, kangxin, courseInput('撤回提交测试'));
    const one = r.createRun(db, kangxin, runInput(id));
    const s = moveCourse(db, kangxin, { id, version: 1, move: 'submit' });
    assert.throws(() => moveCourse(db, kangxin, { id, version: s.version, move: 'withdraw', note: '不想发了' }), StateError);
    const back = moveCourse(db, kangxin, { id, version: s.version, move: 'recall' });
    assert.equal(back.runs, 1);
    assert.equal(course(id).publication, 'draft');
    assert.equal(run(one.id).publication, 'draft');
    assert.equal(c.courseDeletable(db, course(id)), true);
    // An editor returns, it does not recall.
    const again = moveCourse(db, kangxin, { id, version: course(id).version, move: 'submit' });
    assert.throws(() => moveCourse(db, editor, { id, version: again.version, move: 'recall' }), Forbidden);
  });
});
