/**
 * Admin fair writes and the admin list against the seeded sample data: drafts, publishing
 * rules, employers and positions bumping the fair's version, conflicts, clone, scope, audit.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { useSeededTestDb } from '@/db/test-helpers';
import { auditLog, courses, fairEmployers, fairPositions, fairs, searchDocs, users } from '@/db/schema';
import type { Actor } from '@/db/auth/permissions';
import { Forbidden } from '@/db/auth/permissions';
import { Conflict, Invalid } from '../errors';
import {
  employerSchema,
  END_BEFORE_START,
  fairCloneSchema,
  fairCreateSchema,
  positionSchema,
  STATUS_NOTE_NEEDED,
} from '@/db/validation/admin/fair';
import { zodFieldErrors } from '../zod-errors';

const db = useSeededTestDb();

type Mod = typeof import('./writers') & typeof import('./options') & typeof import('./list');
type Q = typeof import('@/db/queries/fairs/list') & typeof import('@/db/queries/fairs/detail') & typeof import('@/db/queries/fairs/for-course');
const admin: Actor = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', providerId: null, stationId: null };
const editor: Actor = { id: 2, username: 'editor', displayName: '编辑', role: 'editor', providerId: null, stationId: null };
const provider: Actor = { id: 3, username: 'kangxin', displayName: '康馨', role: 'provider', providerId: 4, stationId: null };
const station: Actor = { id: 4, username: 'youanmen', displayName: '右安门', role: 'station', providerId: null, stationId: 1 };
let m: Mod;
let q: Q;
before(async () => {
  // Accounts the audit rows point at (the sample seed itself has none; demo accounts come later).
  for (const a of [admin, editor, provider, station]) {
    db.insert(users).values({ id: a.id, username: a.username, displayName: a.displayName, passwordHash: 'not-a-hash', role: a.role, providerId: a.providerId, stationId: a.stationId }).run();
  }
  m = { ...(await import('./writers')), ...(await import('./options')), ...(await import('./list')) };
  q = { ...(await import('@/db/queries/fairs/list')), ...(await import('@/db/queries/fairs/detail')), ...(await import('@/db/queries/fairs/for-course')) };
});

const ctx = { actor: editor, ip: '127.0.0.1' };

function draftInput(title: string, extra: Record<string, unknown> = {}) {
  return fairCreateSchema.parse({
    title,
    type: 'general',
    organiser: '',
    placeId: '',
    onlineUrl: '',
    startsAt: '2026-12-10T09:00',
    endsAt: '2026-12-10T12:00',
    weekdays: [],
    opens: '',
    closes: '',
    status: 'scheduled',
    statusNote: '',
    description: '',
    howToAttend: '',
    contactPhone: '',
    ...extra,
  });
}

function errorsOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const r = schema.safeParse(input);
  assert.equal(r.success, false);
  return zodFieldErrors(r.error as never);
}

const version = (id: number) => db.select({ v: fairs.version }).from(fairs).where(eq(fairs.id, id)).get()!.v;
const venueId = () => db.get<{ id: number }>(sql`select id from places where kind = 'venue' order by id limit 1`)!.id;
const publishedCourse = () => db.select({ id: courses.id }).from(courses).where(eq(courses.publication, 'published')).get()!.id;
const unpublishedCourse = () => db.select({ id: courses.id }).from(courses).where(eq(courses.publication, 'draft')).get()!.id;

describe('fair schemas', async () => {
  it('puts an end before the start beside the end field, in words that say what to do', async () => {
    const e = errorsOf(fairCreateSchema, { ...draftInput('x'), startsAt: '2026-12-10T09:00', endsAt: '2026-12-09T12:00' });
    assert.equal(e.endsAt, END_BEFORE_START);
  });

  it('refuses a garbled or impossible date and time', async () => {
    const e = errorsOf(fairCreateSchema, { ...draftInput('x'), startsAt: '2026-02-30T09:00' });
    assert.match(e.startsAt!, /开始时间请选择日期和钟点/);
  });

  it('asks for a note residents will read when a fair is postponed or cancelled', async () => {
    const e = errorsOf(fairCreateSchema, { ...draftInput('x'), status: 'postponed', statusNote: '  ' });
    assert.equal(e.statusNote, STATUS_NOTE_NEEDED);
  });

  it('asks a market with ticked days for its daily hours, closing after opening', async () => {
    const e = errorsOf(fairCreateSchema, { ...draftInput('x'), type: 'gig_market', weekdays: ['1', '2'], opens: '11:00', closes: '07:00' });
    assert.match(e.closes!, /收市时间要晚于开市时间/);
    const ok = fairCreateSchema.parse({ ...draftInput('x'), type: 'gig_market', weekdays: ['3', '1', '1'], opens: '07:00', closes: '11:00' });
    assert.deepEqual(ok.weekdays, [1, 3]);
  });

  it('keeps pay max at or above pay min, beside the max field', async () => {
    const e = errorsOf(positionSchema, { fairId: 1, fairVersion: 1, employerId: 1, positionId: '', title: '保安员', headcount: '3', payMin: '6000', payMax: '5000', payUnit: 'month', requirements: '', courseId: '' });
    assert.match(e.payMax!, /最高工资不能低于最低工资/);
  });

  it('names missing employer fields and a clone ending before it starts', async () => {
    const e = errorsOf(employerSchema, { fairId: 1, fairVersion: 1, employerId: '', name: '', industry: '', intro: '', booth: '' });
    assert.equal(e.name, '请填写单位名称');
    const c = errorsOf(fairCloneSchema, { id: 1, title: '副本', startsAt: '2026-12-10T09:00', endsAt: '2026-12-10T09:00' });
    assert.equal(c.endsAt, END_BEFORE_START);
  });
});

describe('admin fair writes', async () => {
  it('creates a draft with an audit row and a search document, invisible to residents', async () => {
    const { id, version: v } = m.createFair(db, ctx, draftInput('单元测试草稿招聘会'));
    assert.equal(v, 1);
    const row = db.select().from(fairs).where(eq(fairs.id, id)).get()!;
    assert.equal(row.publication, 'draft');
    const audit = db.select().from(auditLog).where(and(eq(auditLog.entity, 'fair'), eq(auditLog.entityId, id))).all();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'create');
    assert.equal((audit[0]!.after as { title: string }).title, '单元测试草稿招聘会');
    assert.ok(db.select().from(searchDocs).where(and(eq(searchDocs.kind, 'fair'), eq(searchDocs.refId, id))).get());
    assert.equal(await q.getFairDetail(id), null);
    assert.equal((await q.getFairDetail(id, new Date(), { includeUnpublished: true }))?.title, '单元测试草稿招聘会');
  });

  it('publishes only once complete, then residents see employers and the linked course', async () => {
    const { id } = m.createFair(db, ctx, draftInput('单元测试发布招聘会'));
    assert.throws(
      () => m.transitionFair(db, ctx, { id, version: 1, move: 'publish' }),
      (e: unknown) => e instanceof Invalid && 'employers' in e.fieldErrors && 'placeId' in e.fieldErrors && 'organiser' in e.fieldErrors,
    );
    let v = m.updateFair(db, ctx, { ...draftInput('单元测试发布招聘会', { organiser: '丰台区人力社保局', placeId: String(venueId()), howToAttend: '带身份证', contactPhone: '010-63800000' }), id, version: 1 }).version;
    const emp = m.saveEmployer(db, ctx, { fairId: id, fairVersion: v, employerId: null, name: '测试物流公司', industry: '物流', intro: '', booth: 'A1' });
    assert.equal(emp.version, v + 1, 'an employer change bumps the fair');
    const course = publishedCourse();
    const pos = m.savePosition(db, ctx, positionSchema.parse({ fairId: id, fairVersion: emp.version, employerId: emp.employerId, positionId: '', title: '分拣员', headcount: '5', payMin: '5000', payMax: '6500', payUnit: 'month', requirements: '', courseId: String(course) }));
    v = m.transitionFair(db, ctx, { id, version: pos.version, move: 'publish' }).version;
    const detail = (await q.getFairDetail(id))!;
    assert.equal(detail.employers[0]!.positions[0]!.course?.id, course);
    assert.ok((await q.listFairsForCourse(course, '2026-11-23')).some((f) => f.fairId === id));
    // A published fair stays complete: removing its only position is refused and changes nothing.
    assert.throws(() => m.deletePosition(db, ctx, { fairId: id, fairVersion: v, positionId: pos.positionId }), Invalid);
    assert.equal(version(id), v);
    assert.ok(db.select().from(fairPositions).where(eq(fairPositions.id, pos.positionId)).get());
    m.transitionFair(db, ctx, { id, version: v, move: 'withdraw' });
    assert.equal(await q.getFairDetail(id), null);
  });

  it('refuses a stale copy with who changed what, and writes nothing', async () => {
    const { id } = m.createFair(db, ctx, draftInput('单元测试冲突招聘会'));
    m.updateFair(db, { actor: admin }, { ...draftInput('单元测试冲突招聘会（改）'), id, version: 1 });
    const before = db.select().from(fairs).where(eq(fairs.id, id)).get();
    assert.throws(
      () => m.saveEmployer(db, ctx, { fairId: id, fairVersion: 1, employerId: null, name: '迟到的单位', industry: '餐饮', intro: '', booth: '' }),
      // Named as the log page names people: by display name.
      (e: unknown) => e instanceof Conflict && e.info.changes.some((c) => c.by === db.select().from(users).where(eq(users.id, admin.id)).get()!.displayName && c.fields.includes('名称')),
    );
    assert.deepEqual(db.select().from(fairs).where(eq(fairs.id, id)).get(), before);
    assert.equal(db.select().from(fairEmployers).where(eq(fairEmployers.fairId, id)).all().length, 0);
  });

  it('offers only venues for a new place, but keeps a fair at the practice base it already uses', async () => {
    const base = db.get<{ id: number }>(sql`select id from places where kind = 'practice_base' order by id limit 1`)!.id;
    assert.throws(() => m.createFair(db, ctx, draftInput('单元测试场地', { placeId: String(base) })), (e: unknown) => e instanceof Invalid && 'placeId' in e.fieldErrors);
    const atBase = db.get<{ id: number }>(sql`select f.id from fairs f join places p on p.id = f.place_id where p.kind = 'practice_base' order by f.id limit 1`)!;
    const row = db.select().from(fairs).where(eq(fairs.id, atBase.id)).get()!;
    assert.ok((await m.venueOptions(db, row.placeId)).some((v) => v.id === row.placeId));
    assert.ok(!(await m.venueOptions(db)).some((v) => v.id === row.placeId));
    const input = draftInput(row.title, {
      type: row.type, organiser: row.organiser, placeId: String(row.placeId), startsAt: row.startsAt, endsAt: row.endsAt,
      howToAttend: row.howToAttend, contactPhone: row.contactPhone, description: row.description + '（补充）',
    });
    const { version: v } = m.updateFair(db, ctx, { ...input, id: row.id, version: row.version });
    assert.equal(v, row.version + 1);
  });

  it('refuses a link to a course residents cannot see', async () => {
    const { id } = m.createFair(db, ctx, draftInput('单元测试课程关联'));
    const emp = m.saveEmployer(db, ctx, { fairId: id, fairVersion: 1, employerId: null, name: '测试单位', industry: '养老', intro: '', booth: '' });
    assert.throws(
      () => m.savePosition(db, ctx, positionSchema.parse({ fairId: id, fairVersion: emp.version, employerId: emp.employerId, positionId: '', title: '护理员', headcount: '2', payMin: '', payMax: '', payUnit: 'month', requirements: '', courseId: String(unpublishedCourse()) })),
      (e: unknown) => e instanceof Invalid && 'courseId' in e.fieldErrors,
    );
  });

  it('refuses 培训机构 and 驿站 accounts whatever they aim at', async () => {
    const target = db.select({ id: fairs.id, v: fairs.version }).from(fairs).where(eq(fairs.publication, 'published')).get()!;
    const count = db.select({ n: sql<number>`count(*)` }).from(auditLog).get()!.n;
    for (const actor of [provider, station]) {
      assert.throws(() => m.createFair(db, { actor }, draftInput('越权')), Forbidden);
      assert.throws(() => m.updateFair(db, { actor }, { ...draftInput('越权'), id: target.id, version: target.v }), Forbidden);
      assert.throws(() => m.transitionFair(db, { actor }, { id: target.id, version: target.v, move: 'withdraw' }), Forbidden);
      assert.throws(() => m.cloneFair(db, { actor }, { id: target.id, title: '越权', startsAt: '2027-01-01T09:00', endsAt: '2027-01-01T12:00' }), Forbidden);
    }
    assert.equal(db.select({ n: sql<number>`count(*)` }).from(auditLog).get()!.n, count);
  });

  it('clones a fair with its employers and positions as a new draft at the new dates', async () => {
    const src = db.get<{ id: number }>(sql`select f.id from fairs f where f.publication = 'published' and f.recurrence is null and (select count(*) from fair_employers e where e.fair_id = f.id) >= 3 order by f.id limit 1`)!;
    const srcBefore = db.select().from(fairs).where(eq(fairs.id, src.id)).get()!;
    const { id } = m.cloneFair(db, ctx, { id: src.id, title: '单元测试复制', startsAt: '2027-02-01T09:00', endsAt: '2027-02-01T12:00' });
    const copy = db.select().from(fairs).where(eq(fairs.id, id)).get()!;
    assert.equal(copy.publication, 'draft');
    assert.equal(copy.startsAt, '2027-02-01T09:00');
    assert.equal(copy.organiser, srcBefore.organiser);
    const count = (fairId: number) =>
      db.get<{ e: number; p: number }>(sql`select count(distinct e.id) e, count(p.id) p from fair_employers e left join fair_positions p on p.employer_id = e.id where e.fair_id = ${fairId}`)!;
    assert.deepEqual(count(id), count(src.id));
    assert.deepEqual(db.select().from(fairs).where(eq(fairs.id, src.id)).get(), srcBefore);
  });
});

describe('admin list: the public filters in the admin scope', async () => {
  it('shows drafts and past fairs that residents never see, and filters by publication and status', async () => {
    const now = new Date('2026-11-23T12:00:00+08:00');
    const all = await m.listAdminFairs(db, editor, '', now);
    assert.equal(all.total, db.select({ n: sql<number>`count(*)` }).from(fairs).get()!.n);
    const drafts = await m.listAdminFairs(db, editor, 'pub=draft', now);
    assert.ok(drafts.total > 0 && drafts.items.every((r) => r.publication === 'draft'));
    const cancelled = await m.listAdminFairs(db, editor, 'status=cancelled&when=upcoming', now);
    assert.ok(cancelled.total > 0 && cancelled.items.every((r) => r.status === 'cancelled'));
    const past = await m.listAdminFairs(db, editor, 'when=past&pub=published', now);
    const publicPast = await q.searchFairs('when=past', now);
    assert.equal(past.total, publicPast.total, 'same filter, same published fairs');
    const byKeyword = await m.listAdminFairs(db, editor, `q=${encodeURIComponent('单元测试草稿')}`, now);
    assert.ok(byKeyword.items.some((r) => r.title === '单元测试草稿招聘会'), 'drafts are found by keyword');
  });

  it('reports unreadable parameters instead of failing', async () => {
    const r = m.parseAdminFairSearch('pub=nonsense&when=soon&page=-1');
    assert.deepEqual(new Set(r.invalid), new Set(['pub', 'when', 'page']));
  });

  it('reads only with an actor that may view fairs: 培训机构 and 驿站 accounts are refused', async () => {
    for (const actor of [provider, station]) await assert.rejects(m.listAdminFairs(db, actor, ''), Forbidden);
    const r = await m.listAdminFairs(db, admin, 'pub=nonsense&when=soon&page=-1');
    assert.equal(r.notice, 'invalid-params');
    assert.equal(r.query, '');
  });

  it('lists upcoming fairs first (soonest first), then past ones (latest first), twenty a page', async () => {
    const now = new Date('2026-11-23T12:00:00+08:00');
    const first = await m.listAdminFairs(db, admin, '', now);
    assert.equal(first.pageSize, 20);
    const ids: number[] = [];
    for (let p = 1; p <= first.pageCount; p++) ids.push(...(await m.listAdminFairs(db, admin, `page=${p}`, now)).items.map((r) => r.id));
    assert.equal(ids.length, first.total);
    const upcoming = (await m.listAdminFairs(db, admin, 'when=upcoming', now)).total;
    const pastIds: number[] = [];
    const past = await m.listAdminFairs(db, admin, 'when=past', now);
    for (let p = 1; p <= past.pageCount; p++) pastIds.push(...(await m.listAdminFairs(db, admin, `when=past&page=${p}`, now)).items.map((r) => r.id));
    assert.equal(upcoming + past.total, first.total);
    assert.deepEqual(ids.slice(upcoming), pastIds, 'past fairs follow, in the past list order');
  });
});
