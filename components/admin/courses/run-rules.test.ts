/**
 * One set of run rules: the same bad rows go through the run form (its browser check with the
 * form's schema, and the gated write its server action calls, worded as the action words it)
 * and through the spreadsheet import (planned, worded as the preview page words it), and are
 * refused with the same sentence. A deadline after the last class day is refused everywhere.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { courseRuns, courses, users } from '@/db/schema';
import type { Actor } from '@/db/auth/permissions';
import type { Refusal } from '@/db/admin/result';
import { RUN_COLUMNS } from '@/db/validation/admin/import';
import { runCreateSchema } from '@/db/validation/admin/run';
import { zodFieldErrors } from '@/db/admin/zod-errors';
import { fieldMessages, wordRefusal } from '../field-words';
import { importErrorMessage } from '../spreadsheets/strings';
import { RUN_WORDS } from './strings';

const db = useSeededTestDb();
const editor: Actor = { id: 2, username: 'editor', displayName: '编辑', role: 'editor', providerId: null, stationId: null };

let runs: typeof import('@/db/admin/runs');
let imp: typeof import('@/db/admin/spreadsheets/import');
let course: { id: number; title: string };
let place: { id: number; name: string };
before(async () => {
  db.insert(users).values({ id: 2, username: 'editor', displayName: '编辑', passwordHash: 'x', role: 'editor' }).onConflictDoNothing().run();
  runs = await import('@/db/admin/runs');
  imp = await import('@/db/admin/spreadsheets/import');
  const c = db.select().from(courses).where(eq(courses.publication, 'published')).get()!;
  course = { id: c.id, title: c.title };
  const p = db.$client.prepare(`SELECT id, name FROM places WHERE kind = 'classroom' AND (provider_id = ? OR provider_id IS NULL) LIMIT 1`).get(c.providerId) as { id: number; name: string };
  place = p;
});

/** One run, as the form holds it and as a sheet row says it. */
type Row = { label: string; startDate: string; endDate: string; deadline: string; seats: string; seatsLeft: string; costType: 'free' | 'subsidy'; fee: string; subsidy: string };
const good: Row = { label: '规则测试期', startDate: '2027-05-10', endDate: '2027-05-14', deadline: '2027-05-06', seats: '30', seatsLeft: '30', costType: 'free', fee: '', subsidy: '' };

function formInput(r: Row) {
  return {
    courseId: course.id, ...r, classDays: ['1', '2', '3', '4', '5'], dailyStart: '09:00', dailyEnd: '16:30', theoryPlaceId: String(place.id), practicePlaceId: '',
    contactName: '陈老师', contactPhone: '010-5555-1110', note: '', certificates: [], groups: [],
  };
}

function sheet(r: Row, id?: number) {
  const cells: Record<string, string> = {
    id: id ? String(id) : '', courseId: String(course.id), label: r.label, startDate: r.startDate, endDate: r.endDate, deadline: r.deadline, classDays: '周一至周五', dailyTime: '09:00-16:30',
    theoryPlace: place.name, seats: r.seats, seatsLeft: r.seatsLeft, costType: r.costType === 'free' ? '免费' : '补贴', fee: r.fee, subsidy: r.subsidy, contactName: '陈老师', contactPhone: '010-5555-1110',
  };
  return { headers: RUN_COLUMNS.map((c) => c.header), rows: [{ line: 2, cells: RUN_COLUMNS.map((c) => cells[c.key] ?? '') }] };
}

/** What the run form's server action answers (the gated write, worded as the action words it). */
function viaAction(write: () => unknown): Record<string, string> {
  try {
    write();
  } catch (e) {
    const err = e as Error & { code: Refusal['code']; fieldErrors?: Record<string, string> };
    const worded = wordRefusal({ ok: false, code: err.code, message: err.message, fieldErrors: err.fieldErrors }, RUN_WORDS);
    return worded.fieldErrors ?? { _: worded.message };
  }
  assert.fail('the form saved a row the rules refuse');
}

