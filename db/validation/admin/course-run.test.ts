/** The course and run schemas shared by the admin forms and actions (pure, no database). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { courseCreateSchema, coursePublishProblems } from './course';
import { runCloneSchema, runCreateSchema, runPublishProblems } from './run';
import { RUN_FORM } from './run-form.fixture';

// A repeated day, to see it deduplicated.
const run = { ...RUN_FORM, classDays: ['3', '1', '1'] };

const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('run schema', () => {
  it('turns form strings into typed values; class days deduplicated and sorted', () => {
    const r = runCreateSchema.safeParse(run);
    assert.ok(r.success);
    assert.deepEqual(r.data.classDays, [1, 3]);
    assert.equal(r.data.seats, 30);
    assert.equal(r.data.practicePlaceId, null);
  });

  it('cross-field rules name the field and say what to do', () => {
    const e = errorsOf(runCreateSchema.safeParse({ ...run, endDate: '2026-12-01', seatsLeft: '31', dailyEnd: '08:00' }));
    assert.equal(e.endDate, 'endBeforeStart');
    assert.equal(e.seatsLeft, 'seatsLeftOver');
    assert.equal(e.dailyEnd, 'dailyEndNotAfter');
  });

  it('bad input is refused with codes (worded in components/admin/courses/strings.ts), never thrown', () => {
    const e = errorsOf(runCreateSchema.safeParse({ ...run, startDate: '2026-02-30', seats: 'abc', classDays: [], contactPhone: 'call me', costType: 'gift' }));
    assert.equal(e.startDate, 'date');
    assert.equal(e.seats, 'number');
    assert.equal(e.classDays, 'classDaysNeeded');
    assert.equal(e.contactPhone, 'phone');
    assert.equal(e.costType, 'choose');
    assert.equal(runCreateSchema.safeParse(null).success, false);
  });

  it('publish rules are stricter than a draft save', () => {
    const stored = { ...run, classDays: '1,3', seats: 0, seatsLeft: 0, fee: null, subsidy: null, deadline: '2026-12-20', contactName: '', contactPhone: '' };
    const p = runPublishProblems(stored as never, '2026-11-23');
    assert.equal(p.deadline, 'deadlineAfterStart');
    assert.equal(p.seats, 'seatsNone');
    assert.deepEqual([p.fee, p.subsidy, p.contactName, p.contactPhone], ['feeNeededSubsidy', 'subsidyNeeded', 'contactNameNeeded', 'contactPhoneNeeded']);
    const ok = runPublishProblems({ ...stored, seats: 30, seatsLeft: 30, fee: 1200, subsidy: 800, deadline: '2026-12-10', contactName: '李', contactPhone: '010-63800001' } as never, '2026-11-23');
    assert.deepEqual(ok, {});
    assert.equal(runPublishProblems({ ...stored, startDate: '2026-10-01', endDate: '2026-10-05' } as never, '2026-11-23').endDate, 'runEnded');
  });

  it('clone takes only an id, a new start date and a label', () => {
    assert.ok(runCloneSchema.safeParse({ id: 5, startDate: '2027-01-04', label: '新一期' }).success);
    assert.equal(runCloneSchema.safeParse({ id: 5, startDate: '2027-01-04', label: '新一期', seatsLeft: 0 }).success, false);
  });
});

describe('course schema', () => {
  const course = { title: '课程', occupationId: '1', level: '4', providerId: '2', durationDays: '', summary: '', suitableFor: '', requirements: '', content: '', method: '', materials: '', assessment: '', outcomes: '' };
  it('a draft may be incomplete', () => {
    const r = courseCreateSchema.safeParse(course);
    assert.ok(r.success);
    assert.equal(r.data.durationDays, null);
  });
  it('publishing asks for the sections residents need and a certified level', () => {
    const p = coursePublishProblems({ title: '课程', durationDays: null, summary: '', suitableFor: 'x', requirements: '', content: '', method: '', assessment: '' }, false);
    assert.deepEqual(Object.keys(p).sort(), ['assessment', 'content', 'durationDays', 'level', 'method', 'requirements', 'summary'].sort());
    assert.equal(p.content, 'contentNeeded');
    assert.equal(p.level, 'levelUncertified');
  });
});