/** What the form says in the browser before sending (the same schema, the same words). */
function inBrowser(r: Row): Record<string, string> {
  const p = runCreateSchema.safeParse(formInput(r));
  assert.equal(p.success, false);
  return fieldMessages(zodFieldErrors(p.error!), RUN_WORDS);
}

/** What the import preview lists for the row. */
async function viaImport(r: Row, id?: number): Promise<string[]> {
  const plan = await imp.planImport(db, 'runs', sheet(r, id));
  assert.ok(plan.errors.length > 0, 'the import took a row the rules refuse');
  return plan.errors.map((e) => importErrorMessage('runs', e));
}

const BAD: [string, Partial<Row>, string, string][] = [
  ['a deadline after the end date', { deadline: '2027-05-20' }, 'deadline', '报名截止不能晚于结课日期'],
  ['an end before the start', { endDate: '2027-05-01', deadline: '2027-04-28' }, 'endDate', '结课日期不能早于开课日期'],
  ['more seats left than seats', { seatsLeft: '31' }, 'seatsLeft', '剩余名额不能多于总名额'],
  ['a subsidy above the fee', { costType: 'subsidy', fee: '800', subsidy: '1200' }, 'subsidy', '补贴金额不能多于费用'],
];

describe('the run form and the run import refuse the same rows with the same words', () => {
  for (const [what, change, field, sentence] of BAD) {
    it(what, async () => {
      const row = { ...good, ...change };
      assert.equal(inBrowser(row)[field], sentence);
      assert.equal(viaAction(() => runs.createRun(db, editor, formInput(row)))[field], sentence);
      assert.deepEqual(await viaImport(row), [sentence]);
      assert.equal(db.select().from(courseRuns).where(eq(courseRuns.label, row.label)).all().length, 0);
    });
  }

  it('an edit is refused the same way: by the form on a saved run, by the import on its row', async () => {
    const { id } = runs.createRun(db, editor, formInput({ ...good, label: '规则测试编辑期' }));
    const row = { ...good, label: '规则测试编辑期', deadline: '2027-05-15' };
    assert.equal(viaAction(() => runs.updateRun(db, editor, { ...formInput(row), courseId: undefined, id, version: 1 })).deadline, '报名截止不能晚于结课日期');
    assert.deepEqual(await viaImport(row, id), ['报名截止不能晚于结课日期']);
    assert.equal(db.select().from(courseRuns).where(eq(courseRuns.id, id)).get()!.deadline, good.deadline);
  });

  it('a live run keeps the live rules whichever way it is edited (a deadline after the start date)', async () => {
    const { id } = runs.createRun(db, editor, formInput({ ...good, label: '规则测试发布期' }));
    const v = runs.transitionRunOn('2026-11-23')(db, editor, { id, version: 1, move: 'publish' }).version;
    const row = { ...good, label: '规则测试发布期', deadline: '2027-05-12' };
    assert.equal(viaAction(() => runs.updateRun(db, editor, { ...formInput(row), courseId: undefined, id, version: v })).deadline, '报名截止不能晚于开课日期');
    assert.deepEqual(await viaImport(row, id), ['报名截止不能晚于开课日期']);
  });

  it('a good row passes both ways (the rules are not stricter on one side)', async () => {
    const row = { ...good, label: '规则测试通过期', deadline: good.endDate };
    assert.equal(runCreateSchema.safeParse(formInput(row)).success, true);
    const plan = await imp.planImport(db, 'runs', sheet(row));
    assert.deepEqual(plan.errors, []);
    assert.ok(runs.createRun(db, editor, formInput(row)).id > 0);
  });

  it('a name too long is refused at the same length, each naming its own field', async () => {
    const long = '期'.repeat(41);
    assert.equal(inBrowser({ ...good, label: long }).label, '班期名称不能超过 40 个字');
    assert.deepEqual(await viaImport({ ...good, label: long }), ['期次不能超过 40 个字']);
    const plan = await imp.planImport(db, 'runs', sheet({ ...good, label: '期'.repeat(40) }));
    assert.deepEqual(plan.errors, []);
  });
});
